package eu.iucplanner.benchmarks;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlowBase;
import com.google.ortools.graph.MinCostFlow;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import eu.iucplanner.pairing.constraints.PairingConstraintProvider;
import eu.iucplanner.pairing.domain.Applicant;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.domain.PartnerSlot;
import eu.iucplanner.pairing.domain.ProgrammeRegion;
import eu.iucplanner.pairing.domain.RegionTarget;
import eu.iucplanner.pairing.solver.PairWeights;

/**
 * The proven optimum of the whole pairing objective, by OR-tools' min-cost flow.
 *
 * <p>Network: source → each EU-side applicant (capacity: its partner places) → each allowed partner (capacity 1, cost
 * minus the pair's soft score) → the partner's region node (capacity: its partner places) → sink. A region with a
 * target reaches the sink through two arcs: capacity {@code target} at cost {@code −w} and unbounded capacity at cost
 * {@code +w}, with {@code w} the regional-balance weight; a region without a target has one free arc. The regional
 * balance {@code w·|pairs(r) − target(r)|} equals {@code w·target(r)} plus the cost of those two arcs, because it is a
 * convex function of the flow through the region. A maximum flow is a maximum number of pairs (the medium level, which
 * comes first), and the cheapest maximum flow has the best soft score among them, so the solution is optimal for the
 * full score lexicographically, regional balance included. The benchmark pools have no pins.
 */
public final class ExactPairing {

    static {
        Loader.loadNativeLibraries();
    }

    /**
     * The optimum.
     *
     * @param matching          the optimal pairs
     * @param score             the score they get, as predicted by the flow (checked against Timefold's score in the
     *                          tests)
     * @param solverCallMillis  how long OR-tools' {@code solveMaxFlowWithMinCost} took, the network already built
     */
    public record Result(Matching matching, HardMediumSoftLongScore score, long solverCallMillis) {
    }

    private ExactPairing() {
    }

    public static Result solve(PairingSolution solution) {
        for (PartnerSlot slot : solution.getSlots()) {
            if (slot.isPinned()) {
                throw new IllegalArgumentException("The exact reference does not handle pinned slots");
            }
        }
        List<Applicant> owners = Matching.owners(solution);
        List<Applicant> partners = solution.getPartnerCandidates();
        PairWeights weights = PairWeights.of(solution.getConstraintWeightOverrides());
        HardMediumSoftLongScore balanceWeight = solution.getConstraintWeightOverrides()
                .getConstraintWeight(PairingConstraintProvider.REGIONAL_BALANCE);
        long regionWeight = (balanceWeight == null
                ? PairingConstraintProvider.DEFAULT_WEIGHTS.get(PairingConstraintProvider.REGIONAL_BALANCE)
                : balanceWeight).softScore();
        Map<ProgrammeRegion, Integer> targets = new EnumMap<>(ProgrammeRegion.class);
        for (RegionTarget target : solution.getRegionTargets()) {
            targets.put(target.region(), target.targetPairs());
        }
        int n = owners.size();
        int m = partners.size();
        int source = 0;
        int sink = 1;
        int firstOwner = 2;
        int firstPartner = firstOwner + n;
        int firstRegion = firstPartner + m;
        Map<ProgrammeRegion, Integer> regionNode = new EnumMap<>(ProgrammeRegion.class);
        for (ProgrammeRegion region : ProgrammeRegion.values()) {
            if (region.isPartnerRegion()) {
                regionNode.put(region, firstRegion + regionNode.size());
            }
        }
        MinCostFlow flow = new MinCostFlow();
        Map<Applicant, Integer> slotsOf = new HashMap<>();
        solution.getSlots().forEach(slot -> slotsOf.merge(slot.getOwner(), 1, Integer::sum));
        int totalPlaces = 0;
        for (int i = 0; i < n; i++) {
            int places = slotsOf.get(owners.get(i));
            totalPlaces += places;
            flow.addArcWithCapacityAndUnitCost(source, firstOwner + i, places, 0);
        }
        List<int[]> pairArcs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                if (Matching.allowed(owners.get(i), partners.get(j))) {
                    int arc = flow.addArcWithCapacityAndUnitCost(firstOwner + i, firstPartner + j, 1,
                            -Matching.value(weights, owners.get(i), partners.get(j)));
                    pairArcs.add(new int[] { arc, i, j });
                }
            }
        }
        for (int j = 0; j < m; j++) {
            flow.addArcWithCapacityAndUnitCost(firstPartner + j, regionNode.get(partners.get(j).getRegion()),
                    partners.get(j).getMaxPartners(), 0);
        }
        long constant = 0;
        for (Map.Entry<ProgrammeRegion, Integer> entry : regionNode.entrySet()) {
            Integer target = targets.get(entry.getKey());
            if (target == null || regionWeight == 0) {
                flow.addArcWithCapacityAndUnitCost(entry.getValue(), sink, totalPlaces, 0);
            } else {
                flow.addArcWithCapacityAndUnitCost(entry.getValue(), sink, target, -regionWeight);
                flow.addArcWithCapacityAndUnitCost(entry.getValue(), sink, totalPlaces, regionWeight);
                constant += regionWeight * target;
            }
        }
        // The source offers every EU place and the sink takes them all; the solver sends as many as it can.
        flow.setNodeSupply(source, totalPlaces);
        flow.setNodeSupply(sink, -totalPlaces);
        long start = System.nanoTime();
        MinCostFlowBase.Status status = flow.solveMaxFlowWithMinCost();
        long solverCallMillis = (System.nanoTime() - start) / 1_000_000;
        if (status != MinCostFlowBase.Status.OPTIMAL) {
            throw new IllegalStateException("Min-cost flow ended " + status);
        }
        List<Matching.Pair> pairs = new ArrayList<>();
        for (int[] arc : pairArcs) {
            if (flow.getFlow(arc[0]) > 0) {
                pairs.add(new Matching.Pair(owners.get(arc[1]), partners.get(arc[2])));
            }
        }
        long openPlaces = 0;
        Map<Applicant, Integer> partnerCount = new HashMap<>();
        pairs.forEach(pair -> {
            partnerCount.merge(pair.eu(), 1, Integer::sum);
            partnerCount.merge(pair.partner(), 1, Integer::sum);
        });
        for (Applicant applicant : solution.getApplicants()) {
            if (applicant.isEligible()) {
                openPlaces += Math.max(0, applicant.getMaxPartners() - partnerCount.getOrDefault(applicant, 0));
            }
        }
        long soft = -flow.getOptimalCost() - constant;
        flow.delete();
        return new Result(new Matching(pairs), HardMediumSoftLongScore.of(0, -openPlaces, soft), solverCallMillis);
    }
}
