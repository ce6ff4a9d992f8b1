package eu.iucplanner.identity.persistence;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A user of the service: a local account (password hash by Spring Security's delegating encoder) or one provisioned
 * from the organisation's OpenID Connect provider on first login. Users are disabled, never deleted, so that audit
 * entries keep their meaning.
 *
 * @param username     lower case, unique
 * @param passwordHash {@code {bcrypt}...}; {@code null} for an OIDC user
 * @param roles        comma-separated role names, e.g. {@code COORDINATOR,VIEWER}
 * @param source       {@code LOCAL} or {@code OIDC}
 */
@Table("app_user")
public record AppUser(@Id UUID id, String username, String displayName, String passwordHash, String roles,
        boolean enabled, String source, String oidcIssuer, String oidcSubject, Instant createdAt,
        Instant passwordChangedAt, @Version Long version) {

    public static final String LOCAL = "LOCAL";
    public static final String OIDC = "OIDC";

    public AppUser withPassword(String hash, Instant now) {
        return new AppUser(id, username, displayName, hash, roles, enabled, source, oidcIssuer, oidcSubject,
                createdAt, now, version);
    }

    public AppUser withRoles(String newRoles) {
        return new AppUser(id, username, displayName, passwordHash, newRoles, enabled, source, oidcIssuer,
                oidcSubject, createdAt, passwordChangedAt, version);
    }

    public AppUser withEnabled(boolean value) {
        return new AppUser(id, username, displayName, passwordHash, roles, value, source, oidcIssuer, oidcSubject,
                createdAt, passwordChangedAt, version);
    }

    public AppUser withDisplayName(String value) {
        return new AppUser(id, username, value, passwordHash, roles, enabled, source, oidcIssuer, oidcSubject,
                createdAt, passwordChangedAt, version);
    }
}
