package eu.iucplanner.pairing.service;

import eu.iucplanner.validation.Limits;
import eu.iucplanner.validation.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Two applicants by id, in either order. */
@Schema(description = "Two applicants by id, in either order.")
public record PairDto(
        @Schema(example = "eu-lyon", maxLength = Limits.ID) @NotBlank(message = "is required")
        @Size(max = Limits.ID, message = "must be at most " + Limits.ID + " characters") @PlainText String first,
        @Schema(example = "na-boston", maxLength = Limits.ID) @NotBlank(message = "is required")
        @Size(max = Limits.ID, message = "must be at most " + Limits.ID + " characters") @PlainText String second) {
}
