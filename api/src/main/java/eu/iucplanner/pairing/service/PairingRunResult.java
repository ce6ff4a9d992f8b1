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
 * @param countryBalance pairs per country the call limits, against its caps
 * @param themeBalance   with a theme spread: pairs per main shared theme, against the call's soft cap
 * @param clusters       every applicant with two or more partners, with them and the themes all of them share
 * @param stability      the blocking pairs of the pairing
 * @param warnings       what is worth a look but refuses nothing: population figures more than a factor of 2 from
 *                       GeoNames'
 */
@Schema(description = "A pairing run's best solution so far, with a reason for every pair and every unpaired "
        + "applicant.")
public record PairingRunResult(eu.iucplanner.run.service.RunMetadata metadata, List<PairView> pairs, List<UnpairedView> unpaired,
        List<IneligibleView> ineligible, List<RegionBalanceView> regionBalance, List<CountryBalanceView> countryBalance,
        List<ThemeBalanceView> themeBalance, List<ClusterView> clusters, StabilityView stability,
        List<String> warnings) {

    /** The same result with other metadata (a stored result is read with the run's metadata as it is now). */
    public PairingRunResult withMetadata(eu.iucplanner.run.service.RunMetadata current) {
        return new PairingRunResult(current, pairs, unpaired, ineligible, regionBalance, countryBalance, themeBalance,
                clusters, stability, warnings);
    }

    /**
     * A cluster: an applicant (its hub) with two or more partners.
     *
     * @param hub          the applicant with several partners
     * @param partners     its partners, by name
     * @param commonThemes the call's themes that the hub and every partner work on, in the call's order; empty when
     *                     the cluster is incoherent
     * @param explanation  the same for a reader, with what the call's coherence rule says
     */
    public record ClusterView(ApplicantRef hub, List<ApplicantRef> partners, List<String> commonThemes,
            String explanation) {
    }

    /**
     * Pairwise stability of the pairing.
     *
     * @param blockingPairCount every allowed pair not formed whose two applicants would both rather be together
     * @param blockingPairs     the ones with the largest gains (at most 20)
     */
    public record StabilityView(int blockingPairCount, List<BlockingPairView> blockingPairs) {
    }

    /**
     * A blocking pair: what each side would gain by its own view (its liking of the other minus its liking of the
     * partner it would give up), or, with an open place, no gain and nobody given up.
     */
    public record BlockingPairView(ApplicantRef euApplicant, ApplicantRef partner, Long euGain,
            ApplicantRef euWouldGiveUp, Long partnerGain, ApplicantRef partnerWouldGiveUp) {
    }

    /** Pairs per main shared theme, against the call's soft cap per theme. */
    public record ThemeBalanceView(String theme, int pairs, int softCap) {
    }

    /** Pairs of a country the call limits, against its caps ({@code null} for none). */
    public record CountryBalanceView(String country, int pairs, Integer cap, Integer softCap) {
    }

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
     * @param score         the pair's own contribution to the score (sum of its per-pair contributions)
     * @param contributions one entry per constraint that this pair matched; a cluster's line (Incoherent cluster,
     *                      Cluster coherence) is on each of the cluster's pairs with the cluster's score and is not
     *                      part of the pair's score
     * @param mainSharedTheme the shared theme with the highest product of priorities (what the theme spread counts),
     *                        or {@code null} when they share none
     */
    public record PairView(ApplicantRef euApplicant, ApplicantRef partner, boolean pinned, String score,
            List<ContributionView> contributions, String mainSharedTheme) {
    }

    /** One constraint's score contribution for a pair, with the sentence that explains it. */
    public record ContributionView(String constraint, String score, String justification) {
    }

    /**
     * An eligible applicant with open partner places.
     *
     * @param openPlaces             partner places left open
     * @param reason                 machine-readable why
     * @param explanation            the same for a reader
     * @param bestCompatiblePartners with {@code COMPATIBLE_PARTNERS_TAKEN}: its own best compatible partners (by the
     *                               pair's soft score, at most 3), each with the pairs that hold its places
     */
    public record UnpairedView(ApplicantRef applicant, int openPlaces, UnpairedReason reason, String explanation,
            List<BestPartnerView> bestCompatiblePartners) {
    }

    /**
     * A compatible partner an unpaired applicant would have scored best with.
     *
     * @param pairScore the soft score the pair would add (the per-pair constraints under the run's weights)
     * @param heldBy    the pairs that take its places now
     */
    public record BestPartnerView(ApplicantRef partner, long pairScore, List<HeldPairView> heldBy) {
    }

    /** A pair that holds a place: the other applicant and the pair's soft score. */
    public record HeldPairView(ApplicantRef partner, long pairScore) {
    }

    /** Why an eligible applicant has open places. */
    public enum UnpairedReason {
        /** No eligible applicant on the other side may be paired with it (none exists, or all are excluded). */
        NO_COMPATIBLE_PARTNER,
        /** Every compatible partner has all its places taken by other pairs. */
        COMPATIBLE_PARTNERS_TAKEN,
        /** A compatible partner still has an open place: the run stopped before pairing them. */
        NOT_YET_PAIRED,
        /**
         * Its own country, or the country of every compatible applicant with an open place, is at the call's hard
         * cap of pairs per country.
         */
        COUNTRY_CAP_REACHED,
        /**
         * Under a hard cluster coherence rule: pairing it with any compatible applicant with an open place would
         * make a cluster whose members share no theme.
         */
        CLUSTER_INCOHERENT
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
