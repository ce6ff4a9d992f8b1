package eu.iucplanner.run.service;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;

import eu.iucplanner.run.persistence.Run;
import eu.iucplanner.run.persistence.RunStatus;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What is cheap to poll about a run, whatever its kind: lifecycle, score, statistics, lineage, and the kind's own
 * counts as further properties (a pairing run's {@code applicantCount}, {@code eligibleCount}, {@code pairCount}; a
 * schedule run's {@code pairCount}, {@code eventCount}).
 *
 * @param kind                {@code pairing} or {@code schedule}
 * @param score               best score so far, e.g. {@code 0hard/-4medium/-1234soft}
 * @param feasible            whether the best solution breaks no hard rule ({@code null} before the first best)
 * @param solvingDuration     how long the solver ran (once it ended)
 * @param moveEvaluationSpeed moves evaluated per second (once it ended)
 * @param failureMessage      why it failed or is incomplete, as a sentence
 * @param parentRunId         the run it was derived from: a rerun's, re-plan's or duplicate's original
 * @param sourceRunId         the run whose result it builds on: a schedule's pairing run
 * @param submittedBy         who submitted it
 * @param analysis            an analyst's what-if, which schedules do not build on by default
 * @param resumes             how often it was taken up again from its stored best solution after its replica died
 *                            or handed it back at a graceful stop (absent when never)
 * @param replica             the replica that solves it, or solved it last
 * @param callId              the call it was run for (a pairing run made under a call, its reruns and duplicates)
 */
@Schema(description = "A run's lifecycle, score, statistics and counts.")
public record RunMetadata(UUID id, String kind, String name, RunStatus status, OffsetDateTime submittedAt,
        OffsetDateTime startedAt, OffsetDateTime completedAt,
        @Schema(example = "0hard/-2medium/-8421soft") String score, Boolean feasible,
        @Schema(type = "string", example = "PT12.5S") Duration solvingDuration, Long moveEvaluationSpeed,
        String failureMessage, UUID parentRunId, UUID sourceRunId, String submittedBy, Boolean analysis,
        Integer resumes, String replica, UUID callId, @JsonIgnore Map<String, Object> summary,
        @JsonIgnore long version) {

    public static RunMetadata of(Run run, Map<String, Object> summary) {
        return new RunMetadata(run.id(), run.kind(), run.name(), run.status(), utc(run.submittedAt()),
                utc(run.startedAt()), utc(run.completedAt()), run.score(), run.feasible(),
                run.solvingMillis() == null ? null : Duration.ofMillis(run.solvingMillis()),
                run.moveEvaluationSpeed(), run.failureMessage(), run.parentRunId(), run.sourceRunId(),
                run.submittedBy(), run.analysis() ? Boolean.TRUE : null,
                run.resumeCount() == 0 ? null : run.resumeCount(), run.claimedBy(), run.callId(),
                Map.copyOf(summary),
                run.version() == null ? 0 : run.version());
    }

    /** The same metadata with a newer best solution known in memory (not written yet). */
    RunMetadata withBest(BestSolutionEvent best) {
        return new RunMetadata(id, kind, name, status, submittedAt, startedAt, completedAt, best.score(),
                best.feasible(), solvingDuration, moveEvaluationSpeed, failureMessage, parentRunId, sourceRunId,
                submittedBy, analysis, resumes, replica, callId, best.summary(), version);
    }

    /** The kind's counts, serialised beside the other properties. */
    @JsonAnyGetter
    public Map<String, Object> counts() {
        return summary;
    }

    /** The {@code best-solution} event of the current best solution; {@code null} before the first one. */
    public BestSolutionEvent bestSolutionEvent() {
        return score == null ? null : new BestSolutionEvent(id, score, Boolean.TRUE.equals(feasible), summary);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
