package eu.iucplanner.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import eu.iucplanner.pairing.domain.Applicant;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.solver.PairWeights;

/**
 * Greedy: every allowed pair in descending order of its per-pair soft score (ties by ids), taken while both
 * applicants have a free place. With symmetric pair scores this is also a stable matching.
 */
public final class GreedyPairing {

    private GreedyPairing() {
    }

    public static Matching solve(PairingSolution solution) {
        PairWeights weights = PairWeights.of(solution.getConstraintWeightOverrides());
        List<Applicant> owners = Matching.owners(solution);
        List<Candidate> candidates = new ArrayList<>();
        for (Applicant eu : owners) {
            for (Applicant partner : solution.getPartnerCandidates()) {
                if (Matching.allowed(eu, partner)) {
                    candidates.add(new Candidate(eu, partner, Matching.value(weights, eu, partner)));
                }
            }
        }
        candidates.sort(Comparator.comparingLong(Candidate::value).reversed()
                .thenComparing(candidate -> candidate.eu().getId())
                .thenComparing(candidate -> candidate.partner().getId()));
        Map<Applicant, Integer> free = new HashMap<>();
        solution.getSlots().forEach(slot -> free.merge(slot.getOwner(), 1, Integer::sum));
        solution.getPartnerCandidates().forEach(partner -> free.put(partner, partner.getMaxPartners()));
        List<Matching.Pair> pairs = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (free.get(candidate.eu()) > 0 && free.get(candidate.partner()) > 0) {
                pairs.add(new Matching.Pair(candidate.eu(), candidate.partner()));
                free.merge(candidate.eu(), -1, Integer::sum);
                free.merge(candidate.partner(), -1, Integer::sum);
            }
        }
        return new Matching(pairs);
    }

    private record Candidate(Applicant eu, Applicant partner, long value) {
    }
}
