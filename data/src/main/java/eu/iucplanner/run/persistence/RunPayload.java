package eu.iucplanner.run.persistence;

import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A run's documents: the request as submitted (JSON), the starting solution of a rerun, and the best solution found
 * so far (JSON), written while solving and at the end. Apart from the metadata, so polling never reads them.
 */
@Table("run_payload")
public record RunPayload(@Id UUID runId, String requestJson, String initialSolutionJson, String bestSolutionJson,
        @Version Long version) {

    public static RunPayload of(UUID runId, String requestJson, String initialSolutionJson) {
        return new RunPayload(runId, requestJson, initialSolutionJson, null, null);
    }
}
