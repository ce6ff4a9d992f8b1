package eu.iucplanner.pairing.rest;

import java.time.Duration;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * When a run stops solving. Given, it replaces the default (diminished returns over 10 s, at most 2 minutes); the
 * service's {@code iuc.pairing.max-spent-limit} caps every run.
 *
 * @param spentLimit          stop after this long
 * @param unimprovedSpentLimit stop when the best score has not improved for this long
 */
@Schema(description = "ISO-8601 durations; at least one of them.")
public record TerminationDto(@Schema(example = "PT30S", type = "string") Duration spentLimit,
        @Schema(example = "PT5S", type = "string") Duration unimprovedSpentLimit) {
}
