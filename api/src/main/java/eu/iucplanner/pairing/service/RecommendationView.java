package eu.iucplanner.pairing.service;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A possible partner for the applicant asked about, ranked best first.
 *
 * @param partner     the recommended partner
 * @param scoreDiff   how the total score changes if the pair is formed (taking a place that another pair may hold)
 * @param replaces    the partner the applicant would give up to take this one, if its places are all taken
 * @param contributions how the affected constraints change
 */
@Schema(description = "A recommended partner and what forming the pair would change.")
public record RecommendationView(PairingRunResult.ApplicantRef partner, String scoreDiff, String replaces,
        List<PairingRunResult.ContributionView> contributions) {
}
