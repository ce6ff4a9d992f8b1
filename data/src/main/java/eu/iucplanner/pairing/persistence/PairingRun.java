package eu.iucplanner.pairing.persistence;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A pairing run's metadata: the aggregate that is polled. Its input and solutions live in {@link PairingRunPayload}.
 */
@Table("pairing_run")
public record PairingRun(@Id UUID id, String name, RunStatus status, Instant submittedAt, Instant startedAt,
        Instant completedAt, String score, int applicantCount, int eligibleCount, Integer pairCount,
        Long solvingMillis, Long moveEvaluationSpeed, String failureMessage, UUID parentRunId,
        @Version Long version) {

    public static PairingRun submitted(UUID id, String name, Instant now, int applicants, int eligible,
            UUID parentRunId) {
        return new PairingRun(id, name, RunStatus.SCHEDULED, now, null, null, null, applicants, eligible, null, null,
                null, null, parentRunId, null);
    }

    public PairingRun started(Instant now) {
        return new PairingRun(id, name, RunStatus.SOLVING, submittedAt, now, completedAt, score, applicantCount,
                eligibleCount, pairCount, solvingMillis, moveEvaluationSpeed, failureMessage, parentRunId, version);
    }

    public PairingRun withBest(String newScore, int pairs) {
        return new PairingRun(id, name, status, submittedAt, startedAt, completedAt, newScore, applicantCount,
                eligibleCount, pairs, solvingMillis, moveEvaluationSpeed, failureMessage, parentRunId, version);
    }

    public PairingRun ended(RunStatus finalStatus, Instant now, Long millis, Long speed, String failure) {
        return new PairingRun(id, name, finalStatus, submittedAt, startedAt, now, score, applicantCount,
                eligibleCount, pairCount, millis, speed, failure, parentRunId, version);
    }
}
