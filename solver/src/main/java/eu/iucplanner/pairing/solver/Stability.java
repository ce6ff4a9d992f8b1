package eu.iucplanner.pairing.solver;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import eu.iucplanner.pairing.constraints.PairingConstraintProvider;
import eu.iucplanner.pairing.domain.Applicant;
import eu.iucplanner.pairing.domain.PairScores;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.domain.PartnerSlot;

/**
 * Pairwise stability of a pairing, each applicant judging by its own view: how much {@code self} likes {@code other}
 * is the pair's shared score (shared challenges, size similarity, common language, Covenant of Mayors signatories,
 * under the run's weights) with only its own preferred-region wish counted ({@link #rank}); the call's own terms
 * (regional balance, country and theme caps, the population preference) are nobody's wish. Every allowed partner is
 * acceptable: a partner beats an empty place.
 * <p>
 * A blocking pair is an allowed pair (both eligible, one EU and one partner-region applicant, excluded by neither)
 * that is not formed and whose two applicants would both rather be together: each has an open place, or a current,
 * unpinned partner it likes less. A coordinator defending a pairing needs to know them; the optimum of the call's
 * total score has many (it is what the call asks for), a stable pairing none.
 * <p>
 * {@link #deferredAcceptance} gives a stable pairing: deferred acceptance (Gale–Shapley) with capacities on both
 * sides, the EU side proposing. The EU side proposes because the EU applicants are the programme's own cities, which
 * apply to the call and commit their resources first: of all stable pairings, this one is the best for every EU
 * applicant (and the worst for every partner), and it is the one a coordinator can defend to an EU mayor.
 */
public final class Stability {

    private Stability() {
    }

    /**
     * A blocking pair and what each side would gain by its own view.
     *
     * @param euGain           how much more the EU applicant likes the partner than the partner it would give up;
     *                         {@code null} when it has an open place
     * @param euGivesUp        the partner it would give up (its least liked), {@code null} with an open place
     * @param partnerGain      the same for the partner
     * @param partnerGivesUp   the EU applicant the partner would give up, {@code null} with an open place
     */
    public record BlockingPair(Applicant eu, Applicant partner, Long euGain, Applicant euGivesUp, Long partnerGain,
            Applicant partnerGivesUp) {

        /** What the two would gain together, an open place counting as the whole rank of the new partner. */
        public long combinedGain(PairWeights weights) {
            return (euGain != null ? euGain : rank(weights, eu, partner))
                    + (partnerGain != null ? partnerGain : rank(weights, partner, eu));
        }
    }

    /** How much {@code self} likes {@code other}: the pair's shared score with only its own region wish counted. */
    public static long rank(PairWeights weights, Applicant self, Applicant other) {
        long shared = weights.sharedChallenges() * PairScores.sharedChallengePoints(self, other)
                - weights.sizeSimilarity() * PairScores.sizeGap(self, other)
                - weights.commonWorkingLanguage() * PairScores.languagePenalty(self, other)
                + weights.covenantOfMayorsSignatories() * PairScores.covenantSignatories(self, other);
        boolean miss = !self.getPreferredPartnerRegions().isEmpty()
                && !self.getPreferredPartnerRegions().contains(other.getRegion());
        return shared - (miss ? weights.preferredPartnerRegion() : 0);
    }

    /** Whether the hard rules allow the pair: both eligible, cross-region, excluded by neither. */
    public static boolean allowed(Applicant eu, Applicant partner) {
        return eu.isEligible() && partner.isEligible() && PairingConstraintProvider.isCrossRegion(eu, partner)
                && !eu.excludes(partner) && !partner.excludes(eu);
    }

    /** Every blocking pair of the solution's pairing (about n × m rank computations). */
    public static List<BlockingPair> blockingPairs(PairingSolution solution) {
        PairWeights weights = PairWeights.of(solution.getConstraintWeightOverrides());
        Map<Applicant, Integer> places = new HashMap<>();
        solution.getSlots().forEach(slot -> places.merge(slot.getOwner(), 1, Integer::sum));
        solution.getPartnerCandidates().forEach(partner -> places.put(partner, partner.getMaxPartners()));
        Map<Applicant, Integer> count = new HashMap<>();
        Map<Applicant, Applicant> worst = new HashMap<>();
        Map<Applicant, Long> worstRank = new HashMap<>();
        Set<String> formed = new HashSet<>();
        for (PartnerSlot slot : solution.getSlots()) {
            if (slot.getPartner() == null) {
                continue;
            }
            formed.add(slot.getOwner().getId() + "\u0000" + slot.getPartner().getId());
            note(weights, slot.getOwner(), slot.getPartner(), slot.isPinned(), count, worst, worstRank);
            note(weights, slot.getPartner(), slot.getOwner(), slot.isPinned(), count, worst, worstRank);
        }
        List<Applicant> owners = solution.getSlots().stream().map(PartnerSlot::getOwner).distinct().toList();
        List<BlockingPair> blocking = new ArrayList<>();
        for (Applicant eu : owners) {
            for (Applicant partner : solution.getPartnerCandidates()) {
                if (!allowed(eu, partner) || formed.contains(eu.getId() + "\u0000" + partner.getId())) {
                    continue;
                }
                boolean euOpen = count.getOrDefault(eu, 0) < places.get(eu);
                long euRank = rank(weights, eu, partner);
                if (!euOpen && (!worst.containsKey(eu) || euRank <= worstRank.get(eu))) {
                    continue;
                }
                boolean partnerOpen = count.getOrDefault(partner, 0) < places.get(partner);
                long partnerRank = rank(weights, partner, eu);
                if (!partnerOpen && (!worst.containsKey(partner) || partnerRank <= worstRank.get(partner))) {
                    continue;
                }
                blocking.add(new BlockingPair(eu, partner, euOpen ? null : euRank - worstRank.get(eu),
                        euOpen ? null : worst.get(eu), partnerOpen ? null : partnerRank - worstRank.get(partner),
                        partnerOpen ? null : worst.get(partner)));
            }
        }
        return blocking;
    }

    /** Keeps each applicant's count of partners and its least liked unpinned partner (pinned ones cannot go). */
    private static void note(PairWeights weights, Applicant self, Applicant other, boolean pinned,
            Map<Applicant, Integer> count, Map<Applicant, Applicant> worst, Map<Applicant, Long> worstRank) {
        count.merge(self, 1, Integer::sum);
        if (pinned) {
            return;
        }
        long rank = rank(weights, self, other);
        if (!worstRank.containsKey(self) || rank < worstRank.get(self)
                || rank == worstRank.get(self) && other.getId().compareTo(worst.get(self).getId()) > 0) {
            worst.put(self, other);
            worstRank.put(self, rank);
        }
    }

    /**
     * A stable pairing by deferred acceptance, the EU side proposing, as the partner of each unpinned slot (pinned
     * pairs are kept and take their places first). Each EU applicant proposes to its allowed partners from the one
     * it likes most; a partner holds its best proposals up to its free places and releases the least liked when a
     * better one arrives. Returns the (left, right) indexes into the slot owners and partner candidates.
     */
    public static List<int[]> deferredAcceptance(PairingSolution solution, List<Applicant> owners,
            List<Applicant> partners, int[] freeLeft, int[] freeRight) {
        PairWeights weights = PairWeights.of(solution.getConstraintWeightOverrides());
        Set<String> pinned = new HashSet<>();
        for (PartnerSlot slot : solution.getSlots()) {
            if (slot.isPinned() && slot.getPartner() != null) {
                pinned.add(slot.getOwner().getId() + "\u0000" + slot.getPartner().getId());
            }
        }
        // Each rank is computed once: the proposals sorted by a rank array, and a partner's rank of a proposer kept
        // with the proposal it holds.
        List<int[]> proposals = new ArrayList<>();
        for (int i = 0; i < owners.size(); i++) {
            Applicant eu = owners.get(i);
            List<long[]> list = new ArrayList<>();
            for (int j = 0; j < partners.size(); j++) {
                Applicant partner = partners.get(j);
                if (allowed(eu, partner) && !pinned.contains(eu.getId() + "\u0000" + partner.getId())) {
                    list.add(new long[] { rank(weights, eu, partner), j });
                }
            }
            list.sort(Comparator.comparingLong((long[] proposal) -> proposal[0]).reversed()
                    .thenComparing(proposal -> partners.get((int) proposal[1]).getId()));
            proposals.add(list.stream().mapToInt(proposal -> (int) proposal[1]).toArray());
        }
        int[] free = freeLeft.clone();
        int[] nextProposal = new int[owners.size()];
        // Held proposals per partner as {partner's rank of the proposer, proposer}, the least liked first.
        List<TreeSet<long[]>> held = new ArrayList<>();
        for (int j = 0; j < partners.size(); j++) {
            held.add(new TreeSet<>(Comparator.comparingLong((long[] proposal) -> proposal[0])
                    .thenComparing(proposal -> owners.get((int) proposal[1]).getId(), Comparator.reverseOrder())));
        }
        Deque<Integer> proposing = new ArrayDeque<>();
        for (int i = 0; i < owners.size(); i++) {
            proposing.add(i);
        }
        while (!proposing.isEmpty()) {
            int i = proposing.poll();
            int[] list = proposals.get(i);
            while (free[i] > 0 && nextProposal[i] < list.length) {
                int j = list[nextProposal[i]++];
                if (freeRight[j] == 0) {
                    continue;
                }
                TreeSet<long[]> holding = held.get(j);
                holding.add(new long[] { rank(weights, partners.get(j), owners.get(i)), i });
                free[i]--;
                if (holding.size() > freeRight[j]) {
                    int released = (int) holding.pollFirst()[1];
                    free[released]++;
                    if (released != i) {
                        proposing.add(released);
                    }
                }
            }
        }
        List<int[]> pairs = new ArrayList<>();
        for (int j = 0; j < partners.size(); j++) {
            for (long[] proposal : held.get(j)) {
                pairs.add(new int[] { (int) proposal[1], j });
            }
        }
        return pairs;
    }
}
