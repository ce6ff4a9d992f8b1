package eu.iucplanner.benchmarks;

import java.util.HashMap;
import java.util.Map;

import eu.iucplanner.pairing.domain.Applicant;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.domain.PartnerSlot;

/**
 * Blocking pairs of a matching, counted by the solver module's {@link eu.iucplanner.pairing.solver.Stability} (the
 * service reports the same pairs with each run's result): the matching is written into the solution for the count,
 * and the solution's own pairs are put back.
 */
public final class Stability {

    private Stability() {
    }

    public static long blockingPairs(PairingSolution solution, Matching matching) {
        Map<PartnerSlot, Applicant> before = new HashMap<>();
        solution.getSlots().forEach(slot -> before.put(slot, slot.getPartner()));
        try {
            matching.applyTo(solution);
            return eu.iucplanner.pairing.solver.Stability.blockingPairs(solution).size();
        } finally {
            before.forEach(PartnerSlot::setPartner);
        }
    }
}
