package eu.iucplanner.pairing.service;

import java.util.List;

import eu.iucplanner.pairing.domain.ProgrammeRegion;
import eu.iucplanner.pairing.eligibility.IneligibilityReason;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A run with its best solution so far, explained.
 *
 * @param metadata       the run's lifecycle and score
 * @param pairs          every pair formed, with each constraint's contribution and why
 * @param unpaired       eligible applicants left with open partner places, and why
 * @param ineligible     applicants that were never considered, with every reason
 * @param regionBalance  pairs per partner region against the call's targets
 */
@Schema(description = "A pairing run's best solution so far, with a reason for every pair and every unpaired "
        + "applicant.")
public record PairingRunResult(eu.iucplanner.run.service.RunMetadata metadata, List<PairView> pairs, List<UnpairedView> unpaired,
        List<IneligibleView> ineligible, List<RegionBalanceView> regionBalance) {

    /**
     * One applicant as shown in a result.
     *
     * @param latitude  where it is: as submitted, else the reference city of that name in that country; {@code null}
     *                  when neither is known
     * @param longitude likewise
     * @param themes    the themes of its challenges, highest priority first
     */
    public record ApplicantRef(String id, String name, String country, ProgrammeRegion region, long population,
            Double latitude, Double longitude, List<String> themes) {
    }

    /**
     * A pair formed.
     *
     * @param score         the pair's own contribution to the score (sum of its contributions)
     * @param contributions one entry per constraint that this pair matched
     */
    public record PairView(ApplicantRef euApplicant, ApplicantRef partner, boolean pinned, String score,
            List<ContributionView> contributions) {
    }

    /** One constraint's score contribution for a pair, with the sentence that explains it. */
    public record ContributionView(String constraint, String score, String justification) {
    }

    /**
     * An eligible applicant with open partner places.
     *
     * @param openPlaces  partner places left open
     * @param reason      machine-readable why
     * @param explanation the same for a reader
     */
    public record UnpairedView(ApplicantRef applicant, int openPlaces, UnpairedReason reason, String explanation) {
    }

    /** Why an eligible applicant has open places. */
    public enum UnpairedReason {
        /** No eligible applicant on the other side may be paired with it (none exists, or all are excluded). */
        NO_COMPATIBLE_PARTNER,
        /** Every compatible partner has all its places taken by other pairs. */
        COMPATIBLE_PARTNERS_TAKEN,
        /** A compatible partner still has an open place: the run stopped before pairing them. */
        NOT_YET_PAIRED
    }

    /** An applicant that is not eligible under the call's rules. */
    public record IneligibleView(ApplicantRef applicant, List<ReasonView> reasons) {
    }

    /** One ineligibility reason. */
    public record ReasonView(IneligibilityReason reason, String message) {
    }

    /** Pairs per partner region against the call's target, when the call sets one. */
    public record RegionBalanceView(ProgrammeRegion region, int pairs, Integer targetPairs) {
    }
}
