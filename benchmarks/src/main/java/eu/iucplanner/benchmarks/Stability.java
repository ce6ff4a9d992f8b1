package eu.iucplanner.benchmarks;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import eu.iucplanner.pairing.domain.Applicant;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.solver.PairWeights;

/**
 * Pairwise stability: a blocking pair is an allowed pair not formed, whose two applicants would both rather be
 * together, each having a free place or a current partner it ranks lower ({@link DeferredAcceptance#rank}).
 */
public final class Stability {

    private Stability() {
    }

    public static long blockingPairs(PairingSolution solution, Matching matching) {
        PairWeights weights = PairWeights.of(solution.getConstraintWeightOverrides());
        Map<Applicant, Integer> places = new HashMap<>();
        solution.getSlots().forEach(slot -> places.merge(slot.getOwner(), 1, Integer::sum));
        solution.getPartnerCandidates().forEach(partner -> places.put(partner, partner.getMaxPartners()));
        Map<Applicant, Integer> count = new HashMap<>();
        Map<Applicant, Long> worst = new HashMap<>();
        Set<Matching.Pair> formed = new HashSet<>();
        for (Matching.Pair pair : matching.pairs()) {
            note(weights, pair.eu(), pair.partner(), count, worst);
            note(weights, pair.partner(), pair.eu(), count, worst);
            formed.add(pair);
        }
        long blocking = 0;
        List<Applicant> owners = Matching.owners(solution);
        for (Applicant eu : owners) {
            for (Applicant partner : solution.getPartnerCandidates()) {
                if (!Matching.allowed(eu, partner) || formed.contains(new Matching.Pair(eu, partner))) {
                    continue;
                }
                if (wants(weights, eu, partner, places, count, worst)
                        && wants(weights, partner, eu, places, count, worst)) {
                    blocking++;
                }
            }
        }
        return blocking;
    }

    private static void note(PairWeights weights, Applicant self, Applicant other, Map<Applicant, Integer> count,
            Map<Applicant, Long> worst) {
        count.merge(self, 1, Integer::sum);
        worst.merge(self, DeferredAcceptance.rank(weights, self, other), Math::min);
    }

    private static boolean wants(PairWeights weights, Applicant self, Applicant other, Map<Applicant, Integer> places,
            Map<Applicant, Integer> count, Map<Applicant, Long> worst) {
        if (count.getOrDefault(self, 0) < places.get(self)) {
            return true;
        }
        return DeferredAcceptance.rank(weights, self, other) > worst.get(self);
    }

}
