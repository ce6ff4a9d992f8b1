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
        @Version Long version, int formatVersion) {

    /**
     * The format of the documents this version writes. A change that an older version could not read raises it; a
     * replica never solves a run stored in a newer format than it knows (it hands the run back for a newer replica),
     * so old and new replicas can share a database during a rolling upgrade.
     */
    public static final int FORMAT_VERSION = 1;

    public static RunPayload of(UUID runId, String requestJson, String initialSolutionJson) {
        return new RunPayload(runId, requestJson, initialSolutionJson, null, null, FORMAT_VERSION);
    }
}
