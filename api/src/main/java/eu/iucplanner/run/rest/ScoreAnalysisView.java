package eu.iucplanner.run.rest;

import java.util.List;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The score of a run's best solution broken down by constraint, with every match and its justification.
 *
 * @param score       the total score
 * @param constraints one entry per constraint, including those with no match
 */
@Schema(description = "The best solution's score broken down by constraint.")
public record ScoreAnalysisView(String score, List<ConstraintView> constraints) {

    /** The view of Timefold's analysis of a run's best solution, any kind of run. */
    public static ScoreAnalysisView of(ScoreAnalysis<?> analysis) {
        return new ScoreAnalysisView(analysis.score().toString(), analysis.constraintAnalyses().stream()
                .map(ScoreAnalysisView::constraint).toList());
    }

    private static ConstraintView constraint(ConstraintAnalysis<?> constraint) {
        List<MatchView> matches = constraint.matches() == null ? List.of() : constraint.matches().stream()
                .map(match -> new MatchView(match.score().toString(), match.justification())).toList();
        return new ConstraintView(constraint.constraintName(), constraint.weight().toString(),
                constraint.score().toString(), constraint.matchCount(), matches);
    }

    /**
     * One constraint's part of the score.
     *
     * @param weight     the constraint weight in effect
     * @param score      the constraint's total contribution
     * @param matchCount how many matches it had
     * @param matches    each match's score and justification
     */
    public record ConstraintView(String name, String weight, String score, int matchCount, List<MatchView> matches) {
    }

    /** One match: its score and the justification record. */
    public record MatchView(String score, Object justification) {
    }
}
