package eu.iucplanner.pairing.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import eu.iucplanner.run.persistence.RunStatus;
import eu.iucplanner.run.service.RunMetadata;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A call with its rules, its decision and its pairing runs.
 *
 * @param decision the run adopted as the call's decision, absent when none is
 * @param runCount how many pairing runs were made for it
 * @param runs     its runs, newest first (at most 500; absent in the list of calls)
 */
@Schema(description = "A call: its rules, the run adopted as its decision and its runs.")
public record CallView(UUID id, String name, String description, CallRulesDto rules, String createdBy,
        OffsetDateTime createdAt, OffsetDateTime updatedAt, Decision decision, long runCount, List<CallRun> runs) {

    /**
     * The run adopted as a call's decision: who adopted it and when.
     */
    public record Decision(UUID pairingRunId, String adoptedBy, OffsetDateTime adoptedAt) {
    }

    /**
     * One run of a call, as its list shows it.
     *
     * @param analysis an analyst's what-if
     * @param adopted  whether it is the call's decision
     */
    public record CallRun(UUID id, String name, RunStatus status,
            @Schema(example = "0hard/-2medium/-8421soft") String score, Boolean feasible,
            OffsetDateTime submittedAt, String submittedBy, Boolean analysis, boolean adopted) {

        static CallRun of(RunMetadata run, UUID decisionRunId) {
            return new CallRun(run.id(), run.name(), run.status(), run.score(), run.feasible(), run.submittedAt(),
                    run.submittedBy(), run.analysis(), run.id().equals(decisionRunId));
        }
    }
}
