package eu.iucplanner.pairing.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;

import eu.iucplanner.pairing.constraints.PairingConstraintProvider;
import eu.iucplanner.pairing.domain.Applicant;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.domain.PartnerSlot;
import eu.iucplanner.pairing.domain.ProgrammeRegion;
import eu.iucplanner.pairing.domain.RegionTarget;

/**
 * The first phase of the default solver: fills every open, unpinned slot with the exact optimum of the whole pairing
 * objective given the pins, from {@link MaxWeightBMatching}: most pairs first, then the highest soft score, the
 * regional balance included (it is convex in each region's number of pairs, so the flow handles it exactly). Local
 * search after it finds nothing better on a fresh problem; it matters for reruns, which start from an earlier
 * solution: a solution that already has assigned unpinned slots is left as it is.
 */
public class MatchingWarmStart implements PhaseCommand<PairingSolution> {

    @Override
    public void changeWorkingSolution(ScoreDirector<PairingSolution> scoreDirector, BooleanSupplier isTerminated) {
        PairingSolution solution = scoreDirector.getWorkingSolution();
        boolean fresh = solution.getSlots().stream().allMatch(slot -> slot.isPinned() || slot.getPartner() == null);
        if (!fresh) {
            return;
        }
        Map<Applicant, List<PartnerSlot>> freeSlotsByOwner = new HashMap<>();
        Map<Applicant, Integer> pinnedPartnerCount = new HashMap<>();
        Set<Long> pinnedPairs = new HashSet<>();
        List<Applicant> owners = new ArrayList<>();
        for (PartnerSlot slot : solution.getSlots()) {
            if (slot.isPinned()) {
                if (slot.getPartner() != null) {
                    pinnedPartnerCount.merge(slot.getPartner(), 1, Integer::sum);
                }
                continue;
            }
            List<PartnerSlot> free = freeSlotsByOwner.get(slot.getOwner());
            if (free == null) {
                free = new ArrayList<>();
                freeSlotsByOwner.put(slot.getOwner(), free);
                owners.add(slot.getOwner());
            }
            free.add(slot);
        }
        List<Applicant> partners = solution.getPartnerCandidates();
        Map<Applicant, Integer> partnerIndex = new HashMap<>();
        for (int j = 0; j < partners.size(); j++) {
            partnerIndex.put(partners.get(j), j);
        }
        Map<Applicant, Integer> ownerIndex = new HashMap<>();
        for (int i = 0; i < owners.size(); i++) {
            ownerIndex.put(owners.get(i), i);
        }
        for (PartnerSlot slot : solution.getSlots()) {
            if (slot.isPinned() && slot.getPartner() != null && ownerIndex.containsKey(slot.getOwner())
                    && partnerIndex.containsKey(slot.getPartner())) {
                pinnedPairs.add(key(ownerIndex.get(slot.getOwner()), partnerIndex.get(slot.getPartner()),
                        partners.size()));
            }
        }
        int n = owners.size();
        int m = partners.size();
        int[] leftCapacity = new int[n];
        for (int i = 0; i < n; i++) {
            leftCapacity[i] = freeSlotsByOwner.get(owners.get(i)).size();
        }
        int[] rightCapacity = new int[m];
        for (int j = 0; j < m; j++) {
            Applicant partner = partners.get(j);
            rightCapacity[j] = Math.max(0, partner.getMaxPartners() - pinnedPartnerCount.getOrDefault(partner, 0));
        }
        PairWeights weights = PairWeights.of(solution.getConstraintWeightOverrides());
        long[] matrix = new long[n * m];
        for (int i = 0; i < n; i++) {
            Applicant owner = owners.get(i);
            for (int j = 0; j < m; j++) {
                Applicant partner = partners.get(j);
                boolean allowed = PairingConstraintProvider.isCrossRegion(owner, partner)
                        && !owner.excludes(partner) && !pinnedPairs.contains(key(i, j, m));
                matrix[i * m + j] = allowed ? weights.softScore(owner, partner) : MaxWeightBMatching.FORBIDDEN;
            }
        }
        MaxWeightBMatching.Result result = MaxWeightBMatching.solve(leftCapacity, rightCapacity, matrix,
                regions(solution, partners));
        Map<Applicant, Integer> nextFree = new HashMap<>();
        for (int[] pair : result.pairs()) {
            Applicant owner = owners.get(pair[0]);
            int next = nextFree.merge(owner, 1, Integer::sum) - 1;
            PartnerSlot slot = freeSlotsByOwner.get(owner).get(next);
            scoreDirector.beforeVariableChanged(slot, "partner");
            slot.setPartner(partners.get(pair[1]));
            scoreDirector.afterVariableChanged(slot, "partner");
        }
        scoreDirector.triggerVariableListeners();
    }

    /**
     * The regional balance as the flow's regional term: one region per programme region, with the call's target
     * minus the pairs pinned there (pinned pairs count towards a region but are not part of the flow).
     */
    private static MaxWeightBMatching.Regions regions(PairingSolution solution, List<Applicant> partners) {
        ProgrammeRegion[] all = ProgrammeRegion.values();
        int[] regionOf = new int[partners.size()];
        for (int j = 0; j < partners.size(); j++) {
            regionOf[j] = partners.get(j).getRegion().ordinal();
        }
        int[] targets = new int[all.length];
        Arrays.fill(targets, -1);
        for (RegionTarget target : solution.getRegionTargets()) {
            long pinned = solution.getSlots().stream()
                    .filter(slot -> slot.isPinned() && slot.getPartner() != null
                            && slot.getPartner().getRegion() == target.region())
                    .count();
            targets[target.region().ordinal()] = (int) Math.max(0, target.targetPairs() - pinned);
        }
        HardMediumSoftLongScore weight = solution.getConstraintWeightOverrides() == null ? null
                : solution.getConstraintWeightOverrides()
                        .getConstraintWeight(PairingConstraintProvider.REGIONAL_BALANCE);
        long regionWeight = (weight == null
                ? PairingConstraintProvider.DEFAULT_WEIGHTS.get(PairingConstraintProvider.REGIONAL_BALANCE)
                : weight).softScore();
        return new MaxWeightBMatching.Regions(regionOf, targets, regionWeight);
    }

    private static long key(int owner, int partner, int partnerCount) {
        return (long) owner * partnerCount + partner;
    }
}
