package eu.iucplanner.identity.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** Failed logins of one user name within the throttling window. */
@Table("login_attempt")
public record LoginAttempt(@Id String username, int failures, Instant firstFailure, Instant lockedUntil) {
}
