package eu.iucplanner.benchmarks;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import eu.iucplanner.pairing.domain.Applicant;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.solver.PairWeights;

/**
 * Deferred acceptance (Gale–Shapley with capacities), EU side proposing. Each side ranks the allowed partners by the
 * pair's soft score from its own point of view: the shared part (challenges, size, language, Covenant) and its own
 * preferred-region wish; every allowed partner is acceptable (a partner beats no partner). A partner holds its best
 * proposals up to its capacity and releases the worst when a better one arrives.
 */
public final class DeferredAcceptance {

    private DeferredAcceptance() {
    }

    public static Matching solve(PairingSolution solution) {
        PairWeights weights = PairWeights.of(solution.getConstraintWeightOverrides());
        List<Applicant> owners = Matching.owners(solution);
        Map<Applicant, Integer> free = new HashMap<>();
        solution.getSlots().forEach(slot -> free.merge(slot.getOwner(), 1, Integer::sum));
        Map<Applicant, List<Applicant>> proposals = new HashMap<>();
        for (Applicant eu : owners) {
            List<Applicant> list = new ArrayList<>();
            for (Applicant partner : solution.getPartnerCandidates()) {
                if (Matching.allowed(eu, partner)) {
                    list.add(partner);
                }
            }
            list.sort(Comparator.comparingLong((Applicant partner) -> rank(weights, eu, partner)).reversed()
                    .thenComparing(Applicant::getId));
            proposals.put(eu, list);
        }
        Map<Applicant, Integer> nextProposal = new HashMap<>();
        Map<Applicant, TreeSet<Applicant>> held = new HashMap<>();
        Deque<Applicant> proposing = new ArrayDeque<>(owners);
        while (!proposing.isEmpty()) {
            Applicant eu = proposing.poll();
            List<Applicant> list = proposals.get(eu);
            while (free.get(eu) > 0 && nextProposal.getOrDefault(eu, 0) < list.size()) {
                Applicant partner = list.get(nextProposal.merge(eu, 1, Integer::sum) - 1);
                TreeSet<Applicant> holding = held.computeIfAbsent(partner, p -> new TreeSet<>(
                        Comparator.comparingLong((Applicant proposer) -> rank(weights, p, proposer))
                                .thenComparing(Applicant::getId, Comparator.reverseOrder())));
                holding.add(eu);
                free.merge(eu, -1, Integer::sum);
                if (holding.size() > partner.getMaxPartners()) {
                    Applicant released = holding.pollFirst();
                    free.merge(released, 1, Integer::sum);
                    if (released != eu) {
                        proposing.add(released);
                    }
                }
            }
        }
        List<Matching.Pair> pairs = new ArrayList<>();
        held.forEach((partner, holding) -> holding.forEach(eu -> pairs.add(new Matching.Pair(eu, partner))));
        pairs.sort(Comparator.comparing((Matching.Pair pair) -> pair.eu().getId())
                .thenComparing(pair -> pair.partner().getId()));
        return new Matching(pairs);
    }

    /** How much {@code self} likes {@code other}: the shared pair score with only its own region wish counted. */
    static long rank(PairWeights weights, Applicant self, Applicant other) {
        long shared = weights.sharedChallenges() * eu.iucplanner.pairing.domain.PairScores.sharedChallengePoints(self,
                other)
                - weights.sizeSimilarity() * eu.iucplanner.pairing.domain.PairScores.sizeGap(self, other)
                - weights.commonWorkingLanguage()
                        * eu.iucplanner.pairing.domain.PairScores.languagePenalty(self, other)
                + weights.covenantOfMayorsSignatories()
                        * eu.iucplanner.pairing.domain.PairScores.covenantSignatories(self, other);
        boolean miss = !self.getPreferredPartnerRegions().isEmpty()
                && !self.getPreferredPartnerRegions().contains(other.getRegion());
        return shared - (miss ? weights.preferredPartnerRegion() : 0);
    }
}
