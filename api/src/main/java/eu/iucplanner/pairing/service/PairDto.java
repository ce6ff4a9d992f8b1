package eu.iucplanner.pairing.service;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;

/** Two applicants by id, in either order. */
@Schema(description = "Two applicants by id, in either order.")
public record PairDto(@Schema(example = "eu-lyon") @NotBlank(message = "is required") String first,
        @Schema(example = "na-boston") @NotBlank(message = "is required") String second) {
}
