package eu.iucplanner.pairing.solver;

import static eu.iucplanner.pairing.constraints.PairingConstraintProvider.COMMON_WORKING_LANGUAGE;
import static eu.iucplanner.pairing.constraints.PairingConstraintProvider.COVENANT_OF_MAYORS_SIGNATORIES;
import static eu.iucplanner.pairing.constraints.PairingConstraintProvider.PREFERRED_PARTNER_REGION;
import static eu.iucplanner.pairing.constraints.PairingConstraintProvider.SHARED_CHALLENGES;
import static eu.iucplanner.pairing.constraints.PairingConstraintProvider.SIZE_SIMILARITY;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import eu.iucplanner.pairing.constraints.PairingConstraintProvider;
import eu.iucplanner.pairing.domain.Applicant;
import eu.iucplanner.pairing.domain.PairScores;

/**
 * The effective soft weights of the per-pair constraints of one problem (defaults with its overrides applied), and the
 * soft score one pair contributes under them. The regional balance is not per pair and is not included.
 */
public record PairWeights(long sharedChallenges, long sizeSimilarity, long commonWorkingLanguage,
        long preferredPartnerRegion, long covenantOfMayorsSignatories) {

    public static PairWeights of(ConstraintWeightOverrides<HardMediumSoftLongScore> overrides) {
        return new PairWeights(soft(overrides, SHARED_CHALLENGES), soft(overrides, SIZE_SIMILARITY),
                soft(overrides, COMMON_WORKING_LANGUAGE), soft(overrides, PREFERRED_PARTNER_REGION),
                soft(overrides, COVENANT_OF_MAYORS_SIGNATORIES));
    }

    private static long soft(ConstraintWeightOverrides<HardMediumSoftLongScore> overrides, String name) {
        HardMediumSoftLongScore weight = overrides == null ? null : overrides.getConstraintWeight(name);
        return (weight == null ? PairingConstraintProvider.DEFAULT_WEIGHTS.get(name) : weight).softScore();
    }

    /** The soft score the pair (a, b) adds when formed. */
    public long softScore(Applicant a, Applicant b) {
        return sharedChallenges * PairScores.sharedChallengePoints(a, b)
                - sizeSimilarity * PairScores.sizeGap(a, b)
                - commonWorkingLanguage * PairScores.languagePenalty(a, b)
                - preferredPartnerRegion * PairScores.regionPreferenceMisses(a, b)
                + covenantOfMayorsSignatories * PairScores.covenantSignatories(a, b);
    }
}
