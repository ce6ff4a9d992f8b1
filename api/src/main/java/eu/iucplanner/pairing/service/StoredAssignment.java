package eu.iucplanner.pairing.service;

import java.util.LinkedHashMap;
import java.util.Map;

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
}
