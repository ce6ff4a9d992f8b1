package eu.iucplanner.pairing.rest;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Asks for the best partners of one applicant.
 *
 * @param applicantId the applicant to find partners for
 * @param limit       how many recommendations at most (default 10)
 */
@Schema(description = "The applicant to find partners for.")
public record RecommendationRequest(@Schema(example = "eu-lyon") String applicantId,
        @Schema(example = "10") Integer limit) {
}
