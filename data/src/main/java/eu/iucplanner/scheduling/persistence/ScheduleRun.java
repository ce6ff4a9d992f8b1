package eu.iucplanner.scheduling.persistence;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import eu.iucplanner.pairing.persistence.RunStatus;

/** An exchange-scheduling run's metadata: the aggregate that is polled. */
@Table("schedule_run")
public record ScheduleRun(@Id UUID id, String name, RunStatus status, Instant submittedAt, Instant startedAt,
        Instant completedAt, String score, int pairCount, int eventCount, Long solvingMillis,
        Long moveEvaluationSpeed, String failureMessage, UUID pairingRunId, @Version Long version) {

    public static ScheduleRun submitted(UUID id, String name, Instant now, int pairs, int events, UUID pairingRunId) {
        return new ScheduleRun(id, name, RunStatus.SCHEDULED, now, null, null, null, pairs, events, null, null, null,
                pairingRunId, null);
    }

    public ScheduleRun started(Instant now) {
        return new ScheduleRun(id, name, RunStatus.SOLVING, submittedAt, now, completedAt, score, pairCount,
                eventCount, solvingMillis, moveEvaluationSpeed, failureMessage, pairingRunId, version);
    }

    public ScheduleRun withBest(String newScore) {
        return new ScheduleRun(id, name, status, submittedAt, startedAt, completedAt, newScore, pairCount, eventCount,
                solvingMillis, moveEvaluationSpeed, failureMessage, pairingRunId, version);
    }

    public ScheduleRun ended(RunStatus finalStatus, Instant now, Long millis, Long speed, String failure) {
        return new ScheduleRun(id, name, finalStatus, submittedAt, startedAt, now, score, pairCount, eventCount,
                millis, speed, failure, pairingRunId, version);
    }
}
