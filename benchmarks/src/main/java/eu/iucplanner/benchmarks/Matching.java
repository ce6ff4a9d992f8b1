package eu.iucplanner.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import eu.iucplanner.pairing.constraints.PairingConstraintProvider;
import eu.iucplanner.pairing.domain.Applicant;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.domain.PartnerSlot;
import eu.iucplanner.pairing.solver.PairWeights;

/**
 * A set of pairs (EU-side applicant, partner-region applicant), independent of slots, with the helpers every strategy
 * shares: which pairs are allowed, what a pair is worth, and how to write the pairs into a solution.
 */
public record Matching(List<Pair> pairs) {

    /** One pair. */
    public record Pair(Applicant eu, Applicant partner) {
    }

    /** The EU-side applicants that own slots (eligible, EU side), in slot order. */
    public static List<Applicant> owners(PairingSolution solution) {
        List<Applicant> owners = new ArrayList<>();
        for (PartnerSlot slot : solution.getSlots()) {
            if (owners.isEmpty() || owners.get(owners.size() - 1) != slot.getOwner()) {
                owners.add(slot.getOwner());
            }
        }
        return owners;
    }

    /** Whether the hard rules allow the pair: both eligible, cross-region, excluded by neither. */
    public static boolean allowed(Applicant eu, Applicant partner) {
        return eu.isEligible() && partner.isEligible() && PairingConstraintProvider.isCrossRegion(eu, partner)
                && !eu.excludes(partner) && !partner.excludes(eu);
    }

    /** The per-pair soft score of a pair under the solution's weights. */
    public static long value(PairWeights weights, Applicant eu, Applicant partner) {
        return weights.softScore(eu, partner);
    }

    /** The matching a solution holds. */
    public static Matching of(PairingSolution solution) {
        List<Pair> pairs = new ArrayList<>();
        for (PartnerSlot slot : solution.getSlots()) {
            if (slot.getPartner() != null) {
                pairs.add(new Pair(slot.getOwner(), slot.getPartner()));
            }
        }
        return new Matching(pairs);
    }

    /**
     * Writes the pairs into the solution's unpinned slots, clearing the others. Applicants are matched by id, so a
     * matching found on one copy of a problem applies to another.
     */
    public void applyTo(PairingSolution solution) {
        Map<String, List<PartnerSlot>> free = new HashMap<>();
        for (PartnerSlot slot : solution.getSlots()) {
            if (!slot.isPinned()) {
                slot.setPartner(null);
                free.computeIfAbsent(slot.getOwner().getId(), owner -> new ArrayList<>()).add(slot);
            }
        }
        Map<String, Applicant> partners = new HashMap<>();
        solution.getPartnerCandidates().forEach(partner -> partners.put(partner.getId(), partner));
        for (Pair pair : pairs) {
            List<PartnerSlot> slots = free.get(pair.eu().getId());
            Applicant partner = partners.get(pair.partner().getId());
            if (slots == null || slots.isEmpty() || partner == null) {
                throw new IllegalStateException(pair.eu().getId() + " has no free slot for " + pair.partner().getId());
            }
            slots.remove(0).setPartner(partner);
        }
    }
}
