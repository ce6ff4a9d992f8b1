package eu.iucplanner.pairing.rest;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A what-if: the same pool with changed pins and exclusions, solved from the previous run's best solution.
 *
 * @param name          label of the new run; defaults to the previous name with "(rerun)"
 * @param pinnedPairs   the pins of the new run; {@code null} keeps the previous run's pins
 * @param excludedPairs the exclusions of the new run; {@code null} keeps the previous run's exclusions
 * @param termination   {@code null} keeps the previous run's termination
 */
@Schema(description = "Changed pins and exclusions for a new run that starts from this run's best solution.")
public record RerunRequest(String name, List<PairDto> pinnedPairs, List<PairDto> excludedPairs,
        TerminationDto termination) {
}
