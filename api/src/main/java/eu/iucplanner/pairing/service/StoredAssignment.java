package eu.iucplanner.pairing.service;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import eu.iucplanner.pairing.domain.Applicant;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.domain.PartnerSlot;

/**
 * A solution as stored: its score and the partner of every filled slot, by slot id. The rest of a solution is rebuilt
 * from the stored request.
 *
 * @param score          the score as text, e.g. {@code 0hard/-2medium/-8421soft}
 * @param partnerBySlot  partner applicant id by slot id ({@code <eu applicant id>#<index>}), filled slots only
 */
public record StoredAssignment(String score, Map<String, String> partnerBySlot) {

    public static StoredAssignment of(PairingSolution solution) {
        Map<String, String> partners = new LinkedHashMap<>();
        for (PartnerSlot slot : solution.getSlots()) {
            if (slot.getPartner() != null) {
                partners.put(slot.getId(), slot.getPartner().getId());
            }
        }
        return new StoredAssignment(solution.getScore() == null ? null : solution.getScore().toString(), partners);
    }

    public int pairCount() {
        return partnerBySlot.size();
    }

    /**
     * Places the stored partners into the unpinned slots of a solution rebuilt from the request. With
     * {@code respectRules} (a rerun's start, whose pins and exclusions changed), pairs that the new pins, exclusions
     * or capacities forbid are left out, so the solver starts from a solution that breaks no hard rule; without, the
     * stored solution is shown as it was.
     */
    public void applyTo(PairingSolution solution, boolean respectRules) {
        Map<String, Applicant> candidates = new HashMap<>();
        solution.getPartnerCandidates().forEach(candidate -> candidates.put(candidate.getId(), candidate));
        Map<Applicant, Integer> used = new HashMap<>();
        Map<Applicant, java.util.Set<Applicant>> partnersOf = new HashMap<>();
        for (PartnerSlot slot : solution.getSlots()) {
            if (slot.isPinned() && slot.getPartner() != null) {
                used.merge(slot.getPartner(), 1, Integer::sum);
                partnersOf.computeIfAbsent(slot.getOwner(), owner -> new java.util.HashSet<>()).add(slot.getPartner());
            }
        }
        for (PartnerSlot slot : solution.getSlots()) {
            if (slot.isPinned()) {
                continue;
            }
            Applicant partner = candidates.get(partnerBySlot.get(slot.getId()));
            if (partner == null) {
                continue;
            }
            java.util.Set<Applicant> own = partnersOf.computeIfAbsent(slot.getOwner(), o -> new java.util.HashSet<>());
            if (respectRules && (slot.getOwner().excludes(partner) || partner.excludes(slot.getOwner())
                    || own.contains(partner) || used.getOrDefault(partner, 0) >= partner.getMaxPartners())) {
                continue;
            }
            slot.setPartner(partner);
            own.add(partner);
            used.merge(partner, 1, Integer::sum);
        }
    }
}
