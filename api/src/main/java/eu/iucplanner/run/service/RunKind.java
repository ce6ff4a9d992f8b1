package eu.iucplanner.run.service;

import java.util.Map;

import ai.timefold.solver.core.api.score.Score;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

/**
 * What one kind of run (pairing, scheduling, ...) plugs into the run lifecycle: how its stored request becomes a
 * planning problem, how a solution is stored and put back, how it is described. Everything else (storing, queueing,
 * solving with throttled best-solution writes, stop, recovery, shutdown, event streams, limits) is
 * {@link RunLifecycle}'s.
 *
 * @param <R> the request as stored (a JSON document)
 * @param <S> the planning solution
 * @param <P> a solution as stored (a JSON document, usually the decisions by entity id)
 */
public interface RunKind<R, S, P> {

    /** The kind's key, stored with each run and used in log lines, e.g. {@code pairing}. */
    String name();

    /** A run of this kind in a sentence, e.g. "pairing run". */
    String label();

    Class<R> requestType();

    Class<P> snapshotType();

    /**
     * The planning problem of a stored request, as it was stored: no validation against today's limits or reference
     * data (that happened once, at submission).
     */
    S problem(R request);

    /** The termination the request asks for, or {@code null} for the kind's default. */
    TerminationDto termination(R request);

    /** The kind's default termination (a copy is capped by {@code iuc.runs.max-spent-limit}). */
    TerminationConfig defaultTermination();

    SolverFactory<S> solverFactory();

    /** The decisions of a solution, to store. */
    P snapshot(S solution);

    /** Puts stored decisions back into a solution built from the request. */
    void apply(S solution, P snapshot);

    Score<?> score(S solution);

    /** The kind's counts of a solution, shown with the run's metadata, e.g. {@code pairCount}. */
    Map<String, Object> summary(S solution);

    /** The score of a solution by constraint, with every match justified. */
    ScoreAnalysis<?> analyze(S solution);

    /** The request without personal data (contacts of people), for users who may not see it. */
    default R withoutPersonalData(R request) {
        return request;
    }
}
