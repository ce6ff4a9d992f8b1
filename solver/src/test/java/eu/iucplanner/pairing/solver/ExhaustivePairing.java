package eu.iucplanner.pairing.solver;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import eu.iucplanner.pairing.constraints.PairingConstraintProvider;
import eu.iucplanner.pairing.domain.Applicant;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.domain.PartnerSlot;
import eu.iucplanner.pairing.domain.ProgrammeRegion;
import eu.iucplanner.pairing.domain.RegionTarget;

/**
 * Test oracle: enumerates every feasible pairing of a small pool (each EU applicant takes any subset of compatible
 * partners up to its capacity, partners within theirs, pinned pairs always included) and scores it independently of
 * the constraint streams.
 */
final class ExhaustivePairing {

    private final List<Applicant> owners;
    private final List<Applicant> partners;
    private final PairWeights weights;
    private final long balanceWeight;
    private final List<RegionTarget> targets;
    private final int[] partnerLoad;
    private final Map<ProgrammeRegion, Integer> regionCounts = new HashMap<>();
    private final long openPlacesTotal;
    private final List<PartnerSlot> pinnedSlots;
    private HardMediumSoftLongScore best;
    private long visited;

    ExhaustivePairing(PairingSolution solution) {
        this.owners = solution.getSlots().stream().map(PartnerSlot::getOwner).distinct().toList();
        this.partners = solution.getPartnerCandidates();
        this.weights = PairWeights.of(solution.getConstraintWeightOverrides());
        HardMediumSoftLongScore balance = solution.getConstraintWeightOverrides()
                .getConstraintWeight(PairingConstraintProvider.REGIONAL_BALANCE);
        this.balanceWeight = (balance == null
                ? PairingConstraintProvider.DEFAULT_WEIGHTS.get(PairingConstraintProvider.REGIONAL_BALANCE)
                : balance).softScore();
        this.targets = solution.getRegionTargets();
        this.partnerLoad = new int[partners.size()];
        this.openPlacesTotal = owners.stream().mapToLong(Applicant::getMaxPartners).sum()
                + partners.stream().mapToLong(Applicant::getMaxPartners).sum();
        this.pinnedSlots = solution.getSlots().stream()
                .filter(slot -> slot.isPinned() && slot.getPartner() != null).toList();
    }

    HardMediumSoftLongScore bestScore() {
        best = null;
        long soft = 0;
        for (PartnerSlot pinned : pinnedSlots) {
            partnerLoad[partners.indexOf(pinned.getPartner())]++;
            regionCounts.merge(pinned.getPartner().getRegion(), 1, Integer::sum);
            soft += weights.softScore(pinned.getOwner(), pinned.getPartner());
        }
        search(0, 0, owners.isEmpty() ? 0 : pinnedCount(owners.get(0)), soft);
        for (PartnerSlot pinned : pinnedSlots) {
            partnerLoad[partners.indexOf(pinned.getPartner())]--;
            regionCounts.merge(pinned.getPartner().getRegion(), -1, Integer::sum);
        }
        return best;
    }

    private int pinnedCount(Applicant owner) {
        return (int) pinnedSlots.stream().filter(slot -> slot.getOwner() == owner).count();
    }

    private boolean pinned(Applicant owner, Applicant partner) {
        return pinnedSlots.stream().anyMatch(slot -> slot.getOwner() == owner && slot.getPartner() == partner);
    }

    long visited() {
        return visited;
    }

    private void search(int ownerIndex, int firstPartner, int ownerTaken, long soft) {
        if (ownerIndex == owners.size()) {
            visited++;
            evaluate(soft);
            return;
        }
        Applicant owner = owners.get(ownerIndex);
        // Move on to the next owner with what this one has taken so far.
        search(ownerIndex + 1, 0, ownerIndex + 1 < owners.size() ? pinnedCount(owners.get(ownerIndex + 1)) : 0, soft);
        if (ownerTaken == owner.getMaxPartners()) {
            return;
        }
        for (int j = firstPartner; j < partners.size(); j++) {
            Applicant partner = partners.get(j);
            if (partnerLoad[j] >= partner.getMaxPartners() || owner.excludes(partner) || pinned(owner, partner)) {
                continue;
            }
            partnerLoad[j]++;
            regionCounts.merge(partner.getRegion(), 1, Integer::sum);
            searchSameOwner(ownerIndex, j + 1, ownerTaken + 1, soft + weights.softScore(owner, partner));
            regionCounts.merge(partner.getRegion(), -1, Integer::sum);
            partnerLoad[j]--;
        }
    }

    private void searchSameOwner(int ownerIndex, int firstPartner, int ownerTaken, long soft) {
        search(ownerIndex, firstPartner, ownerTaken, soft);
    }

    private void evaluate(long perPairSoft) {
        int pairs = regionCounts.values().stream().mapToInt(Integer::intValue).sum();
        long balance = 0;
        for (RegionTarget target : targets) {
            balance += Math.abs(regionCounts.getOrDefault(target.region(), 0) - target.targetPairs());
        }
        HardMediumSoftLongScore score = HardMediumSoftLongScore.of(0, -(openPlacesTotal - 2L * pairs),
                perPairSoft - balanceWeight * balance);
        if (best == null || score.compareTo(best) > 0) {
            best = score;
        }
    }
}
