package eu.iucplanner.run.service;

import java.util.UUID;

/**
 * Something a user did to a run, published as a Spring application event after it was stored (the audit log listens).
 *
 * @param action what was done: SUBMIT, DUPLICATE, STOP, PURGE, EXPORT
 * @param kind   the run's kind
 * @param actor  who did it, {@code null} when nobody is logged in
 * @param parentRunId the run it derives from, for a derived run
 */
public record RunEvent(String action, UUID runId, String kind, String actor, UUID parentRunId) {
}
