package eu.iucplanner.pairing.rest;

import io.swagger.v3.oas.annotations.media.Schema;

/** Two applicants by id, in either order. */
@Schema(description = "Two applicants by id, in either order.")
public record PairDto(@Schema(example = "eu-lyon") String first, @Schema(example = "na-boston") String second) {
}
