package eu.iucplanner.pairing.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * Everything a pairing run needs: the call's rules, the applicant pool, pairs to keep and pairs to avoid, the
 * constraint weights that differ from the defaults, and whether solving ends once the best solution is proven optimal
 * (otherwise it goes on until its termination, as for a run that must stay busy).
 */
public record PairingProblem(CallRules call, List<ApplicantProfile> applicants, List<PairRef> pinnedPairs,
        List<PairRef> excludedPairs, Map<String, HardMediumSoftLongScore> weightOverrides,
        boolean stopAtProvenOptimum, PairingMode mode) {

    /** An {@code OPTIMAL} problem. */
    public PairingProblem(CallRules call, List<ApplicantProfile> applicants, List<PairRef> pinnedPairs,
            List<PairRef> excludedPairs, Map<String, HardMediumSoftLongScore> weightOverrides,
            boolean stopAtProvenOptimum) {
        this(call, applicants, pinnedPairs, excludedPairs, weightOverrides, stopAtProvenOptimum,
                PairingMode.OPTIMAL);
    }

    /** A problem whose solver ends as soon as its best solution is proven optimal (the default). */
    public PairingProblem(CallRules call, List<ApplicantProfile> applicants, List<PairRef> pinnedPairs,
            List<PairRef> excludedPairs, Map<String, HardMediumSoftLongScore> weightOverrides) {
        this(call, applicants, pinnedPairs, excludedPairs, weightOverrides, true);
    }

    public PairingProblem {
        Objects.requireNonNull(call, "call");
        applicants = List.copyOf(applicants);
        pinnedPairs = pinnedPairs == null ? List.of() : List.copyOf(pinnedPairs);
        excludedPairs = excludedPairs == null ? List.of() : List.copyOf(excludedPairs);
        weightOverrides = weightOverrides == null ? Map.of() : Map.copyOf(weightOverrides);
        mode = mode == null ? PairingMode.OPTIMAL : mode;
    }

    public static PairingProblem of(CallRules call, List<ApplicantProfile> applicants) {
        return new PairingProblem(call, applicants, List.of(), List.of(), Map.of());
    }
}
