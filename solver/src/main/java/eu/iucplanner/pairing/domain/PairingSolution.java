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

    @ValueRangeProvider(id = PARTNER_RANGE)
    private List<Applicant> partnerCandidates;

    @PlanningEntityCollectionProperty
    private List<PartnerSlot> slots;

    private ConstraintWeightOverrides<HardMediumSoftLongScore> constraintWeightOverrides;

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

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }
}
