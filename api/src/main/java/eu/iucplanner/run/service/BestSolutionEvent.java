package eu.iucplanner.run.service;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The payload of every run's {@code best-solution} event: the new best score, whether it is feasible, and the kind's
 * counts as further properties (e.g. {@code pairCount}).
 */
public record BestSolutionEvent(UUID runId, String score, boolean feasible, @JsonIgnore Map<String, Object> summary) {

    public BestSolutionEvent {
        summary = Map.copyOf(summary);
    }

    @JsonAnyGetter
    public Map<String, Object> counts() {
        return summary;
    }
}
