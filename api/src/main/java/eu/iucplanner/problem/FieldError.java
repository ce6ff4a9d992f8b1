package eu.iucplanner.problem;

/**
 * One offending field of a refused request.
 *
 * @param field   the path of the field in the request, e.g. {@code applicants[3].country}, {@code weights.Typo},
 *                {@code header[5]} for a CSV header, {@code $} for the whole body
 * @param message what is wrong with it
 */
public record FieldError(String field, String message) {
}
