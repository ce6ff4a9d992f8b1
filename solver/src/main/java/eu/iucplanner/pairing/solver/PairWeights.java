package eu.iucplanner.pairing.solver;

import static eu.iucplanner.pairing.constraints.PairingConstraintProvider.COMMON_WORKING_LANGUAGE;
import static eu.iucplanner.pairing.constraints.PairingConstraintProvider.COVENANT_OF_MAYORS_SIGNATORIES;
import static eu.iucplanner.pairing.constraints.PairingConstraintProvider.POPULATION_BELOW_THRESHOLD;
import static eu.iucplanner.pairing.constraints.PairingConstraintProvider.PREFERRED_PARTNER_REGION;
import static eu.iucplanner.pairing.constraints.PairingConstraintProvider.SHARED_CHALLENGES;
import static eu.iucplanner.pairing.constraints.PairingConstraintProvider.SIZE_SIMILARITY;

import java.util.Arrays;
import java.util.List;

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
        long preferredPartnerRegion, long covenantOfMayorsSignatories, long populationBelowThreshold,
        long earlierPairFormedAgain, long returningParticipants) {

    public static PairWeights of(ConstraintWeightOverrides<HardMediumSoftLongScore> overrides) {
        return new PairWeights(soft(overrides, SHARED_CHALLENGES), soft(overrides, SIZE_SIMILARITY),
                soft(overrides, COMMON_WORKING_LANGUAGE), soft(overrides, PREFERRED_PARTNER_REGION),
                soft(overrides, COVENANT_OF_MAYORS_SIGNATORIES), soft(overrides, POPULATION_BELOW_THRESHOLD),
                soft(overrides, PairingConstraintProvider.EARLIER_PAIR_FORMED_AGAIN),
                soft(overrides, PairingConstraintProvider.RETURNING_PARTICIPANTS));
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
                + covenantOfMayorsSignatories * PairScores.covenantSignatories(a, b)
                - populationBelowThreshold * PairScores.populationShortfall(a, b)
                - earlierPairFormedAgain * PairScores.earlierPair(a, b)
                - returningParticipants * PairScores.returningParticipants(a, b);
    }

    /** Scores whole rows against the given columns (see {@link Rows}). */
    public Rows rows(List<Applicant> columns) {
        return new Rows(this, new PairScores.Batch(columns));
    }

    /**
     * The soft scores of one applicant with every column at once, equal to {@link #softScore} pair by pair
     * ({@code PairWeightsTest}), several times faster: the exact warm start scores millions of pairs. Keeps its
     * scratch arrays, so one instance serves one thread.
     */
    public static final class Rows {

        private final PairWeights weights;
        private final PairScores.Batch columns;
        private final int[] shared;
        private final int[] sizeGap;
        private final int[] language;
        private final int[] misses;
        private final int[] covenant;
        private final int[] shortfall;
        private final int[] returning;
        private final int[] earlier;

        private Rows(PairWeights weights, PairScores.Batch columns) {
            this.weights = weights;
            this.columns = columns;
            int size = columns.size();
            this.shared = new int[size];
            this.sizeGap = new int[size];
            this.language = new int[size];
            this.misses = new int[size];
            this.covenant = new int[size];
            this.shortfall = new int[size];
            this.returning = new int[size];
            this.earlier = new int[size];
        }

        /** Writes the soft score of (row, column j) into {@code out[j]}. */
        public void scores(Applicant row, long[] out) {
            Arrays.fill(shared, 0);
            columns.terms(row, shared, sizeGap, language, misses, covenant, shortfall, returning, earlier);
            for (int j = 0; j < shared.length; j++) {
                out[j] = weights.sharedChallenges * shared[j]
                        - weights.sizeSimilarity * sizeGap[j]
                        - weights.commonWorkingLanguage * language[j]
                        - weights.preferredPartnerRegion * misses[j]
                        + weights.covenantOfMayorsSignatories * covenant[j]
                        - weights.populationBelowThreshold * shortfall[j]
                        - weights.earlierPairFormedAgain * earlier[j]
                        - weights.returningParticipants * returning[j];
            }
        }
    }
}
