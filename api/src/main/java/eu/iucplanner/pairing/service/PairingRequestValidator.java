package eu.iucplanner.pairing.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import eu.iucplanner.pairing.domain.ApplicantKind;
import eu.iucplanner.pairing.domain.ApplicantProfile;
import eu.iucplanner.pairing.domain.CallKind;
import eu.iucplanner.pairing.domain.CallRules;
import eu.iucplanner.pairing.domain.ProgrammeRegion;
import eu.iucplanner.pairing.eligibility.EligibilityChecker;
import eu.iucplanner.pairing.eligibility.Ineligibility;
import eu.iucplanner.validation.Messages;
import eu.iucplanner.problem.FieldError;
import eu.iucplanner.problem.ProblemException;
import eu.iucplanner.reference.ReferenceData;
import eu.iucplanner.validation.RequestValidator;

/**
 * Validates a pairing request once, at the door: the field rules of the request records (Bean Validation), the
 * configured pool size, and what code alone can check across applicants: unique ids, ids that pins, exclusions and
 * excluded partners name, and pins that break a hard rule. Every offending field is reported at once. Stored runs are
 * never validated again.
 */
@Component
public class PairingRequestValidator {

    private final RequestValidator beans;
    private final PairingProperties properties;

    public PairingRequestValidator(RequestValidator beans, PairingProperties properties) {
        this.beans = beans;
        this.properties = properties;
    }

    /**
     * @throws ProblemException TOO_LARGE when the pool is above {@code iuc.pairing.max-applicants}, INVALID naming
     *                          every offending field otherwise
     */
    public void validate(PairingRunRequest request) {
        if (request == null) {
            throw ProblemException.invalid("$", "The request body is missing.");
        }
        int size = request.applicantsOrEmpty().size();
        if (size > properties.maxApplicants()) {
            throw ProblemException.tooLarge("Pool too large", "The pool has " + size + " applicants; this service "
                    + "accepts at most " + properties.maxApplicants() + " (iuc.pairing.max-applicants).",
                    List.of(new FieldError("applicants", "has " + size + " entries, more than "
                            + properties.maxApplicants())));
        }
        List<FieldError> errors = new ArrayList<>(beans.violations(request));
        boolean fieldsValid = errors.isEmpty();
        errors.addAll(references(request, request.pinnedPairsOrEmpty(), request.excludedPairsOrEmpty(), true));
        if (request.mode() == eu.iucplanner.pairing.domain.PairingMode.STABLE && request.call() != null
                && (request.call().maxPairsPerCountry() != null || request.call().maxPairsByCountry() != null)) {
            errors.add(new FieldError("mode", "STABLE cannot keep hard country caps (deferred acceptance knows only "
                    + "the applicants' own wishes); leave the caps out or use OPTIMAL"));
        }
        if (fieldsValid) {
            errors.addAll(subdivisions(request));
            errors.addAll(regionOverrides(request));
            errors.addAll(pinRules(request));
        }
        RequestValidator.throwIfAny(errors);
    }

    /**
     * A subdivision must be one of the reference data's first-level subdivisions, and in a region-to-region call a
     * region names the one it governs: a typo would otherwise pair a region nobody can find. A city there is no input
     * error but ineligible (NOT_A_REGION), so it needs none.
     */
    private static List<FieldError> subdivisions(PairingRunRequest request) {
        boolean regional = request.call() != null && request.call().kindOrDefault() == CallKind.REGION_TO_REGION;
        List<FieldError> errors = new ArrayList<>();
        List<ApplicantDto> applicants = request.applicantsOrEmpty();
        for (int i = 0; i < applicants.size(); i++) {
            ApplicantDto applicant = applicants.get(i);
            String field = "applicants[" + i + "].subdivision";
            if (applicant.subdivision() == null) {
                if (regional && applicant.kind() == ApplicantKind.SUB_NATIONAL_GOVERNMENT) {
                    errors.add(new FieldError(field, "is required for a SUB_NATIONAL_GOVERNMENT in a REGION_TO_REGION "
                            + "call: the ISO 3166-2 code of the region it governs (GET /api/v1/reference/regions)"));
                }
            } else if (ReferenceData.get().subdivision(applicant.subdivision()).isEmpty()) {
                errors.add(new FieldError(field, "unknown subdivision " + Messages.quote(applicant.subdivision())
                        + "; use the ISO 3166-2 code of a first-level subdivision (GET /api/v1/reference/regions)"));
            }
        }
        return errors;
    }

    /**
     * An applicant's own region must be its country's region under the call unless the call allows overrides: a
     * region given by mistake (a US city marked EU) would otherwise pair it as if it were on the other side.
     */
    private static List<FieldError> regionOverrides(PairingRunRequest request) {
        if (request.call() != null && request.call().allowsRegionOverride()) {
            return List.of();
        }
        Map<String, ProgrammeRegion> mapping = request.call() == null ? CallRules.defaultCountryRegions()
                : request.call().mapping();
        List<FieldError> errors = new ArrayList<>();
        List<ApplicantDto> applicants = request.applicantsOrEmpty();
        for (int i = 0; i < applicants.size(); i++) {
            ApplicantDto applicant = applicants.get(i);
            if (applicant == null || applicant.region() == null || applicant.region() == mapping.get(
                    applicant.country())) {
                continue;
            }
            ProgrammeRegion mapped = mapping.get(applicant.country());
            errors.add(new FieldError("applicants[" + i + "].region", applicant.region() + " contradicts the call: "
                    + applicant.country() + (mapped == null ? " is in none of its regions"
                            : " counts in " + mapped + " under its country mapping")
                    + "; leave region out, move the country with call.movedCountries, or set "
                    + "call.allowRegionOverride to true to let this applicant's region win"));
        }
        return errors;
    }

    /**
     * The changed part of a rerun, against the stored pool as it was stored: the rerun's own fields, the ids its pins
     * and exclusions name, and the hard rules its pins must keep.
     */
    public void validateRerun(RerunRequest rerun, PairingRunRequest next) {
        List<FieldError> errors = new ArrayList<>(beans.violations(rerun));
        errors.addAll(references(next, rerun.pinnedPairs() == null ? List.of() : rerun.pinnedPairs(),
                rerun.excludedPairs() == null ? List.of() : rerun.excludedPairs(), false));
        if (errors.isEmpty()) {
            errors.addAll(pinRules(next));
        }
        RequestValidator.throwIfAny(errors);
    }

    // ************************************************************************
    // References between applicants
    // ************************************************************************

    private static List<FieldError> references(PairingRunRequest request, List<PairDto> pinned,
            List<PairDto> excluded, boolean applicants) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> firstIndexById = new HashMap<>();
        List<ApplicantDto> dtos = request.applicantsOrEmpty();
        for (int i = 0; i < dtos.size(); i++) {
            ApplicantDto dto = dtos.get(i);
            if (dto == null || dto.id() == null || dto.id().isBlank()) {
                continue;
            }
            Integer first = firstIndexById.putIfAbsent(dto.id(), i);
            if (first != null && applicants) {
                errors.add(new FieldError("applicants[" + i + "].id", "duplicates the id '" + dto.id()
                        + "' of applicants[" + first + "]"));
            }
        }
        if (applicants) {
            for (int i = 0; i < dtos.size(); i++) {
                ApplicantDto dto = dtos.get(i);
                if (dto == null || dto.excludedPartnerIds() == null) {
                    continue;
                }
                for (int k = 0; k < dto.excludedPartnerIds().size(); k++) {
                    String other = dto.excludedPartnerIds().get(k);
                    String field = "applicants[" + i + "].excludedPartnerIds[" + k + "]";
                    if (other == null || !firstIndexById.containsKey(other)) {
                        errors.add(new FieldError(field, "names no applicant of the pool: "
                                + Messages.quote(other)));
                    } else if (other.equals(dto.id())) {
                        errors.add(new FieldError(field, "an applicant cannot exclude itself"));
                    }
                }
            }
        }
        errors.addAll(pairReferences(excluded, "excludedPairs", firstIndexById.keySet()));
        errors.addAll(pairReferences(pinned, "pinnedPairs", firstIndexById.keySet()));
        return errors;
    }

    private static List<FieldError> pairReferences(List<PairDto> dtos, String name, Set<String> ids) {
        List<FieldError> errors = new ArrayList<>();
        Set<Set<String>> seen = new HashSet<>();
        for (int i = 0; i < dtos.size(); i++) {
            PairDto dto = dtos.get(i);
            String field = name + "[" + i + "]";
            if (dto == null || dto.first() == null || dto.second() == null) {
                continue;
            }
            boolean known = true;
            for (String[] member : List.of(new String[] { dto.first(), ".first" },
                    new String[] { dto.second(), ".second" })) {
                if (!member[0].isBlank() && !ids.contains(member[0])) {
                    errors.add(new FieldError(field + member[1], "names no applicant of the pool: "
                            + Messages.quote(member[0])));
                    known = false;
                }
            }
            if (!known || dto.first().isBlank() || dto.second().isBlank()) {
                continue;
            }
            if (dto.first().equals(dto.second())) {
                errors.add(new FieldError(field + ".second", "a pair needs two different applicants"));
            } else if (!seen.add(Set.of(dto.first(), dto.second()))) {
                errors.add(new FieldError(field, "repeats the pair " + dto.first() + " and " + dto.second()));
            }
        }
        return errors;
    }

    // ************************************************************************
    // Pins against the hard rules
    // ************************************************************************

    private static List<FieldError> pinRules(PairingRunRequest request) {
        List<FieldError> errors = new ArrayList<>();
        CallRules call = PairingRequestMapper.callRules(request);
        Map<String, ApplicantProfile> byId = new HashMap<>();
        for (ApplicantDto dto : request.applicantsOrEmpty()) {
            byId.putIfAbsent(dto.id(), PairingRequestMapper.profile(dto, call));
        }
        Set<Set<String>> excludedSets = new HashSet<>();
        request.excludedPairsOrEmpty().forEach(pair -> excludedSets.add(Set.of(pair.first(), pair.second())));
        Map<String, Integer> pinCount = new HashMap<>();
        Map<String, Integer> countryPins = new HashMap<>();
        List<PairDto> pins = request.pinnedPairsOrEmpty();
        for (int i = 0; i < pins.size(); i++) {
            String field = "pinnedPairs[" + i + "]";
            ApplicantProfile first = byId.get(pins.get(i).first());
            ApplicantProfile second = byId.get(pins.get(i).second());
            if (first == null || second == null || first == second) {
                continue; // reported as a reference error
            }
            ProgrammeRegion firstRegion = regionOf(first, call);
            ProgrammeRegion secondRegion = regionOf(second, call);
            boolean crossRegion = firstRegion != null && secondRegion != null
                    && (firstRegion == ProgrammeRegion.EU) != (secondRegion == ProgrammeRegion.EU);
            if (!crossRegion) {
                errors.add(new FieldError(field, "breaks the cross-region rule: " + describe(first, firstRegion)
                        + " and " + describe(second, secondRegion)
                        + " are not one EU and one partner-region applicant"));
            }
            for (ApplicantProfile profile : List.of(first, second)) {
                List<Ineligibility> reasons = EligibilityChecker.check(profile, call);
                if (!reasons.isEmpty()) {
                    errors.add(new FieldError(field, profile.id() + " is not eligible: " + reasons.stream()
                            .map(Ineligibility::message).collect(Collectors.joining("; "))));
                }
            }
            if (excludedSets.contains(Set.of(first.id(), second.id()))
                    || first.excludedPartnerIds().contains(second.id())
                    || second.excludedPartnerIds().contains(first.id())) {
                errors.add(new FieldError(field, "the pair " + first.id() + " and " + second.id()
                        + " is also excluded"));
            }
            for (ApplicantProfile profile : List.of(first, second)) {
                int cap = call.countryLimits().cap(profile.country());
                int inCountry = countryPins.merge(profile.country(), 1, Integer::sum);
                if (cap >= 0 && inCountry == cap + 1) {
                    errors.add(new FieldError(field, "pins put " + profile.country() + " in more pairs than the "
                            + "call's cap for it (" + cap + ")"));
                }
            }
            for (ApplicantProfile profile : List.of(first, second)) {
                int count = pinCount.merge(profile.id(), 1, Integer::sum);
                if (count == profile.maxPartners() + 1) {
                    errors.add(new FieldError(field, "pins give " + profile.id() + " more partners than it takes ("
                            + profile.maxPartners() + ")"));
                }
            }
        }
        return errors;
    }

    private static ProgrammeRegion regionOf(ApplicantProfile profile, CallRules call) {
        return profile.region() != null ? profile.region() : call.regionOf(profile.country()).orElse(null);
    }

    private static String describe(ApplicantProfile profile, ProgrammeRegion region) {
        return profile.id() + " (" + (region == null ? "outside the call" : region.name()) + ")";
    }
}
