package eu.iucplanner.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import eu.iucplanner.pairing.domain.Applicant;
import eu.iucplanner.pairing.domain.PairingSolution;

/**
 * Deferred acceptance (Gale–Shapley with capacities), EU side proposing, as a benchmark strategy: the solver module's
 * {@link eu.iucplanner.pairing.solver.Stability#deferredAcceptance}, which the service's STABLE mode runs too. The
 * pairs are those of the unpinned slots (the benchmark pools have no pins).
 */
public final class DeferredAcceptance {

    private DeferredAcceptance() {
    }

    public static Matching solve(PairingSolution solution) {
        List<Applicant> owners = Matching.owners(solution);
        List<Applicant> partners = solution.getPartnerCandidates();
        int[] freeLeft = new int[owners.size()];
        for (int i = 0; i < owners.size(); i++) {
            Applicant owner = owners.get(i);
            freeLeft[i] = (int) solution.getSlots().stream()
                    .filter(slot -> slot.getOwner() == owner && !slot.isPinned()).count();
        }
        int[] freeRight = new int[partners.size()];
        for (int j = 0; j < partners.size(); j++) {
            Applicant partner = partners.get(j);
            freeRight[j] = partner.getMaxPartners() - (int) solution.getSlots().stream()
                    .filter(slot -> slot.isPinned() && slot.getPartner() == partner).count();
        }
        List<Matching.Pair> pairs = new ArrayList<>();
        for (int[] pair : eu.iucplanner.pairing.solver.Stability.deferredAcceptance(solution, owners, partners,
                freeLeft, freeRight)) {
            pairs.add(new Matching.Pair(owners.get(pair[0]), partners.get(pair[1])));
        }
        pairs.sort(Comparator.comparing((Matching.Pair pair) -> pair.eu().getId())
                .thenComparing(pair -> pair.partner().getId()));
        return new Matching(pairs);
    }
}
