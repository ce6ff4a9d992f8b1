package eu.iucplanner.web;

/**
 * One offending field of a rejected request.
 *
 * @param field   the path of the field in the request, e.g. {@code applicants[3].country}
 * @param message what is wrong with it
 */
public record FieldErrorView(String field, String message) {
}
