package eu.iucplanner.pairing.service;

import eu.iucplanner.validation.Limits;
import eu.iucplanner.validation.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Asks for the best partners of one applicant.
 *
 * @param applicantId the applicant to find partners for
 * @param limit       how many recommendations at most (default 10)
 */
@Schema(description = "The applicant to find partners for.")
public record RecommendationRequest(
        @Schema(example = "eu-lyon", maxLength = Limits.ID) @NotBlank(message = "is required")
        @Size(max = Limits.ID, message = "must be at most " + Limits.ID + " characters") @PlainText String applicantId,
        @Schema(example = "10") @Min(value = 1, message = "must be from 1 to 100")
        @Max(value = 100, message = "must be from 1 to 100") Integer limit) {
}
