package eu.iucplanner.identity.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One entry of the append-only audit log: who did what to which run or user, and when.
 *
 * @param actor      the user name, {@code null} when nobody was logged in (a failed login names the name tried)
 * @param action     SUBMIT, STOP, PURGE, EXPORT, LOGIN, LOGIN_FAILED, TOKEN_CREATED, TOKEN_REVOKED, USER_CREATED,
 *                   USER_UPDATED, PASSWORD_CHANGED, RETENTION_PURGE, ...
 * @param targetType {@code run}, {@code user}, {@code token}
 */
@Table("audit_event")
public record AuditEvent(@Id Long id, Instant at, String actor, String action, String targetType, String targetId,
        String detail) {
}
