package eu.iucplanner.pairing.service;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/**
 * The run to adopt as a call's decision: a pairing run of that call, COMPLETED or TERMINATED, that breaks no hard rule.
 */
@Schema(description = "The pairing run to adopt as the call's decision.")
public record DecisionRequest(
        @Schema(example = "5f0c8a2e-9d1b-4c3e-8f7a-1b2c3d4e5f60", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull(message = "is required: the id of a COMPLETED or TERMINATED feasible pairing run of this call")
        UUID pairingRunId) {
}
