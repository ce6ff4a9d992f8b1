package eu.iucplanner.pairing.persistence;

import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A run's documents: the request as submitted (JSON), the starting assignment of a rerun, and the best assignment
 * found so far (JSON), written while solving and at the end.
 */
@Table("pairing_run_payload")
public record PairingRunPayload(@Id UUID runId, String requestJson, String initialSolutionJson,
        String bestSolutionJson, @Version Long version) {

    public static PairingRunPayload of(UUID runId, String requestJson, String initialSolutionJson) {
        return new PairingRunPayload(runId, requestJson, initialSolutionJson, null, null);
    }

    public PairingRunPayload withBestSolution(String json) {
        return new PairingRunPayload(runId, requestJson, initialSolutionJson, json, version);
    }
}
