package eu.iucplanner.pairing.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import eu.iucplanner.pairing.constraints.PairingConstraintProvider;
import eu.iucplanner.pairing.domain.ApplicantKind;
import eu.iucplanner.pairing.domain.ApplicantProfile;
import eu.iucplanner.pairing.domain.CallRules;
import eu.iucplanner.pairing.domain.Challenge;
import eu.iucplanner.pairing.domain.Coordinates;
import eu.iucplanner.pairing.domain.MemberMunicipality;
import eu.iucplanner.pairing.domain.PairRef;
import eu.iucplanner.pairing.domain.PairingProblem;
import eu.iucplanner.pairing.domain.ProgrammeRegion;
import eu.iucplanner.pairing.eligibility.EligibilityChecker;
import eu.iucplanner.pairing.eligibility.Ineligibility;
import eu.iucplanner.pairing.rest.ApplicantDto;
import eu.iucplanner.pairing.rest.CallRulesDto;
import eu.iucplanner.pairing.rest.PairDto;
import eu.iucplanner.pairing.rest.PairingRunRequest;
import eu.iucplanner.pairing.rest.TerminationDto;
import eu.iucplanner.reference.ReferenceData;
import eu.iucplanner.web.ApiException;
import eu.iucplanner.web.FieldErrorView;

/**
 * Checks a pairing request field by field, collecting every offending field before answering, and turns a valid
 * request into the solver's {@link PairingProblem}. Nothing here throws on bad input except {@link ApiException}.
 */
@Component
public class PairingRequestValidator {

    /** The constraints whose weight a request may change: the soft ones. */
    public static final List<String> SOFT_CONSTRAINTS = List.of(PairingConstraintProvider.SHARED_CHALLENGES,
            PairingConstraintProvider.SIZE_SIMILARITY, PairingConstraintProvider.COMMON_WORKING_LANGUAGE,
            PairingConstraintProvider.PREFERRED_PARTNER_REGION, PairingConstraintProvider.REGIONAL_BALANCE,
            PairingConstraintProvider.COVENANT_OF_MAYORS_SIGNATORIES);

    static final int MAX_PARTNERS_LIMIT = 20;
    private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Z]{2}");

    private final ReferenceData reference;
    private final PairingProperties properties;

    public PairingRequestValidator(PairingProperties properties) {
        this.reference = ReferenceData.get();
        this.properties = properties;
    }

    /**
     * The solver's problem for a valid request.
     *
     * @throws ApiException 413 when the pool is larger than allowed, 400 listing every offending field otherwise
     */
    public PairingProblem toProblem(PairingRunRequest request) {
        if (request == null) {
            throw ApiException.invalid("$", "The request body is missing.");
        }
        int size = request.applicantsOrEmpty().size();
        if (size > properties.maxApplicants()) {
            throw new ApiException(org.springframework.http.HttpStatus.PAYLOAD_TOO_LARGE,
                    eu.iucplanner.web.ProblemTypes.TOO_LARGE, "Pool too large",
                    "The pool has " + size + " applicants; this service accepts at most "
                            + properties.maxApplicants() + " (iuc.pairing.max-applicants).",
                    List.of(new FieldErrorView("applicants", "has " + size + " entries, more than "
                            + properties.maxApplicants())));
        }
        Errors errors = new Errors();
        CallRules call = callRules(request, errors);
        List<String> themes = request.call() != null && request.call().themes() != null
                ? request.call().themes() : CallRules.DEFAULT_THEMES;
        List<ApplicantProfile> profiles = applicants(request, call, themes, errors);
        Map<String, HardMediumSoftLongScore> weights = weights(request.weights(), errors);
        termination(request.termination(), errors);
        Set<String> ids = new HashSet<>();
        request.applicantsOrEmpty().stream().filter(Objects::nonNull).forEach(applicant -> ids.add(applicant.id()));
        List<PairRef> excluded = pairs(request.excludedPairsOrEmpty(), "excludedPairs", ids, errors);
        List<PairRef> pinned = pairs(request.pinnedPairsOrEmpty(), "pinnedPairs", ids, errors);
        if (call != null && profiles != null) {
            checkPins(request.pinnedPairsOrEmpty(), pinned, excluded, profiles, call, errors);
        }
        errors.throwIfAny();
        return new PairingProblem(call, profiles, pinned, excluded, weights);
    }

    // ************************************************************************
    // Call
    // ************************************************************************

    private CallRules callRules(PairingRunRequest request, Errors errors) {
        CallRulesDto dto = request.call();
        CallRules defaults = CallRules.defaults();
        if (dto == null) {
            return new CallRules(request.name() == null ? defaults.name() : request.name(),
                    defaults.populationThreshold(), defaults.minimumCommitmentMonths(), defaults.countryRegions(),
                    defaults.themes(), Map.of());
        }
        int before = errors.size();
        long threshold = dto.populationThreshold() == null ? defaults.populationThreshold()
                : dto.populationThreshold();
        if (threshold < 0) {
            errors.add("call.populationThreshold", "must be 0 or more");
        }
        int months = dto.minimumCommitmentMonths() == null ? defaults.minimumCommitmentMonths()
                : dto.minimumCommitmentMonths();
        if (months < 0) {
            errors.add("call.minimumCommitmentMonths", "must be 0 or more");
        }
        Map<String, ProgrammeRegion> regions = new LinkedHashMap<>(
                dto.countryRegions() == null ? defaults.countryRegions() : Map.of());
        if (dto.countryRegions() != null) {
            if (dto.countryRegions().isEmpty()) {
                errors.add("call.countryRegions", "must map at least one country; leave it out for the default");
            }
            putCountries(dto.countryRegions(), "call.countryRegions", regions, errors);
        }
        if (dto.movedCountries() != null) {
            putCountries(dto.movedCountries(), "call.movedCountries", regions, errors);
        }
        if (!regions.isEmpty() && !regions.containsValue(ProgrammeRegion.EU)) {
            errors.add("call.countryRegions", "maps no country to EU");
        }
        List<String> themes = dto.themes() == null ? defaults.themes() : dto.themes();
        if (dto.themes() != null) {
            if (themes.isEmpty()) {
                errors.add("call.themes", "must list at least one theme; leave it out for the IUC topics");
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < themes.size(); i++) {
                String theme = themes.get(i);
                if (theme == null || theme.isBlank()) {
                    errors.add("call.themes[" + i + "]", "must not be blank");
                } else if (!seen.add(theme)) {
                    errors.add("call.themes[" + i + "]", "repeats the theme '" + theme + "'");
                }
            }
        }
        Map<ProgrammeRegion, Integer> targets = new EnumMap<>(ProgrammeRegion.class);
        if (dto.targetPairs() != null) {
            dto.targetPairs().forEach((region, target) -> {
                String field = "call.targetPairs." + region;
                if (!region.isPartnerRegion()) {
                    errors.add(field, "targets are set per partner region; EU is not one");
                } else if (target == null || target < 0) {
                    errors.add(field, "must be 0 or more");
                } else {
                    targets.put(region, target);
                }
            });
        }
        if (errors.size() > before) {
            return null;
        }
        String name = dto.name() != null ? dto.name() : request.name() != null ? request.name() : defaults.name();
        return new CallRules(name, threshold, months, regions, themes, targets);
    }

    private void putCountries(Map<String, ProgrammeRegion> given, String field,
            Map<String, ProgrammeRegion> regions, Errors errors) {
        given.forEach((country, region) -> {
            if (!isKnownCountry(country)) {
                errors.add(field + "." + country, "unknown country code; use ISO 3166-1 alpha-2 such as FR");
            } else if (region == null) {
                errors.add(field + "." + country, "must name a region: " + List.of(ProgrammeRegion.values()));
            } else {
                regions.put(country, region);
            }
        });
    }

    private boolean isKnownCountry(String code) {
        return code != null && COUNTRY_CODE.matcher(code).matches() && reference.country(code).isPresent();
    }

    // ************************************************************************
    // Applicants
    // ************************************************************************

    private List<ApplicantProfile> applicants(PairingRunRequest request, CallRules call, List<String> themes,
            Errors errors) {
        if (request.applicants() == null || request.applicants().isEmpty()) {
            errors.add("applicants", "must list at least one applicant");
            return null;
        }
        int before = errors.size();
        List<ApplicantProfile> profiles = new ArrayList<>();
        Map<String, Integer> firstIndexById = new HashMap<>();
        List<ApplicantDto> dtos = request.applicants();
        for (int i = 0; i < dtos.size(); i++) {
            String field = "applicants[" + i + "]";
            ApplicantDto dto = dtos.get(i);
            if (dto == null) {
                errors.add(field, "must not be null");
                continue;
            }
            if (dto.id() != null && !dto.id().isBlank()) {
                Integer first = firstIndexById.putIfAbsent(dto.id(), i);
                if (first != null) {
                    errors.add(field + ".id", "duplicates the id '" + dto.id() + "' of applicants[" + first + "]");
                }
            }
            ApplicantProfile profile = applicant(dto, field, call, themes, errors);
            if (profile != null) {
                profiles.add(profile);
            }
        }
        for (int i = 0; i < dtos.size(); i++) {
            ApplicantDto dto = dtos.get(i);
            if (dto == null || dto.excludedPartnerIds() == null) {
                continue;
            }
            for (int k = 0; k < dto.excludedPartnerIds().size(); k++) {
                String other = dto.excludedPartnerIds().get(k);
                String field = "applicants[" + i + "].excludedPartnerIds[" + k + "]";
                if (other == null || !firstIndexById.containsKey(other)) {
                    errors.add(field, "names no applicant of the pool: '" + other + "'");
                } else if (other.equals(dto.id())) {
                    errors.add(field, "an applicant cannot exclude itself");
                }
            }
        }
        return errors.size() > before ? null : profiles;
    }

    private ApplicantProfile applicant(ApplicantDto dto, String field, CallRules call, List<String> themes,
            Errors errors) {
        int before = errors.size();
        requireText(dto.id(), field + ".id", errors);
        requireText(dto.name(), field + ".name", errors);
        if (dto.country() == null || dto.country().isBlank()) {
            errors.add(field + ".country", "is required (ISO 3166-1 alpha-2, e.g. FR)");
        } else if (!isKnownCountry(dto.country())) {
            errors.add(field + ".country", "unknown country code '" + dto.country()
                    + "'; use ISO 3166-1 alpha-2 in capitals, e.g. FR");
        }
        ApplicantKind kind = dto.kind() == null ? ApplicantKind.CITY : dto.kind();
        List<MemberMunicipality> members = new ArrayList<>();
        if (dto.members() != null) {
            for (int k = 0; k < dto.members().size(); k++) {
                ApplicantDto.MemberDto member = dto.members().get(k);
                String memberField = field + ".members[" + k + "]";
                if (member == null) {
                    errors.add(memberField, "must not be null");
                    continue;
                }
                requireText(member.name(), memberField + ".name", errors);
                if (member.population() == null) {
                    errors.add(memberField + ".population", "is required");
                } else if (member.population() <= 0) {
                    errors.add(memberField + ".population", "must be more than 0");
                } else if (member.name() != null && !member.name().isBlank()) {
                    members.add(new MemberMunicipality(member.name(), member.population()));
                }
            }
        }
        if (kind == ApplicantKind.MUNICIPALITY_GROUP && (dto.members() == null || dto.members().isEmpty())) {
            errors.add(field + ".members", "a group of municipalities must list its member municipalities");
        }
        if (dto.members() == null || dto.members().isEmpty()) {
            if (dto.population() == null) {
                errors.add(field + ".population", "is required (or list the members of a group)");
            } else if (dto.population() <= 0) {
                errors.add(field + ".population", "must be more than 0");
            }
        } else if (dto.population() != null) {
            long sum = members.stream().mapToLong(MemberMunicipality::population).sum();
            if (dto.population() != sum && members.size() == dto.members().size()) {
                errors.add(field + ".population", "is " + dto.population() + " but the members add up to " + sum
                        + "; leave it out for a group");
            }
        }
        List<String> languages = dto.languages() == null ? List.of() : dto.languages();
        Set<String> seenLanguages = new HashSet<>();
        for (int k = 0; k < languages.size(); k++) {
            String language = languages.get(k);
            if (language == null || !reference.isLanguage(language)) {
                errors.add(field + ".languages[" + k + "]", "unknown language code '" + language
                        + "'; use ISO 639-1 in lower case, e.g. en");
            } else if (!seenLanguages.add(language)) {
                errors.add(field + ".languages[" + k + "]", "repeats '" + language + "'");
            }
        }
        List<Challenge> challenges = new ArrayList<>();
        if (dto.challenges() != null) {
            Set<String> seenThemes = new HashSet<>();
            for (int k = 0; k < dto.challenges().size(); k++) {
                ApplicantDto.ChallengeDto challenge = dto.challenges().get(k);
                String challengeField = field + ".challenges[" + k + "]";
                if (challenge == null) {
                    errors.add(challengeField, "must not be null");
                    continue;
                }
                boolean ok = true;
                if (challenge.theme() == null || challenge.theme().isBlank()) {
                    errors.add(challengeField + ".theme", "is required");
                    ok = false;
                } else if (!themes.contains(challenge.theme())) {
                    errors.add(challengeField + ".theme", "'" + challenge.theme()
                            + "' is not a theme of the call; the call's themes are " + themes);
                    ok = false;
                } else if (!seenThemes.add(challenge.theme())) {
                    errors.add(challengeField + ".theme", "repeats the theme '" + challenge.theme() + "'");
                    ok = false;
                }
                if (challenge.priority() == null) {
                    errors.add(challengeField + ".priority", "is required (1 to 3, 3 the highest)");
                    ok = false;
                } else if (challenge.priority() < Challenge.MIN_PRIORITY
                        || challenge.priority() > Challenge.MAX_PRIORITY) {
                    errors.add(challengeField + ".priority", "must be 1, 2 or 3");
                    ok = false;
                }
                if (ok) {
                    challenges.add(new Challenge(challenge.theme(), challenge.priority()));
                }
            }
        }
        if (dto.preferredPartnerRegions() != null) {
            for (int k = 0; k < dto.preferredPartnerRegions().size(); k++) {
                if (dto.preferredPartnerRegions().get(k) == null) {
                    errors.add(field + ".preferredPartnerRegions[" + k + "]", "must not be null");
                }
            }
        }
        int months = dto.committedMonths() == null
                ? (call == null ? CallRules.DEFAULT_MINIMUM_COMMITMENT_MONTHS : call.minimumCommitmentMonths())
                : dto.committedMonths();
        if (months < 0) {
            errors.add(field + ".committedMonths", "must be 0 or more");
        }
        int maxPartners = dto.maxPartners() == null ? ApplicantProfile.DEFAULT_MAX_PARTNERS : dto.maxPartners();
        if (maxPartners < 1 || maxPartners > MAX_PARTNERS_LIMIT) {
            errors.add(field + ".maxPartners", "must be from 1 to " + MAX_PARTNERS_LIMIT);
        }
        Coordinates coordinates = null;
        if ((dto.latitude() == null) != (dto.longitude() == null)) {
            errors.add(field + (dto.latitude() == null ? ".latitude" : ".longitude"),
                    "latitude and longitude come together");
        } else if (dto.latitude() != null) {
            if (dto.latitude() < -90 || dto.latitude() > 90) {
                errors.add(field + ".latitude", "must be from -90 to 90");
            }
            if (dto.longitude() < -180 || dto.longitude() > 180) {
                errors.add(field + ".longitude", "must be from -180 to 180");
            }
            if (errors.size() == before) {
                coordinates = new Coordinates(dto.latitude(), dto.longitude());
            }
        }
        if (errors.size() > before) {
            return null;
        }
        return new ApplicantProfile(dto.id(), dto.name(), dto.country(), dto.region(), kind,
                dto.members() == null || dto.members().isEmpty() ? dto.population() : null, members,
                dto.leadAuthorityContact(), languages, challenges,
                dto.preferredPartnerRegions() == null ? Set.of() : new java.util.LinkedHashSet<>(
                        dto.preferredPartnerRegions()),
                months, maxPartners, Boolean.TRUE.equals(dto.covenantSignatory()),
                dto.excludedPartnerIds() == null ? Set.of() : new java.util.LinkedHashSet<>(dto.excludedPartnerIds()),
                coordinates);
    }

    // ************************************************************************
    // Weights, termination, pins and exclusions
    // ************************************************************************

    private Map<String, HardMediumSoftLongScore> weights(Map<String, Long> given, Errors errors) {
        Map<String, HardMediumSoftLongScore> weights = new LinkedHashMap<>();
        if (given == null) {
            return weights;
        }
        given.forEach((name, weight) -> {
            String field = "weights." + name;
            if (!SOFT_CONSTRAINTS.contains(name)) {
                boolean known = PairingConstraintProvider.DEFAULT_WEIGHTS.containsKey(name);
                errors.add(field, known ? "is a hard or medium rule; only soft constraint weights can be changed"
                        : "unknown constraint; the soft constraints are " + SOFT_CONSTRAINTS);
            } else if (weight == null || weight < 0) {
                errors.add(field, "must be 0 (off) or more");
            } else {
                weights.put(name, HardMediumSoftLongScore.ofSoft(weight));
            }
        });
        return weights;
    }

    /**
     * The offending fields of a run's termination (at least one limit; each longer than zero and within
     * {@code iuc.pairing.max-spent-limit}); empty when it is fine or absent. Scheduling runs use it too.
     */
    public List<FieldErrorView> terminationErrors(TerminationDto termination) {
        Errors errors = new Errors();
        termination(termination, errors);
        return errors.list;
    }

    private void termination(TerminationDto termination, Errors errors) {
        if (termination == null) {
            return;
        }
        if (termination.spentLimit() == null && termination.unimprovedSpentLimit() == null) {
            errors.add("termination", "give spentLimit, unimprovedSpentLimit or both (ISO-8601, e.g. PT30S)");
        }
        checkDuration(termination.spentLimit(), "termination.spentLimit", errors);
        checkDuration(termination.unimprovedSpentLimit(), "termination.unimprovedSpentLimit", errors);
    }

    private void checkDuration(Duration duration, String field, Errors errors) {
        if (duration == null) {
            return;
        }
        if (duration.isNegative() || duration.isZero()) {
            errors.add(field, "must be longer than zero");
        } else if (duration.compareTo(properties.maxSpentLimit()) > 0) {
            errors.add(field, "must be at most " + properties.maxSpentLimit() + " (iuc.pairing.max-spent-limit)");
        }
    }

    private List<PairRef> pairs(List<PairDto> dtos, String name, Set<String> ids, Errors errors) {
        List<PairRef> pairs = new ArrayList<>();
        Set<Set<String>> seen = new HashSet<>();
        for (int i = 0; i < dtos.size(); i++) {
            PairDto dto = dtos.get(i);
            String field = name + "[" + i + "]";
            if (dto == null) {
                errors.add(field, "must not be null");
                continue;
            }
            boolean ok = checkPairMember(dto.first(), field + ".first", ids, errors)
                    & checkPairMember(dto.second(), field + ".second", ids, errors);
            if (!ok) {
                continue;
            }
            if (dto.first().equals(dto.second())) {
                errors.add(field + ".second", "a pair needs two different applicants");
            } else if (!seen.add(Set.of(dto.first(), dto.second()))) {
                errors.add(field, "repeats the pair " + dto.first() + " and " + dto.second());
            } else {
                pairs.add(new PairRef(dto.first(), dto.second()));
            }
        }
        return pairs;
    }

    private static boolean checkPairMember(String id, String field, Set<String> ids, Errors errors) {
        if (id == null || id.isBlank()) {
            errors.add(field, "is required");
            return false;
        }
        if (!ids.contains(id)) {
            errors.add(field, "names no applicant of the pool: '" + id + "'");
            return false;
        }
        return true;
    }

    private static void checkPins(List<PairDto> dtos, List<PairRef> pinned, List<PairRef> excluded,
            List<ApplicantProfile> profiles, CallRules call, Errors errors) {
        Map<String, ApplicantProfile> byId = new HashMap<>();
        profiles.forEach(profile -> byId.put(profile.id(), profile));
        Set<Set<String>> excludedSets = new HashSet<>();
        excluded.forEach(pair -> excludedSets.add(Set.of(pair.firstId(), pair.secondId())));
        Map<String, Integer> pinCount = new HashMap<>();
        for (int i = 0; i < dtos.size(); i++) {
            PairDto dto = dtos.get(i);
            if (dto == null) {
                continue;
            }
            PairRef pin = pinned.stream()
                    .filter(p -> p.firstId().equals(dto.first()) && p.secondId().equals(dto.second()))
                    .findFirst().orElse(null);
            if (pin == null) {
                continue;
            }
            String field = "pinnedPairs[" + i + "]";
            ApplicantProfile first = byId.get(pin.firstId());
            ApplicantProfile second = byId.get(pin.secondId());
            ProgrammeRegion firstRegion = regionOf(first, call);
            ProgrammeRegion secondRegion = regionOf(second, call);
            boolean crossRegion = firstRegion != null && secondRegion != null
                    && (firstRegion == ProgrammeRegion.EU) != (secondRegion == ProgrammeRegion.EU);
            if (!crossRegion) {
                errors.add(field, "breaks the cross-region rule: " + describe(first, firstRegion) + " and "
                        + describe(second, secondRegion) + " are not one EU and one partner-region applicant");
            }
            for (ApplicantProfile profile : List.of(first, second)) {
                List<Ineligibility> reasons = EligibilityChecker.check(profile, call);
                if (!reasons.isEmpty()) {
                    errors.add(field, profile.id() + " is not eligible: " + reasons.stream()
                            .map(Ineligibility::message).reduce((a, b) -> a + "; " + b).orElse(""));
                }
            }
            if (excludedSets.contains(Set.of(pin.firstId(), pin.secondId()))
                    || first.excludedPartnerIds().contains(second.id())
                    || second.excludedPartnerIds().contains(first.id())) {
                errors.add(field, "the pair " + first.id() + " and " + second.id() + " is also excluded");
            }
            for (ApplicantProfile profile : List.of(first, second)) {
                int count = pinCount.merge(profile.id(), 1, Integer::sum);
                if (count == profile.maxPartners() + 1) {
                    errors.add(field, "pins give " + profile.id() + " more partners than it takes ("
                            + profile.maxPartners() + ")");
                }
            }
        }
    }

    private static ProgrammeRegion regionOf(ApplicantProfile profile, CallRules call) {
        return profile.region() != null ? profile.region() : call.regionOf(profile.country()).orElse(null);
    }

    private static String describe(ApplicantProfile profile, ProgrammeRegion region) {
        return profile.id() + " (" + (region == null ? "outside the call" : region.name()) + ")";
    }

    private static void requireText(String value, String field, Errors errors) {
        if (value == null || value.isBlank()) {
            errors.add(field, "is required");
        }
    }

    /** The offending fields found so far. */
    private static final class Errors {
        private final List<FieldErrorView> list = new ArrayList<>();

        void add(String field, String message) {
            list.add(new FieldErrorView(field, message));
        }

        int size() {
            return list.size();
        }

        void throwIfAny() {
            if (!list.isEmpty()) {
                throw ApiException.invalid(list);
            }
        }
    }

}
