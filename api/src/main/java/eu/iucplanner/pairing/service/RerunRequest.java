package eu.iucplanner.pairing.service;

import java.util.List;

import eu.iucplanner.run.service.TerminationDto;
import eu.iucplanner.validation.Limits;
import eu.iucplanner.validation.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A what-if: the same pool with changed pins and exclusions, solved from the previous run's best solution. A field
 * left out keeps the previous run's value; a list given replaces it whole (so {@code []} removes every pin).
 *
 * @param name          label of the new run; defaults to the previous name with "(rerun)"
 * @param pinnedPairs   the pins of the new run; {@code null} keeps the previous run's pins
 * @param excludedPairs the exclusions of the new run; {@code null} keeps the previous run's exclusions
 * @param termination   {@code null} keeps the previous run's termination
 */
@Schema(description = "Changed pins and exclusions for a new run that starts from this run's best solution. A field "
        + "left out keeps the previous run's value; a list given replaces it whole.")
public record RerunRequest(
        @Size(max = Limits.NAME, message = "must be at most " + Limits.NAME + " characters") @PlainText String name,
        @Size(max = PairingRunRequest.MAX_PAIRS, message = "must list at most " + PairingRunRequest.MAX_PAIRS
                + " pairs") List<@NotNull(message = "must not be null") @Valid PairDto> pinnedPairs,
        @Size(max = PairingRunRequest.MAX_PAIRS, message = "must list at most " + PairingRunRequest.MAX_PAIRS
                + " pairs") List<@NotNull(message = "must not be null") @Valid PairDto> excludedPairs,
        @Valid TerminationDto termination) {
}
