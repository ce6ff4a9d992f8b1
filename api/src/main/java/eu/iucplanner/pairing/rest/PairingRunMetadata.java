package eu.iucplanner.pairing.rest;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import eu.iucplanner.pairing.persistence.PairingRun;
import eu.iucplanner.pairing.persistence.RunStatus;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What is cheap to poll about a run.
 *
 * @param score               best score so far, e.g. {@code 0hard/-4medium/-1234soft}
 * @param feasible            whether the best solution breaks no hard rule ({@code null} before the first best)
 * @param pairCount           pairs in the best solution so far
 * @param solvingDuration     how long the solver ran (when it ended)
 * @param moveEvaluationSpeed moves evaluated per second (when it ended)
 */
@Schema(description = "A pairing run's lifecycle, score and statistics.")
public record PairingRunMetadata(UUID id, String name, RunStatus status, OffsetDateTime submittedAt,
        OffsetDateTime startedAt, OffsetDateTime completedAt, @Schema(example = "0hard/-2medium/-8421soft") String score,
        Boolean feasible, int applicantCount, int eligibleCount, Integer pairCount,
        @Schema(type = "string", example = "PT12.5S") Duration solvingDuration, Long moveEvaluationSpeed,
        String failureMessage, UUID parentRunId) implements eu.iucplanner.web.RunMetadata {

    public static PairingRunMetadata of(PairingRun run) {
        return new PairingRunMetadata(run.id(), run.name(), run.status(), utc(run.submittedAt()),
                utc(run.startedAt()), utc(run.completedAt()), run.score(),
                run.score() == null ? null : run.score().startsWith("0hard"), run.applicantCount(),
                run.eligibleCount(), run.pairCount(),
                run.solvingMillis() == null ? null : Duration.ofMillis(run.solvingMillis()),
                run.moveEvaluationSpeed(), run.failureMessage(), run.parentRunId());
    }

    @Override
    public Object bestSolutionEvent() {
        return score == null ? null : new eu.iucplanner.pairing.service.RunEvents.BestSolutionEvent(id, score,
                Boolean.TRUE.equals(feasible), pairCount == null ? 0 : pairCount);
    }

    private static OffsetDateTime utc(java.time.Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
