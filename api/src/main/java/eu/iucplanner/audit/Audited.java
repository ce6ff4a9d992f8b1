package eu.iucplanner.audit;

/**
 * Something a user did that the audit log records, published as a Spring application event after it was stored by a
 * feature that is not a run's lifecycle (runs publish their own {@code RunEvent}), e.g. adopting a call's decision.
 *
 * @param actor      who did it, {@code null} when nobody is logged in
 * @param action     what was done, e.g. {@code CALL_DECISION_ADOPT}
 * @param targetType what it was done to, e.g. {@code call}
 * @param targetId   its id
 * @param detail     a short sentence, e.g. which run was adopted
 */
public record Audited(String actor, String action, String targetType, String targetId, String detail) {
}
