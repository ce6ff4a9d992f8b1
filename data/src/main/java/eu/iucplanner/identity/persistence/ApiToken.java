package eu.iucplanner.identity.persistence;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A personal API token: the token itself is shown once at creation; only its SHA-256 is stored. It carries a subset
 * of its owner's roles and expires.
 *
 * @param prefix the token's first characters, to tell tokens apart in lists
 */
@Table("api_token")
public record ApiToken(@Id UUID id, UUID userId, String name, String tokenHash, String prefix, String roles,
        Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt, @Version Long version) {

    public boolean isActive(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }

    public ApiToken revoked(Instant now) {
        return new ApiToken(id, userId, name, tokenHash, prefix, roles, createdAt, expiresAt, now, lastUsedAt,
                version);
    }
}
