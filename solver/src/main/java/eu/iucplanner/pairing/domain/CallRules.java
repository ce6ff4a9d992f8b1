package eu.iucplanner.pairing.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of one call for applications. They change from phase to phase, so they are data, never constants in code:
 * an earlier call used a population threshold of 50,000, Mexico has been counted both with North America and with
 * Latin America, and UK cities counted as EU cities before 2020.
 *
 * @param name                    human-readable name of the call, e.g. "IURC 2024"
 * @param populationThreshold     an applicant must have <em>more than</em> this many inhabitants
 * @param minimumCommitmentMonths the shortest cooperation an applicant may commit to
 * @param countryRegions          ISO 3166-1 alpha-2 country code to programme region; countries absent are outside
 *                                the call
 * @param themes                  the theme vocabulary that challenges are chosen from
 * @param targetPairs             optional number of pairings the call aims for per partner region
 * @param populationPolicy        whether the threshold is a rule ({@code HARD}), a preference with a floor
 *                                ({@code PREFERENCE}) or not applied ({@code NONE})
 * @param populationFloor         with {@code PREFERENCE}: an applicant must have more than this many inhabitants
 * @param countedPopulationBases  which population figures count (the largest counted figure is the applicant's)
 * @param countryLimits           hard and soft caps on the pairs per country
 * @param themeSoftCap            pairs per theme (a pair's main shared theme) before each further pair costs; -1 for
 *                                no theme spread
 * @param participation           how earlier pairs and returning participants are treated
 * @param clusterCoherence        whether an applicant with several partners must ({@code HARD}) or should
 *                                ({@code SOFT}) share one theme with all of them, or need not ({@code NONE})
 * @param kind                    the strand: cities ({@code CITY_TO_CITY}, default) or sub-national governments
 *                                ({@code REGION_TO_REGION}) apply; the other kind is refused
 */
public record CallRules(String name, long populationThreshold, int minimumCommitmentMonths,
        Map<String, ProgrammeRegion> countryRegions, List<String> themes, Map<ProgrammeRegion, Integer> targetPairs,
        PopulationPolicy populationPolicy, long populationFloor, Set<PopulationBasis> countedPopulationBases,
        CountryLimits countryLimits, int themeSoftCap, ParticipationRules participation,
        ClusterCoherence clusterCoherence, CallKind kind) {

    /** The floor of a {@code PREFERENCE} call unless it sets its own: the threshold of an earlier call. */
    public static final long DEFAULT_POPULATION_FLOOR = 50_000;

    public static final long DEFAULT_POPULATION_THRESHOLD = 100_000;
    public static final int DEFAULT_MINIMUM_COMMITMENT_MONTHS = 18;

    /** The 27 member states of the European Union. */
    public static final List<String> EU27 = List.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE",
            "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

    /**
     * The topics of the IUC city-to-city calls, used as the default theme vocabulary.
     */
    public static final List<String> DEFAULT_THEMES = List.of(
            "Air quality",
            "Circular economy",
            "Digital transition",
            "Education, jobs and skills in the local economy",
            "Nature and cultural heritage",
            "Smart cities and urban innovation",
            "Sustainable production and consumption",
            "Sustainable land use and nature-based solutions",
            "Urban mobility",
            "Water, waste management and sanitation",
            "Housing",
            "Inclusion of migrants and refugees",
            "Urban poverty",
            "Climate adaptation",
            "Energy transition");

    /** A call with a hard threshold on any population figure (the rules before thresholds became a policy). */
    public CallRules(String name, long populationThreshold, int minimumCommitmentMonths,
            Map<String, ProgrammeRegion> countryRegions, List<String> themes,
            Map<ProgrammeRegion, Integer> targetPairs) {
        this(name, populationThreshold, minimumCommitmentMonths, countryRegions, themes, targetPairs,
                PopulationPolicy.HARD, Math.min(DEFAULT_POPULATION_FLOOR, populationThreshold),
                EnumSet.allOf(PopulationBasis.class), CountryLimits.NONE);
    }

    /** A call without country limits. */
    public CallRules(String name, long populationThreshold, int minimumCommitmentMonths,
            Map<String, ProgrammeRegion> countryRegions, List<String> themes,
            Map<ProgrammeRegion, Integer> targetPairs, PopulationPolicy populationPolicy, long populationFloor,
            Set<PopulationBasis> countedPopulationBases) {
        this(name, populationThreshold, minimumCommitmentMonths, countryRegions, themes, targetPairs,
                populationPolicy, populationFloor, countedPopulationBases, CountryLimits.NONE, -1);
    }

    /** A call without theme spread. */
    public CallRules(String name, long populationThreshold, int minimumCommitmentMonths,
            Map<String, ProgrammeRegion> countryRegions, List<String> themes,
            Map<ProgrammeRegion, Integer> targetPairs, PopulationPolicy populationPolicy, long populationFloor,
            Set<PopulationBasis> countedPopulationBases, CountryLimits countryLimits) {
        this(name, populationThreshold, minimumCommitmentMonths, countryRegions, themes, targetPairs,
                populationPolicy, populationFloor, countedPopulationBases, countryLimits, -1);
    }

    /** A call without participation rules. */
    public CallRules(String name, long populationThreshold, int minimumCommitmentMonths,
            Map<String, ProgrammeRegion> countryRegions, List<String> themes,
            Map<ProgrammeRegion, Integer> targetPairs, PopulationPolicy populationPolicy, long populationFloor,
            Set<PopulationBasis> countedPopulationBases, CountryLimits countryLimits, int themeSoftCap) {
        this(name, populationThreshold, minimumCommitmentMonths, countryRegions, themes, targetPairs,
                populationPolicy, populationFloor, countedPopulationBases, countryLimits, themeSoftCap,
                ParticipationRules.NONE);
    }

    /** A call without a cluster coherence rule. */
    public CallRules(String name, long populationThreshold, int minimumCommitmentMonths,
            Map<String, ProgrammeRegion> countryRegions, List<String> themes,
            Map<ProgrammeRegion, Integer> targetPairs, PopulationPolicy populationPolicy, long populationFloor,
            Set<PopulationBasis> countedPopulationBases, CountryLimits countryLimits, int themeSoftCap,
            ParticipationRules participation) {
        this(name, populationThreshold, minimumCommitmentMonths, countryRegions, themes, targetPairs,
                populationPolicy, populationFloor, countedPopulationBases, countryLimits, themeSoftCap,
                participation, ClusterCoherence.NONE);
    }

    /** A city-to-city call. */
    public CallRules(String name, long populationThreshold, int minimumCommitmentMonths,
            Map<String, ProgrammeRegion> countryRegions, List<String> themes,
            Map<ProgrammeRegion, Integer> targetPairs, PopulationPolicy populationPolicy, long populationFloor,
            Set<PopulationBasis> countedPopulationBases, CountryLimits countryLimits, int themeSoftCap,
            ParticipationRules participation, ClusterCoherence clusterCoherence) {
        this(name, populationThreshold, minimumCommitmentMonths, countryRegions, themes, targetPairs,
                populationPolicy, populationFloor, countedPopulationBases, countryLimits, themeSoftCap,
                participation, clusterCoherence, CallKind.CITY_TO_CITY);
    }

    public CallRules {
        Objects.requireNonNull(name, "name");
        kind = kind == null ? CallKind.CITY_TO_CITY : kind;
        Objects.requireNonNull(populationPolicy, "populationPolicy");
        countryLimits = countryLimits == null ? CountryLimits.NONE : countryLimits;
        participation = participation == null ? ParticipationRules.NONE : participation;
        clusterCoherence = clusterCoherence == null ? ClusterCoherence.NONE : clusterCoherence;
        if (themeSoftCap < -1) {
            throw new IllegalArgumentException("themeSoftCap must be -1 (none) or more");
        }
        if (populationFloor < 0 || populationFloor > populationThreshold) {
            throw new IllegalArgumentException("populationFloor must be from 0 to the threshold");
        }
        countedPopulationBases = countedPopulationBases == null || countedPopulationBases.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.allOf(PopulationBasis.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(countedPopulationBases));
        if (populationThreshold < 0) {
            throw new IllegalArgumentException("populationThreshold must not be negative");
        }
        if (minimumCommitmentMonths < 0) {
            throw new IllegalArgumentException("minimumCommitmentMonths must not be negative");
        }
        countryRegions = Collections.unmodifiableMap(new LinkedHashMap<>(countryRegions));
        themes = List.copyOf(themes);
        EnumMap<ProgrammeRegion, Integer> targets = new EnumMap<>(ProgrammeRegion.class);
        targets.putAll(targetPairs);
        targets.forEach((region, target) -> {
            if (!region.isPartnerRegion()) {
                throw new IllegalArgumentException("target pairs are set per partner region, not for " + region);
            }
            if (target < 0) {
                throw new IllegalArgumentException("target pairs of " + region + " must not be negative");
            }
        });
        targetPairs = Collections.unmodifiableMap(targets);
    }

    /** The default mapping: the EU27 and the IURC partner countries. Mexico counts with Latin America. */
    public static Map<String, ProgrammeRegion> defaultCountryRegions() {
        Map<String, ProgrammeRegion> map = new LinkedHashMap<>();
        EU27.forEach(country -> map.put(country, ProgrammeRegion.EU));
        List.of("CA", "US").forEach(country -> map.put(country, ProgrammeRegion.NORTH_AMERICA));
        List.of("AR", "BR", "CL", "CO", "MX", "PE")
                .forEach(country -> map.put(country, ProgrammeRegion.LATIN_AMERICA_CARIBBEAN));
        List.of("CN", "IN", "ID", "JP", "MY", "KR", "TH", "VN", "AU", "NZ")
                .forEach(country -> map.put(country, ProgrammeRegion.ASIA));
        return map;
    }

    /** A call with every default: more than 100,000 inhabitants, 18 months, the default mapping and themes. */
    public static CallRules defaults() {
        return new CallRules("Default call", DEFAULT_POPULATION_THRESHOLD, DEFAULT_MINIMUM_COMMITMENT_MONTHS,
                defaultCountryRegions(), DEFAULT_THEMES, Map.of());
    }

    public Optional<ProgrammeRegion> regionOf(String country) {
        return Optional.ofNullable(countryRegions.get(country));
    }

    public int themeIndex(String theme) {
        return themes.indexOf(theme);
    }

    /**
     * The figure that counts for the call: the largest of the applicant's figures whose basis the call counts, or
     * empty when it gave none of those.
     */
    public Optional<DeclaredPopulation> countedPopulation(ApplicantProfile applicant) {
        return applicant.populationFigures().stream()
                .filter(figure -> countedPopulationBases.contains(figure.basis()))
                .max(java.util.Comparator.comparingLong(DeclaredPopulation::population));
    }

    public CallRules withCountryRegion(String country, ProgrammeRegion region) {
        Map<String, ProgrammeRegion> map = new LinkedHashMap<>(countryRegions);
        map.put(country, region);
        return new CallRules(name, populationThreshold, minimumCommitmentMonths, map, themes, targetPairs,
                populationPolicy, populationFloor, countedPopulationBases, countryLimits,
                themeSoftCap, participation, clusterCoherence, kind);
    }

    public CallRules withTargetPairs(Map<ProgrammeRegion, Integer> newTargetPairs) {
        return new CallRules(name, populationThreshold, minimumCommitmentMonths, countryRegions, themes,
                newTargetPairs, populationPolicy, populationFloor, countedPopulationBases, countryLimits,
                themeSoftCap, participation, clusterCoherence, kind);
    }

    public CallRules withPopulationThreshold(long newThreshold) {
        return new CallRules(name, newThreshold, minimumCommitmentMonths, countryRegions, themes, targetPairs,
                populationPolicy, Math.min(populationFloor, newThreshold), countedPopulationBases, countryLimits,
                themeSoftCap, participation, clusterCoherence, kind);
    }

    /** The same call with another population policy, floor and counted bases. */
    public CallRules withPopulationPolicy(PopulationPolicy policy, long floor, Set<PopulationBasis> bases) {
        return new CallRules(name, populationThreshold, minimumCommitmentMonths, countryRegions, themes, targetPairs,
                policy, floor, bases, countryLimits, themeSoftCap, participation, clusterCoherence, kind);
    }

    /** The same call with other country limits. */
    public CallRules withCountryLimits(CountryLimits limits) {
        return new CallRules(name, populationThreshold, minimumCommitmentMonths, countryRegions, themes, targetPairs,
                populationPolicy, populationFloor, countedPopulationBases, limits, themeSoftCap, participation,
                clusterCoherence, kind);
    }

    /** The same call with another soft cap of pairs per theme (-1 for none). */
    public CallRules withThemeSoftCap(int cap) {
        return new CallRules(name, populationThreshold, minimumCommitmentMonths, countryRegions, themes, targetPairs,
                populationPolicy, populationFloor, countedPopulationBases, countryLimits, cap, participation,
                clusterCoherence, kind);
    }

    /** The same call with other participation rules. */
    public CallRules withParticipation(ParticipationRules rules) {
        return new CallRules(name, populationThreshold, minimumCommitmentMonths, countryRegions, themes, targetPairs,
                populationPolicy, populationFloor, countedPopulationBases, countryLimits, themeSoftCap, rules,
                clusterCoherence, kind);
    }

    /** The same call with another cluster coherence rule. */
    public CallRules withClusterCoherence(ClusterCoherence coherence) {
        return new CallRules(name, populationThreshold, minimumCommitmentMonths, countryRegions, themes, targetPairs,
                populationPolicy, populationFloor, countedPopulationBases, countryLimits, themeSoftCap, participation,
                coherence, kind);
    }

    /** The same call for another strand. */
    public CallRules withKind(CallKind newKind) {
        return new CallRules(name, populationThreshold, minimumCommitmentMonths, countryRegions, themes, targetPairs,
                populationPolicy, populationFloor, countedPopulationBases, countryLimits, themeSoftCap, participation,
                clusterCoherence, newKind);
    }
}
