package eu.iucplanner.pairing.domain;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * What the exact warm start proved about a problem: the best score any solution can reach (the optimum of the flow
 * network), and whether that bound is the optimum of the whole score or only of a relaxation (terms the flow cannot
 * represent left out). One instance per problem, shared by every clone of its solution (Timefold copies this field's
 * reference), so the best solution the solver returns knows what the warm start proved about it.
 */
public final class ProvenBound {

    private final boolean stopWhenProven;
    private volatile HardMediumSoftLongScore bound;
    private volatile boolean exact;
    private volatile boolean finished;

    /**
     * @param stopWhenProven whether the solver may end as soon as its best solution reaches a bound that is the
     *                       optimum of the whole score
     */
    public ProvenBound(boolean stopWhenProven) {
        this.stopWhenProven = stopWhenProven;
    }

    public boolean stopWhenProven() {
        return stopWhenProven;
    }

    /** The bound, or {@code null} when nothing was proven (the flow was stopped before it finished). */
    public HardMediumSoftLongScore bound() {
        return bound;
    }

    /** Whether the bound is the optimum of the whole score (no term left out of the flow). */
    public boolean exact() {
        return exact;
    }

    /** Set by the warm start once its flow has reached its optimum. */
    public void prove(HardMediumSoftLongScore provenBound, boolean boundIsTheOptimum) {
        this.bound = provenBound;
        this.exact = boundIsTheOptimum;
    }

    /** Whether the warm start wrote the run's answer and nothing is left to search (a stable pairing). */
    public boolean finished() {
        return finished;
    }

    public void finish() {
        this.finished = true;
    }

    /** Whether a solution with this score is proven optimal: it reaches a bound that nothing can beat. */
    public boolean isOptimal(HardMediumSoftLongScore score) {
        HardMediumSoftLongScore known = bound;
        return known != null && score != null && score.compareTo(known) >= 0;
    }

    /**
     * How far the score is below the bound, in % of the bound's soft score, when both have the same hard and medium
     * scores (the same number of pairs); {@code null} otherwise or before anything was proven.
     */
    public Double gapPercent(HardMediumSoftLongScore score) {
        HardMediumSoftLongScore known = bound;
        if (known == null || score == null || known.hardScore() != score.hardScore()
                || known.mediumScore() != score.mediumScore()) {
            return null;
        }
        long difference = Math.max(0, known.softScore() - score.softScore());
        return 100.0 * difference / Math.max(1L, Math.abs(known.softScore()));
    }
}
