package eu.iucplanner.pairing.domain;

import java.util.List;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * A call's applicant pool and its pairing. Every applicant is a problem fact; the eligible EU-side applicants own the
 * {@link PartnerSlot}s, and the eligible partner-region applicants are the values those slots take.
 */
@PlanningSolution
public class PairingSolution {

    public static final String PARTNER_RANGE = "partnerRange";

    private CallRules call;

    @ProblemFactCollectionProperty
    private List<Applicant> applicants;

    @ProblemFactCollectionProperty
    private List<RegionTarget> regionTargets;

    @ProblemFactCollectionProperty
    private List<CountryLimit> countryLimits = List.of();

    @ProblemFactCollectionProperty
    private List<ThemeLimit> themeLimits = List.of();

    @ValueRangeProvider(id = PARTNER_RANGE)
    private List<Applicant> partnerCandidates;

    @PlanningEntityCollectionProperty
    private List<PartnerSlot> slots;

    private ConstraintWeightOverrides<HardMediumSoftLongScore> constraintWeightOverrides;

    /** What the exact warm start proved; shared by every clone of this solution. */
    private ProvenBound provenBound = new ProvenBound(false);

    /** What the run looks for: the optimum or a stable pairing. */
    private PairingMode mode = PairingMode.OPTIMAL;

    /** The pins and exclusions the problem was given beside the applicants, as given (for the run's metadata). */
    private List<PairRef> pinnedPairs = List.of();
    private List<PairRef> excludedPairs = List.of();

    @PlanningScore
    private HardMediumSoftLongScore score;

    public PairingSolution() {
    }

    public PairingSolution(CallRules call, List<Applicant> applicants, List<RegionTarget> regionTargets,
            List<Applicant> partnerCandidates, List<PartnerSlot> slots,
            ConstraintWeightOverrides<HardMediumSoftLongScore> constraintWeightOverrides) {
        this.call = call;
        this.applicants = applicants;
        this.regionTargets = regionTargets;
        this.partnerCandidates = partnerCandidates;
        this.slots = slots;
        this.constraintWeightOverrides = constraintWeightOverrides;
    }

    public CallRules getCall() {
        return call;
    }

    public List<Applicant> getApplicants() {
        return applicants;
    }

    public List<RegionTarget> getRegionTargets() {
        return regionTargets;
    }

    /** The countries of the pool that the call limits, with their caps. */
    public List<CountryLimit> getCountryLimits() {
        return countryLimits;
    }

    public void setCountryLimits(List<CountryLimit> countryLimits) {
        this.countryLimits = countryLimits;
    }

    /** The call's themes with their soft cap of pairs, when the call spreads pairs across themes. */
    public List<ThemeLimit> getThemeLimits() {
        return themeLimits;
    }

    public void setThemeLimits(List<ThemeLimit> themeLimits) {
        this.themeLimits = themeLimits;
    }

    public List<Applicant> getPartnerCandidates() {
        return partnerCandidates;
    }

    public List<PartnerSlot> getSlots() {
        return slots;
    }

    public ConstraintWeightOverrides<HardMediumSoftLongScore> getConstraintWeightOverrides() {
        return constraintWeightOverrides;
    }

    public void setConstraintWeightOverrides(
            ConstraintWeightOverrides<HardMediumSoftLongScore> constraintWeightOverrides) {
        this.constraintWeightOverrides = constraintWeightOverrides;
    }

    public ProvenBound getProvenBound() {
        return provenBound;
    }

    public void setProvenBound(ProvenBound provenBound) {
        this.provenBound = provenBound;
    }

    /** Whether there is nothing to decide: no unpinned slot, or no partner a slot could take. */
    public boolean hasNothingToDecide() {
        return partnerCandidates.isEmpty() || slots.stream().allMatch(PartnerSlot::isPinned);
    }

    /**
     * The best proven bound on this problem's score: the warm start's, or the score itself when there is nothing to
     * decide; {@code null} when nothing was proven.
     */
    public HardMediumSoftLongScore bestBound() {
        return hasNothingToDecide() ? score : provenBound.bound();
    }

    /** Whether this solution's score reaches the best proven bound, so that no solution can be better. */
    public boolean isProvenOptimal() {
        HardMediumSoftLongScore bound = bestBound();
        return bound != null && score != null && score.compareTo(bound) >= 0;
    }

    public PairingMode getMode() {
        return mode;
    }

    public void setMode(PairingMode mode) {
        this.mode = mode;
    }

    public List<PairRef> getPinnedPairs() {
        return pinnedPairs;
    }

    public List<PairRef> getExcludedPairs() {
        return excludedPairs;
    }

    /** The pins and exclusions given beside the applicants. */
    public void setGivenPairs(List<PairRef> pinned, List<PairRef> excluded) {
        this.pinnedPairs = List.copyOf(pinned);
        this.excludedPairs = List.copyOf(excluded);
    }

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }
}
