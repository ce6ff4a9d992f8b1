package eu.iucplanner.scheduling.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import eu.iucplanner.pairing.persistence.RunStatus;
import eu.iucplanner.scheduling.persistence.ScheduleRun;
import eu.iucplanner.web.RunMetadata;

/** What is cheap to poll about a scheduling run. */
public record ScheduleRunMetadata(UUID id, String name, RunStatus status, OffsetDateTime submittedAt,
        OffsetDateTime startedAt, OffsetDateTime completedAt, String score, Boolean feasible, int pairCount,
        int eventCount, Duration solvingDuration, Long moveEvaluationSpeed, String failureMessage, UUID pairingRunId)
        implements RunMetadata {

    public static ScheduleRunMetadata of(ScheduleRun run) {
        return new ScheduleRunMetadata(run.id(), run.name(), run.status(), utc(run.submittedAt()),
                utc(run.startedAt()), utc(run.completedAt()), run.score(),
                run.score() == null ? null : run.score().startsWith("0hard"), run.pairCount(), run.eventCount(),
                run.solvingMillis() == null ? null : Duration.ofMillis(run.solvingMillis()),
                run.moveEvaluationSpeed(), run.failureMessage(), run.pairingRunId());
    }

    @Override
    public Object bestSolutionEvent() {
        return score == null ? null : java.util.Map.of("runId", id, "score", score);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
