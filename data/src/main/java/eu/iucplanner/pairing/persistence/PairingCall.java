package eu.iucplanner.pairing.persistence;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A call of the programme as a resource: its rules (stored as the JSON the API took), the runs made under it (each run
 * names its call) and the run adopted as its decision, referenced by id.
 *
 * @param rulesJson     the call's rules as JSON
 * @param decisionRunId the pairing run adopted as the call's decision, {@code null} when none is
 * @param decidedBy     who adopted it
 * @param decidedAt     when
 */
@Table("pairing_call")
public record PairingCall(@Id UUID id, String name, String description, String rulesJson, String createdBy,
        Instant createdAt, Instant updatedAt, UUID decisionRunId, String decidedBy, Instant decidedAt,
        @Version Long version) {

    public static PairingCall created(UUID id, String name, String description, String rulesJson, String createdBy,
            Instant now) {
        return new PairingCall(id, name, description, rulesJson, createdBy, now, now, null, null, null, null);
    }

    public PairingCall withRules(String newName, String newDescription, String newRulesJson, Instant now) {
        return new PairingCall(id, newName, newDescription, newRulesJson, createdBy, createdAt, now, decisionRunId,
                decidedBy, decidedAt, version);
    }

    /** The same call with another decision ({@code null} run: withdrawn). */
    public PairingCall withDecision(UUID runId, String by, Instant at) {
        return new PairingCall(id, name, description, rulesJson, createdBy, createdAt, updatedAt, runId,
                runId == null ? null : by, runId == null ? null : at, version);
    }
}
