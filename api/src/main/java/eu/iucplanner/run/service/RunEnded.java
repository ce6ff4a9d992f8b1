package eu.iucplanner.run.service;

import java.util.UUID;

/**
 * A run ended on this replica (COMPLETED or TERMINATED) and its final state is stored: its views can be computed and
 * stored before anyone asks for them.
 *
 * @param runId the run
 * @param kind  its kind's name
 */
public record RunEnded(UUID runId, String kind) {
}
