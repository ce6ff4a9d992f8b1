package eu.iucplanner.pairing.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;

import eu.iucplanner.pairing.domain.Applicant;
import eu.iucplanner.pairing.domain.ApplicantProfile;
import eu.iucplanner.pairing.domain.CallRules;
import eu.iucplanner.pairing.domain.CountryLimit;
import eu.iucplanner.pairing.domain.CountryLimits;
import eu.iucplanner.pairing.domain.PairRef;
import eu.iucplanner.pairing.domain.PairingProblem;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.domain.PartnerSlot;
import eu.iucplanner.pairing.domain.ProvenBound;
import eu.iucplanner.pairing.domain.RegionTarget;
import eu.iucplanner.pairing.domain.ThemeLimit;

/**
 * Turns a {@link PairingProblem} into the planning solution: decides eligibility, gives each eligible EU-side
 * applicant one slot per partner it takes, offers the eligible partner-region applicants as values, and places the
 * pinned pairs into pinned slots.
 */
public final class PairingProblemFactory {

    private PairingProblemFactory() {
    }

    public static PairingSolution create(PairingProblem problem) {
        Map<String, Applicant> byId = new LinkedHashMap<>();
        for (ApplicantProfile profile : problem.applicants()) {
            Applicant applicant = new Applicant(profile, problem.call());
            if (byId.putIfAbsent(applicant.getId(), applicant) != null) {
                throw new IllegalArgumentException("Duplicate applicant id " + applicant.getId());
            }
        }
        for (PairRef excluded : problem.excludedPairs()) {
            Applicant first = require(byId, excluded.firstId(), "excluded pair");
            Applicant second = require(byId, excluded.secondId(), "excluded pair");
            first.addExcludedPartner(second.getId());
            second.addExcludedPartner(first.getId());
        }
        if (problem.call().participation().earlierPairs()
                == eu.iucplanner.pairing.domain.ParticipationRules.EarlierPairs.EXCLUDE) {
            // Earlier partnerships are exclusions under this call: forbidden arcs of the flow, like any exclusion.
            for (Applicant applicant : byId.values()) {
                for (String earlier : applicant.getEarlierPartnerIds()) {
                    Applicant other = byId.get(earlier);
                    if (other != null && other != applicant) {
                        applicant.addExcludedPartner(other.getId());
                        other.addExcludedPartner(applicant.getId());
                    }
                }
            }
        }
        List<Applicant> applicants = List.copyOf(byId.values());
        Map<Applicant, List<PartnerSlot>> slotsByOwner = new LinkedHashMap<>();
        for (Applicant applicant : applicants) {
            if (applicant.isEligible() && applicant.isEuSide()) {
                List<PartnerSlot> slots = new ArrayList<>();
                for (int i = 0; i < applicant.getMaxPartners(); i++) {
                    slots.add(new PartnerSlot(applicant, i));
                }
                slotsByOwner.put(applicant, slots);
            }
        }
        for (PairRef pin : problem.pinnedPairs()) {
            Applicant first = require(byId, pin.firstId(), "pinned pair");
            Applicant second = require(byId, pin.secondId(), "pinned pair");
            Applicant owner = first.isEuSide() ? first : second;
            Applicant partner = owner == first ? second : first;
            List<PartnerSlot> ownerSlots = slotsByOwner.get(owner);
            if (ownerSlots == null) {
                throw new IllegalArgumentException("Pinned pair " + first.getId() + " and " + second.getId()
                        + " has no eligible EU-side applicant");
            }
            PartnerSlot free = ownerSlots.stream().filter(slot -> !slot.isPinned()).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "Pinned pairs give " + owner.getId() + " more partners than it takes"));
            free.setPartner(partner);
            free.setPinned(true);
        }
        List<PartnerSlot> slots = slotsByOwner.values().stream().flatMap(List::stream).toList();
        List<Applicant> partnerCandidates = applicants.stream()
                .filter(applicant -> applicant.isEligible() && applicant.isPartnerSide())
                .toList();
        List<RegionTarget> regionTargets = problem.call().targetPairs().entrySet().stream()
                .map(entry -> new RegionTarget(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparing(RegionTarget::region))
                .toList();
        PairingSolution solution = new PairingSolution(problem.call(), applicants, regionTargets, partnerCandidates,
                new ArrayList<>(slots), ConstraintWeightOverrides.of(problem.weightOverrides()));
        solution.setProvenBound(new ProvenBound(problem.stopAtProvenOptimum()));
        solution.setGivenPairs(problem.pinnedPairs(), problem.excludedPairs());
        solution.setMode(problem.mode());
        solution.setCountryLimits(countryLimits(problem.call(), applicants));
        if (problem.call().themeSoftCap() >= 0) {
            List<String> themes = problem.call().themes();
            solution.setThemeLimits(java.util.stream.IntStream.range(0, themes.size())
                    .mapToObj(index -> new ThemeLimit(themes.get(index), index, problem.call().themeSoftCap()))
                    .toList());
        }
        return solution;
    }

    /** One fact per country of the pool that the call limits. */
    private static List<CountryLimit> countryLimits(CallRules call, List<Applicant> applicants) {
        CountryLimits limits = call.countryLimits();
        if (limits.isEmpty()) {
            return List.of();
        }
        java.util.Set<String> countries = new java.util.TreeSet<>();
        applicants.forEach(applicant -> countries.add(applicant.getProfile().country()));
        return countries.stream()
                .map(country -> new CountryLimit(country, limits.cap(country), limits.softCap(country)))
                .filter(limit -> limit.cap() >= 0 || limit.softCap() >= 0)
                .toList();
    }

    private static Applicant require(Map<String, Applicant> byId, String id, String where) {
        Applicant applicant = byId.get(id);
        if (applicant == null) {
            throw new IllegalArgumentException("Unknown applicant id " + id + " in " + where);
        }
        return applicant;
    }
}
