package eu.iucplanner.run.persistence;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A run's metadata, whatever kind of problem it solves: the aggregate that is polled and listed. Its documents (the
 * request, the starting solution of a rerun, the best solution) live in {@link RunPayload}. Once stored, a run changes
 * only through the conditional updates of {@link RunRepository}, so that a user's stop, the solver's writes and a
 * restart's recovery never overwrite each other.
 *
 * @param kind          which kind of problem, e.g. {@code pairing} or {@code schedule}
 * @param summaryJson   the kind's own counts as a JSON object (e.g. applicants and pairs), shown with the metadata
 * @param parentRunId   the run this one was derived from (a rerun, a re-plan, a duplicate)
 * @param sourceRunId   the run whose result this one builds on (a schedule's pairing run)
 * @param stopRequested a user asked to stop it while it was solving
 * @param submittedBy   the user who submitted it ({@code null} for runs from before logins)
 * @param analysis      an analyst's what-if: schedules do not build on it by default
 * @param claim         the token of the replica's claim while it solves the run; its writes must carry it (fencing)
 * @param claimedBy     the replica that claimed it last
 * @param resumeCount   how often it was taken up again after its replica died or handed it back at a graceful stop
 * @param callId        the call it was run for (a pairing run made under a call), {@code null} otherwise
 */
@Table("run")
public record Run(@Id UUID id, String kind, String name, RunStatus status, Instant submittedAt, Instant startedAt,
        Instant completedAt, String score, Boolean feasible, Long solvingMillis, Long moveEvaluationSpeed,
        String failureMessage, UUID parentRunId, UUID sourceRunId, String summaryJson, boolean stopRequested,
        @Version Long version, String submittedBy, boolean analysis, UUID claim, String claimedBy,
        int resumeCount, UUID callId) {

    public static Run submitted(UUID id, String kind, String name, Instant now, UUID parentRunId, UUID sourceRunId,
            String summaryJson) {
        return submitted(id, kind, name, now, parentRunId, sourceRunId, summaryJson, null, false);
    }

    public static Run submitted(UUID id, String kind, String name, Instant now, UUID parentRunId, UUID sourceRunId,
            String summaryJson, String submittedBy, boolean analysis) {
        return submitted(id, kind, name, now, parentRunId, sourceRunId, summaryJson, submittedBy, analysis, null);
    }

    public static Run submitted(UUID id, String kind, String name, Instant now, UUID parentRunId, UUID sourceRunId,
            String summaryJson, String submittedBy, boolean analysis, UUID callId) {
        return new Run(id, kind, name, RunStatus.SCHEDULED, now, null, null, null, null, null, null, null,
                parentRunId, sourceRunId, summaryJson, false, null, submittedBy, analysis, null, null, 0, callId);
    }
}
