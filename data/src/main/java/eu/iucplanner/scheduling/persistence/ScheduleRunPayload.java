package eu.iucplanner.scheduling.persistence;

import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A scheduling run's request and best schedule, as JSON documents. */
@Table("schedule_run_payload")
public record ScheduleRunPayload(@Id UUID runId, String requestJson, String bestSolutionJson, @Version Long version) {

    public static ScheduleRunPayload of(UUID runId, String requestJson) {
        return new ScheduleRunPayload(runId, requestJson, null, null);
    }
}
