package eu.iucplanner.pairing.service;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import eu.iucplanner.pairing.domain.CallKind;
import eu.iucplanner.pairing.domain.CallRules;
import eu.iucplanner.pairing.domain.ClusterCoherence;
import eu.iucplanner.pairing.domain.CountryLimits;
import eu.iucplanner.pairing.domain.PopulationBasis;
import eu.iucplanner.pairing.domain.ParticipationRules;
import eu.iucplanner.pairing.domain.PopulationPolicy;
import eu.iucplanner.pairing.domain.ProgrammeRegion;
import eu.iucplanner.validation.IsoCountry;
import eu.iucplanner.validation.Limits;
import eu.iucplanner.validation.PlainText;
import eu.iucplanner.validation.PartnerRegion;
import eu.iucplanner.validation.Messages;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A call's rules as data. Every field is optional.
 *
 * @param name                    the call's name
 * @param populationThreshold     applicants need more than this many inhabitants (default 100,000)
 * @param minimumCommitmentMonths the shortest commitment accepted (default 18)
 * @param countryRegions          the complete country-to-region mapping, replacing the default one
 * @param movedCountries          changes applied on top of the mapping, e.g. {@code {"MX": "NORTH_AMERICA"}}
 * @param themes                  the theme vocabulary, replacing the 15 IUC topics
 * @param targetPairs             how many pairs the call aims for per partner region (regional balance)
 * @param allowRegionOverride     whether an applicant's own {@code region} may differ from its country's region in
 *                                the call's mapping (refused otherwise, so a US city marked EU is an error, not an
 *                                EU city)
 * @param populationPolicy        HARD (default), PREFERENCE or NONE
 * @param populationFloor         with PREFERENCE: the population an applicant must exceed (default 50,000, at most the
 *                                threshold)
 * @param countedPopulationBases  which population figures count (default all, REGION a region's own); the largest
 *                                counted one is used
 * @param maxPairsPerCountry      hard cap on the pairs any one country (EU member state or partner country) is in
 * @param maxPairsByCountry       hard caps of single countries, replacing the general one
 * @param softMaxPairsPerCountry  soft cap: each pair a country has beyond it costs ("Country above soft cap")
 * @param softMaxPairsByCountry   soft caps of single countries, replacing the general one
 * @param softMaxPairsPerTheme    theme spread: each pair beyond this many with the same main shared theme costs
 * @param earlierPairs            ALLOW (default), PENALIZE or EXCLUDE a pair that an applicant names as an earlier
 *                                partnership
 * @param preferFirstTimeParticipants whether each pair member that took part before costs
 * @param clusterCoherence        NONE (default), SOFT (Cluster coherence) or HARD (Incoherent cluster): whether an
 *                                applicant with several partners shares one theme with all of them
 * @param kind                    CITY_TO_CITY (default) or REGION_TO_REGION: which bodies apply
 */
@Schema(description = "The call's rules; every field is optional and defaults to the current IURC call.")
@CallRulesDto.Consistent
public record CallRulesDto(
        @Schema(example = "IURC 2024", maxLength = Limits.NAME)
        @Size(max = Limits.NAME, message = "must be at most " + Limits.NAME + " characters") @PlainText String name,
        @Schema(example = "100000") @PositiveOrZero(message = "must be 0 or more")
        @Max(value = ApplicantDto.MAX_POPULATION, message = "must be at most " + ApplicantDto.MAX_POPULATION)
        Long populationThreshold,
        @Schema(example = "18") @PositiveOrZero(message = "must be 0 or more")
        @Max(value = 600, message = "must be at most 600") Integer minimumCommitmentMonths,
        @Size(min = 1, max = 300, message = "must map from 1 to 300 countries; leave it out for the default")
        Map<@IsoCountry String, @NotNull(message = "must name a region: [EU, NORTH_AMERICA, "
                + "LATIN_AMERICA_CARIBBEAN, ASIA]") ProgrammeRegion> countryRegions,
        @Schema(example = "{\"MX\": \"NORTH_AMERICA\"}") @Size(max = 300, message = "must move at most 300 countries")
        Map<@IsoCountry String, @NotNull(message = "must name a region: [EU, NORTH_AMERICA, "
                + "LATIN_AMERICA_CARIBBEAN, ASIA]") ProgrammeRegion> movedCountries,
        @Size(min = 1, max = MAX_THEMES, message = "must list from 1 to " + MAX_THEMES
                + " themes; leave it out for the IUC topics")
        List<@NotBlank(message = "must not be blank") @Size(max = Limits.NAME, message = "must be at most "
                + Limits.NAME + " characters") @PlainText String> themes,
        @Schema(example = "{\"ASIA\": 5, \"NORTH_AMERICA\": 3, \"LATIN_AMERICA_CARIBBEAN\": 4}")
        Map<@PartnerRegion(message = "targets are set per partner region; EU is not one") ProgrammeRegion,
                @NotNull(message = "must be 0 or more") @PositiveOrZero(message = "must be 0 or more")
                @Max(value = 1_000_000, message = "must be at most 1000000") Integer> targetPairs,
        @Schema(description = "Let an applicant's own region differ from its country's region in the mapping "
                + "(default false: such an applicant is refused; move whole countries with movedCountries)",
                example = "false") Boolean allowRegionOverride,
        @Schema(description = "HARD: more than the threshold or ineligible (default); PREFERENCE: a soft penalty below "
                + "the threshold, ineligible at or below the floor; NONE: no population rule", example = "PREFERENCE")
        PopulationPolicy populationPolicy,
        @Schema(example = "50000", description = "With PREFERENCE: an applicant needs more than this (default "
                + "50,000, or the threshold when that is lower)") @PositiveOrZero(message = "must be 0 or more")
        @Max(value = ApplicantDto.MAX_POPULATION, message = "must be at most " + ApplicantDto.MAX_POPULATION)
        Long populationFloor,
        @Schema(description = "Which population figures count (default all five; REGION is a region's own figure)",
                example = "[\"CITY_PROPER\", \"MUNICIPALITY\"]")
        @Size(min = 1, max = 5, message = "must list from 1 to 5 bases; leave it out for all")
        List<@NotNull(message = "must name a basis: [CITY_PROPER, MUNICIPALITY, METROPOLITAN, GROUP_TOTAL, REGION]")
                PopulationBasis> countedPopulationBases,
        @Schema(example = "12", description = "No country (EU member state or partner country) is in more pairs")
        @PositiveOrZero(message = "must be 0 or more") @Max(value = 1_000_000, message = "must be at most 1000000")
        Integer maxPairsPerCountry,
        @Schema(example = "{\"US\": 8}") @Size(max = 300, message = "must cap at most 300 countries")
        Map<@IsoCountry String, @NotNull(message = "must be 0 or more") @PositiveOrZero(message = "must be 0 or more")
                @Max(value = 1_000_000, message = "must be at most 1000000") Integer> maxPairsByCountry,
        @Schema(example = "6", description = "Each pair a country has beyond this costs (Country above soft cap)")
        @PositiveOrZero(message = "must be 0 or more") @Max(value = 1_000_000, message = "must be at most 1000000")
        Integer softMaxPairsPerCountry,
        @Schema(example = "{\"DE\": 4}") @Size(max = 300, message = "must cap at most 300 countries")
        Map<@IsoCountry String, @NotNull(message = "must be 0 or more") @PositiveOrZero(message = "must be 0 or more")
                @Max(value = 1_000_000, message = "must be at most 1000000") Integer> softMaxPairsByCountry,
        @Schema(example = "10", description = "Theme spread: each pair beyond this many with the same main shared "
                + "theme costs (Theme above soft cap)") @PositiveOrZero(message = "must be 0 or more")
        @Max(value = 1_000_000, message = "must be at most 1000000") Integer softMaxPairsPerTheme,
        @Schema(description = "ALLOW (default), PENALIZE (Earlier pair formed again) or EXCLUDE an earlier "
                + "partnership formed again", example = "PENALIZE") ParticipationRules.EarlierPairs earlierPairs,
        @Schema(description = "Each pair member that took part before costs (Returning participants)",
                example = "false") Boolean preferFirstTimeParticipants,
        @Schema(description = "Clusters (an applicant with two or more partners) share one theme of the call with "
                + "all their members: NONE (default), SOFT (Cluster coherence costs per cluster without one) or HARD "
                + "(no such cluster)", example = "HARD") ClusterCoherence clusterCoherence,
        @Schema(description = "CITY_TO_CITY (default): cities and groups of municipalities apply, regions are refused "
                + "(SUB_NATIONAL_GOVERNMENT); REGION_TO_REGION: sub-national governments naming their subdivision "
                + "apply, cities and groups are refused (NOT_A_REGION)", example = "REGION_TO_REGION")
        CallKind kind) {

    /** Before the call kind. */
    public CallRulesDto(String name, Long populationThreshold, Integer minimumCommitmentMonths,
            Map<String, ProgrammeRegion> countryRegions, Map<String, ProgrammeRegion> movedCountries,
            List<String> themes, Map<ProgrammeRegion, Integer> targetPairs, Boolean allowRegionOverride,
            PopulationPolicy populationPolicy, Long populationFloor, List<PopulationBasis> countedPopulationBases,
            Integer maxPairsPerCountry, Map<String, Integer> maxPairsByCountry, Integer softMaxPairsPerCountry,
            Map<String, Integer> softMaxPairsByCountry, Integer softMaxPairsPerTheme,
            ParticipationRules.EarlierPairs earlierPairs, Boolean preferFirstTimeParticipants,
            ClusterCoherence clusterCoherence) {
        this(name, populationThreshold, minimumCommitmentMonths, countryRegions, movedCountries, themes, targetPairs,
                allowRegionOverride, populationPolicy, populationFloor, countedPopulationBases, maxPairsPerCountry,
                maxPairsByCountry, softMaxPairsPerCountry, softMaxPairsByCountry, softMaxPairsPerTheme, earlierPairs,
                preferFirstTimeParticipants, clusterCoherence, null);
    }

    /** The call's strand, CITY_TO_CITY unless it says otherwise. */
    public CallKind kindOrDefault() {
        return kind == null ? CallKind.CITY_TO_CITY : kind;
    }

    /** Before cluster coherence. */
    public CallRulesDto(String name, Long populationThreshold, Integer minimumCommitmentMonths,
            Map<String, ProgrammeRegion> countryRegions, Map<String, ProgrammeRegion> movedCountries,
            List<String> themes, Map<ProgrammeRegion, Integer> targetPairs, Boolean allowRegionOverride,
            PopulationPolicy populationPolicy, Long populationFloor, List<PopulationBasis> countedPopulationBases,
            Integer maxPairsPerCountry, Map<String, Integer> maxPairsByCountry, Integer softMaxPairsPerCountry,
            Map<String, Integer> softMaxPairsByCountry, Integer softMaxPairsPerTheme,
            ParticipationRules.EarlierPairs earlierPairs, Boolean preferFirstTimeParticipants) {
        this(name, populationThreshold, minimumCommitmentMonths, countryRegions, movedCountries, themes, targetPairs,
                allowRegionOverride, populationPolicy, populationFloor, countedPopulationBases, maxPairsPerCountry,
                maxPairsByCountry, softMaxPairsPerCountry, softMaxPairsByCountry, softMaxPairsPerTheme, earlierPairs,
                preferFirstTimeParticipants, null);
    }

    /** Before participation rules. */
    public CallRulesDto(String name, Long populationThreshold, Integer minimumCommitmentMonths,
            Map<String, ProgrammeRegion> countryRegions, Map<String, ProgrammeRegion> movedCountries,
            List<String> themes, Map<ProgrammeRegion, Integer> targetPairs, Boolean allowRegionOverride,
            PopulationPolicy populationPolicy, Long populationFloor, List<PopulationBasis> countedPopulationBases,
            Integer maxPairsPerCountry, Map<String, Integer> maxPairsByCountry, Integer softMaxPairsPerCountry,
            Map<String, Integer> softMaxPairsByCountry, Integer softMaxPairsPerTheme) {
        this(name, populationThreshold, minimumCommitmentMonths, countryRegions, movedCountries, themes, targetPairs,
                allowRegionOverride, populationPolicy, populationFloor, countedPopulationBases, maxPairsPerCountry,
                maxPairsByCountry, softMaxPairsPerCountry, softMaxPairsByCountry, softMaxPairsPerTheme, null, null);
    }

    /** Before the theme spread. */
    public CallRulesDto(String name, Long populationThreshold, Integer minimumCommitmentMonths,
            Map<String, ProgrammeRegion> countryRegions, Map<String, ProgrammeRegion> movedCountries,
            List<String> themes, Map<ProgrammeRegion, Integer> targetPairs, Boolean allowRegionOverride,
            PopulationPolicy populationPolicy, Long populationFloor, List<PopulationBasis> countedPopulationBases,
            Integer maxPairsPerCountry, Map<String, Integer> maxPairsByCountry, Integer softMaxPairsPerCountry,
            Map<String, Integer> softMaxPairsByCountry) {
        this(name, populationThreshold, minimumCommitmentMonths, countryRegions, movedCountries, themes, targetPairs,
                allowRegionOverride, populationPolicy, populationFloor, countedPopulationBases, maxPairsPerCountry,
                maxPairsByCountry, softMaxPairsPerCountry, softMaxPairsByCountry, null);
    }

    /** Before country limits. */
    public CallRulesDto(String name, Long populationThreshold, Integer minimumCommitmentMonths,
            Map<String, ProgrammeRegion> countryRegions, Map<String, ProgrammeRegion> movedCountries,
            List<String> themes, Map<ProgrammeRegion, Integer> targetPairs, Boolean allowRegionOverride,
            PopulationPolicy populationPolicy, Long populationFloor, List<PopulationBasis> countedPopulationBases) {
        this(name, populationThreshold, minimumCommitmentMonths, countryRegions, movedCountries, themes, targetPairs,
                allowRegionOverride, populationPolicy, populationFloor, countedPopulationBases, null, null, null,
                null);
    }

    /** The country limits these rules give. */
    public CountryLimits countryLimits() {
        return new CountryLimits(maxPairsPerCountry, maxPairsByCountry, softMaxPairsPerCountry,
                softMaxPairsByCountry);
    }

    public CallRulesDto(String name, Long populationThreshold, Integer minimumCommitmentMonths,
            Map<String, ProgrammeRegion> countryRegions, Map<String, ProgrammeRegion> movedCountries,
            List<String> themes, Map<ProgrammeRegion, Integer> targetPairs) {
        this(name, populationThreshold, minimumCommitmentMonths, countryRegions, movedCountries, themes, targetPairs,
                null, null, null, null, null, null, null, null);
    }

    public boolean allowsRegionOverride() {
        return Boolean.TRUE.equals(allowRegionOverride);
    }

    /** The most themes a call may have (bounds the shared-challenges term: at most 9 points a theme). */
    public static final int MAX_THEMES = 100;

    /** The country-to-region mapping these rules give: the complete one or the default, with the moves on top. */
    public Map<String, ProgrammeRegion> mapping() {
        Map<String, ProgrammeRegion> regions = new LinkedHashMap<>(
                countryRegions == null ? CallRules.defaultCountryRegions() : countryRegions);
        if (movedCountries != null) {
            regions.putAll(movedCountries);
        }
        return regions;
    }

    /** Rules across the call's fields: some country maps to the EU, no theme twice. */
    @Documented
    @Constraint(validatedBy = ConsistentValidator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Consistent {

        String message() default "the call's rules do not fit together";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** Checks a call's fields against each other. */
    public static class ConsistentValidator implements ConstraintValidator<Consistent, CallRulesDto> {

        @Override
        public boolean isValid(CallRulesDto dto, ConstraintValidatorContext context) {
            ApplicantDto.Violations violations = new ApplicantDto.Violations(context);
            Map<String, ProgrammeRegion> mapping = dto.mapping();
            if (!mapping.isEmpty() && !mapping.containsValue(ProgrammeRegion.EU)) {
                violations.add("countryRegions", "maps no country to EU");
            }
            long threshold = dto.populationThreshold() == null ? CallRules.DEFAULT_POPULATION_THRESHOLD
                    : dto.populationThreshold();
            if (dto.populationFloor() != null && dto.populationFloor() > threshold) {
                violations.add("populationFloor", "must not be more than the population threshold ("
                        + threshold + ")");
            }
            if (dto.populationFloor() != null && dto.populationPolicy() != PopulationPolicy.PREFERENCE) {
                violations.add("populationFloor", "applies only with populationPolicy PREFERENCE");
            }
            if (dto.allowsRegionOverride() && !dto.countryLimits().isEmpty()) {
                violations.add("allowRegionOverride", "cannot be combined with country caps: a country on both "
                        + "sides would be capped per side");
            }
            if (dto.themes() != null) {
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < dto.themes().size(); i++) {
                    String theme = dto.themes().get(i);
                    if (theme != null && !theme.isBlank() && !seen.add(theme)) {
                        violations.addIndexed("themes", i, null, "repeats the theme " + Messages.quote(theme));
                    }
                }
            }
            return violations.none();
        }
    }
}
