package eu.iucplanner.pairing.rest;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What the coordination unit submits: the call's rules, the applicant pool, and how to solve it.
 *
 * @param name          a label for the run, e.g. "IURC 2024, second round"; defaults to the call's name
 * @param call          the call's rules; every field optional, defaults as documented
 * @param applicants    the applicant pool
 * @param weights       soft constraint weights by constraint name, replacing the defaults; 0 switches one off
 * @param termination   when to stop solving; replaces the default termination when given
 * @param pinnedPairs   pairs that must be kept as they are
 * @param excludedPairs pairs that must never be formed
 */
@Schema(description = "A call's applicant pool to pair, with the call's rules and solving options.")
public record PairingRunRequest(
        @Schema(example = "IURC 2024, Asia round") String name,
        CallRulesDto call,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ApplicantDto> applicants,
        @Schema(example = "{\"Size similarity\": 0, \"Shared challenges\": 20}") Map<String, Long> weights,
        TerminationDto termination,
        List<PairDto> pinnedPairs,
        List<PairDto> excludedPairs) {

    public List<ApplicantDto> applicantsOrEmpty() {
        return applicants == null ? List.of() : applicants;
    }

    public List<PairDto> pinnedPairsOrEmpty() {
        return pinnedPairs == null ? List.of() : pinnedPairs;
    }

    public List<PairDto> excludedPairsOrEmpty() {
        return excludedPairs == null ? List.of() : excludedPairs;
    }

    public PairingRunRequest withPairs(List<PairDto> newPinnedPairs, List<PairDto> newExcludedPairs) {
        return new PairingRunRequest(name, call, applicants, weights, termination, newPinnedPairs, newExcludedPairs);
    }

    public PairingRunRequest withName(String newName) {
        return new PairingRunRequest(newName, call, applicants, weights, termination, pinnedPairs, excludedPairs);
    }

    public PairingRunRequest withTermination(TerminationDto newTermination) {
        return new PairingRunRequest(name, call, applicants, weights, newTermination, pinnedPairs, excludedPairs);
    }
}
