package eu.iucplanner.pairing.domain;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import ai.timefold.solver.core.api.domain.lookup.PlanningId;

import eu.iucplanner.pairing.eligibility.EligibilityChecker;
import eu.iucplanner.pairing.eligibility.Ineligibility;

/**
 * An applicant as the solver sees it: its profile, the programme region it falls in under the call, whether it is
 * eligible and why not, and the numbers the constraints need, computed once so that scoring a pair stays cheap.
 */
public final class Applicant {

    @PlanningId
    private final String id;
    private final ApplicantProfile profile;
    private final ProgrammeRegion region;
    private final List<Ineligibility> ineligibilities;
    private final long population;
    private final DeclaredPopulation countedPopulation;
    private final int populationShortfall;
    private final long populationThreshold;
    private final int logPopulationCentis;
    private final int[] themeIndexes;
    private final int[] themePriorities;
    private final List<String> themeNames;
    private final int[] languageIds;
    private final Set<ProgrammeRegion> preferredPartnerRegions;
    private final Set<String> excludedPartnerIds;
    private final Set<String> earlierPartnerIds;
    private final boolean earlierPairsPenalized;
    private final int returning;
    private final ClusterCoherence clusterCoherence;

    public Applicant(ApplicantProfile profile, CallRules call) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.id = profile.id();
        this.region = profile.region() != null ? profile.region() : call.regionOf(profile.country()).orElse(null);
        this.ineligibilities = EligibilityChecker.check(profile, call);
        this.countedPopulation = call.countedPopulation(profile).orElse(null);
        this.population = countedPopulation != null ? countedPopulation.population() : profile.totalPopulation();
        this.logPopulationCentis = logPopulationCentis(population);
        this.populationThreshold = call.populationThreshold();
        this.populationShortfall = call.populationPolicy() == PopulationPolicy.PREFERENCE
                && population <= call.populationThreshold()
                ? logPopulationCentis(call.populationThreshold()) - logPopulationCentis + 1 : 0;
        int[][] themes = themeArrays(profile.challenges(), call);
        this.themeIndexes = themes[0];
        this.themePriorities = themes[1];
        this.themeNames = call.themes();
        this.languageIds = profile.languages().stream().mapToInt(Applicant::languageId).toArray();
        this.preferredPartnerRegions = profile.preferredPartnerRegions().isEmpty()
                ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(profile.preferredPartnerRegions()));
        this.excludedPartnerIds = new HashSet<>(profile.excludedPartnerIds());
        this.earlierPartnerIds = profile.earlierPartnerIds();
        this.earlierPairsPenalized = call.participation().earlierPairs()
                == ParticipationRules.EarlierPairs.PENALIZE;
        this.returning = call.participation().preferFirstTimeParticipants() && profile.previousParticipant() ? 1 : 0;
        this.clusterCoherence = call.clusterCoherence();
    }

    /** {@code round(100 * ln(population))}, with populations below 1 counted as 1. */
    public static int logPopulationCentis(long population) {
        return (int) Math.round(100.0 * Math.log(Math.max(1L, population)));
    }

    /** A number per ISO 639-1 code so that languages compare as ints; case-insensitive. */
    static int languageId(String code) {
        String lower = code.toLowerCase(java.util.Locale.ROOT);
        int id = 0;
        for (int i = 0; i < lower.length(); i++) {
            id = id * 64 + (lower.charAt(i) & 63);
        }
        return id;
    }

    private static int[][] themeArrays(List<Challenge> challenges, CallRules call) {
        int[] priorityByTheme = new int[call.themes().size()];
        for (Challenge challenge : challenges) {
            int index = call.themeIndex(challenge.theme());
            if (index >= 0) {
                priorityByTheme[index] = Math.max(priorityByTheme[index], challenge.priority());
            }
        }
        int count = (int) Arrays.stream(priorityByTheme).filter(p -> p > 0).count();
        int[] indexes = new int[count];
        int[] priorities = new int[count];
        int next = 0;
        for (int theme = 0; theme < priorityByTheme.length; theme++) {
            if (priorityByTheme[theme] > 0) {
                indexes[next] = theme;
                priorities[next] = priorityByTheme[theme];
                next++;
            }
        }
        return new int[][] { indexes, priorities };
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return profile.name();
    }

    public ApplicantProfile getProfile() {
        return profile;
    }

    /** The programme region under the call, or {@code null} when the country is outside the call. */
    public ProgrammeRegion getRegion() {
        return region;
    }

    public boolean isEuSide() {
        return region == ProgrammeRegion.EU;
    }

    public boolean isPartnerSide() {
        return region != null && region.isPartnerRegion();
    }

    public boolean isEligible() {
        return ineligibilities.isEmpty();
    }

    public List<Ineligibility> getIneligibilities() {
        return ineligibilities;
    }

    public long getPopulation() {
        return population;
    }

    /** The figure the call counts for this applicant (its basis and source), or {@code null} when none counts. */
    public DeclaredPopulation getCountedPopulation() {
        return countedPopulation;
    }

    /**
     * Under a population preference, how far the counted population falls short of the threshold: {@code
     * round(100 ln threshold) − round(100 ln population) + 1} when it is at or below it (1 at the threshold, 70 at
     * half of it, 231 at a tenth), else 0; always 0 under a hard threshold or none.
     */
    public int getPopulationShortfall() {
        return populationShortfall;
    }

    public long getPopulationThreshold() {
        return populationThreshold;
    }

    public int getLogPopulationCentis() {
        return logPopulationCentis;
    }

    public int getMaxPartners() {
        return profile.maxPartners();
    }

    public boolean isCovenantSignatory() {
        return profile.covenantSignatory();
    }

    /** Theme indexes in the call's vocabulary, ascending; {@link #themePriorities()} is aligned with it. */
    int[] themeIndexes() {
        return themeIndexes;
    }

    int[] themePriorities() {
        return themePriorities;
    }

    String themeName(int themeIndex) {
        return themeNames.get(themeIndex);
    }

    int[] languageIds() {
        return languageIds;
    }

    public List<String> getLanguages() {
        return profile.languages();
    }

    public Set<ProgrammeRegion> getPreferredPartnerRegions() {
        return preferredPartnerRegions;
    }

    /** Whether either of the two names the other as an earlier partner and the call penalizes such pairs. */
    public boolean formedEarlierWith(Applicant other) {
        return earlierPairsPenalized
                && (earlierPartnerIds.contains(other.id) || other.earlierPartnerIds.contains(id));
    }

    /** The applicants it was paired with in an earlier call. */
    public Set<String> getEarlierPartnerIds() {
        return earlierPartnerIds;
    }

    /** 1 when it took part before and the call prefers first-time participants, else 0. */
    public int getReturning() {
        return returning;
    }

    /** The call's cluster coherence rule, which this applicant's cluster (when it has several partners) follows. */
    public ClusterCoherence getClusterCoherence() {
        return clusterCoherence;
    }

    /** Whether this applicant refuses the other one, or the other one refuses this one. */
    public boolean excludes(Applicant other) {
        return excludedPartnerIds.contains(other.id) || other.excludedPartnerIds.contains(id);
    }

    /** The ids this applicant refuses (its own, and those given beside the applicants); the other may refuse too. */
    public Set<String> getExcludedPartnerIds() {
        return Collections.unmodifiableSet(excludedPartnerIds);
    }

    /** Used by the problem factory to add an exclusion given beside the applicants. */
    public void addExcludedPartner(String partnerId) {
        excludedPartnerIds.add(partnerId);
    }

    @Override
    public String toString() {
        return id + " (" + profile.name() + ")";
    }
}
