package eu.iucplanner.pairing.solver;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import eu.iucplanner.pairing.constraints.PairingConstraintProvider;
import eu.iucplanner.pairing.domain.Applicant;
import eu.iucplanner.pairing.domain.CountryLimit;
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
    private final Map<String, CountryLimit> countryLimits = new HashMap<>();
    private final Map<String, Integer> countryCounts = new HashMap<>();
    private final long countryWeight;
    private final Map<Integer, Integer> themeCounts = new HashMap<>();
    private final List<eu.iucplanner.pairing.domain.ThemeLimit> themeLimits;
    private final long themeWeight;
    private final Map<Applicant, List<Applicant>> partnersOf = new HashMap<>();
    private final eu.iucplanner.pairing.domain.ClusterCoherence coherence;
    private final long coherenceWeight;
    private final List<String> callThemeNames;
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
        solution.getCountryLimits().forEach(limit -> countryLimits.put(limit.country(), limit));
        HardMediumSoftLongScore country = solution.getConstraintWeightOverrides()
                .getConstraintWeight(PairingConstraintProvider.COUNTRY_ABOVE_SOFT_CAP);
        this.countryWeight = (country == null
                ? PairingConstraintProvider.DEFAULT_WEIGHTS.get(PairingConstraintProvider.COUNTRY_ABOVE_SOFT_CAP)
                : country).softScore();
        this.themeLimits = solution.getThemeLimits();
        HardMediumSoftLongScore theme = solution.getConstraintWeightOverrides()
                .getConstraintWeight(PairingConstraintProvider.THEME_ABOVE_SOFT_CAP);
        this.themeWeight = (theme == null
                ? PairingConstraintProvider.DEFAULT_WEIGHTS.get(PairingConstraintProvider.THEME_ABOVE_SOFT_CAP)
                : theme).softScore();
        this.coherence = solution.getCall().clusterCoherence();
        this.callThemeNames = solution.getCall().themes();
        HardMediumSoftLongScore cluster = solution.getConstraintWeightOverrides()
                .getConstraintWeight(PairingConstraintProvider.CLUSTER_COHERENCE);
        this.coherenceWeight = (cluster == null
                ? PairingConstraintProvider.DEFAULT_WEIGHTS.get(PairingConstraintProvider.CLUSTER_COHERENCE)
                : cluster).softScore();
    }

    HardMediumSoftLongScore bestScore() {
        best = null;
        long soft = 0;
        for (PartnerSlot pinned : pinnedSlots) {
            partnerLoad[partners.indexOf(pinned.getPartner())]++;
            regionCounts.merge(pinned.getPartner().getRegion(), 1, Integer::sum);
            count(pinned.getOwner(), pinned.getPartner(), 1);
            soft += weights.softScore(pinned.getOwner(), pinned.getPartner());
        }
        search(0, 0, owners.isEmpty() ? 0 : pinnedCount(owners.get(0)), soft);
        for (PartnerSlot pinned : pinnedSlots) {
            partnerLoad[partners.indexOf(pinned.getPartner())]--;
            regionCounts.merge(pinned.getPartner().getRegion(), -1, Integer::sum);
            count(pinned.getOwner(), pinned.getPartner(), -1);
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
            count(owner, partner, 1);
            searchSameOwner(ownerIndex, j + 1, ownerTaken + 1, soft + weights.softScore(owner, partner));
            count(owner, partner, -1);
            regionCounts.merge(partner.getRegion(), -1, Integer::sum);
            partnerLoad[j]--;
        }
    }

    private void searchSameOwner(int ownerIndex, int firstPartner, int ownerTaken, long soft) {
        search(ownerIndex, firstPartner, ownerTaken, soft);
    }

    private void count(Applicant owner, Applicant partner, int delta) {
        countryCounts.merge(owner.getProfile().country(), delta, Integer::sum);
        countryCounts.merge(partner.getProfile().country(), delta, Integer::sum);
        themeCounts.merge(eu.iucplanner.pairing.domain.PairScores.mainSharedTheme(owner, partner), delta,
                Integer::sum);
        if (delta > 0) {
            partnersOf.computeIfAbsent(owner, a -> new java.util.ArrayList<>()).add(partner);
            partnersOf.computeIfAbsent(partner, a -> new java.util.ArrayList<>()).add(owner);
        } else {
            partnersOf.get(owner).remove(partner);
            partnersOf.get(partner).remove(owner);
        }
    }

    /**
     * The clusters (an applicant with two or more partners) whose members share no theme of the call, from the
     * profiles' challenges, independently of {@code PairScores}.
     */
    private int incoherentClusters() {
        int incoherent = 0;
        for (Map.Entry<Applicant, List<Applicant>> cluster : partnersOf.entrySet()) {
            if (cluster.getValue().size() < 2) {
                continue;
            }
            java.util.Set<String> common = callThemes(cluster.getKey());
            cluster.getValue().forEach(partner -> common.retainAll(callThemes(partner)));
            incoherent += common.isEmpty() ? 1 : 0;
        }
        return incoherent;
    }

    private java.util.Set<String> callThemes(Applicant applicant) {
        java.util.Set<String> themes = new java.util.HashSet<>();
        applicant.getProfile().challenges().forEach(challenge -> themes.add(challenge.theme()));
        themes.retainAll(callThemeNames);
        return themes;
    }

    private void evaluate(long perPairSoft) {
        long aboveSoftCaps = 0;
        for (CountryLimit limit : countryLimits.values()) {
            int pairsOfCountry = countryCounts.getOrDefault(limit.country(), 0);
            if (limit.cap() >= 0 && pairsOfCountry > limit.cap()) {
                return; // not feasible: the country's hard cap is exceeded
            }
            if (limit.softCap() >= 0 && pairsOfCountry > limit.softCap()) {
                aboveSoftCaps += pairsOfCountry - limit.softCap();
            }
        }
        perPairSoft -= countryWeight * aboveSoftCaps;
        if (coherence != eu.iucplanner.pairing.domain.ClusterCoherence.NONE) {
            int incoherent = incoherentClusters();
            if (coherence == eu.iucplanner.pairing.domain.ClusterCoherence.HARD && incoherent > 0) {
                return; // not feasible: a cluster shares no theme
            }
            perPairSoft -= coherenceWeight * incoherent;
        }
        long aboveThemeCaps = 0;
        for (eu.iucplanner.pairing.domain.ThemeLimit limit : themeLimits) {
            aboveThemeCaps += Math.max(0, themeCounts.getOrDefault(limit.themeIndex(), 0) - limit.softCap());
        }
        perPairSoft -= themeWeight * aboveThemeCaps;
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
