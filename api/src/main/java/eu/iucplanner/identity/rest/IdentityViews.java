package eu.iucplanner.identity.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import eu.iucplanner.identity.persistence.ApiToken;
import eu.iucplanner.identity.persistence.AppUser;
import eu.iucplanner.identity.persistence.AuditEvent;
import eu.iucplanner.identity.service.Role;
import eu.iucplanner.validation.Limits;
import eu.iucplanner.validation.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The identity API's request and answer records. */
public final class IdentityViews {

    private IdentityViews() {
    }

    /** A user as administrators see it (never the password hash). */
    public record UserView(UUID id, String username, String displayName, Set<Role> roles, boolean enabled,
            String source, OffsetDateTime createdAt) {

        static UserView of(AppUser user) {
            return new UserView(user.id(), user.username(), user.displayName(), Role.fromCsv(user.roles()),
                    user.enabled(), user.source(), utc(user.createdAt()));
        }
    }

    /** The logged-in user: name, roles, whether they see personal data, how they logged in. */
    public record MeView(String username, String displayName, Set<Role> roles, boolean seesPersonalData,
            String authentication) {
    }

    /** A new local account. */
    public record NewUser(
            @Schema(example = "maria") @NotBlank(message = "is required") @Size(max = 100, message = "must be at most "
                    + "100 characters") @PlainText String username,
            @Schema(example = "Maria Rossi") @Size(max = Limits.NAME, message = "must be at most " + Limits.NAME
                    + " characters") @PlainText String displayName,
            @NotBlank(message = "is required") String password,
            @Schema(example = "[\"COORDINATOR\"]") Set<Role> roles) {
    }

    /** Changes to a user; a field left out stays as it is. */
    public record UserChange(Set<Role> roles, Boolean enabled,
            @Size(max = Limits.NAME, message = "must be at most " + Limits.NAME + " characters") @PlainText
            String displayName) {
    }

    /** A new password set by an administrator. */
    public record PasswordReset(@NotBlank(message = "is required") String password) {
    }

    /** A user's own password change. */
    public record PasswordChange(@NotBlank(message = "is required") String currentPassword,
            @NotBlank(message = "is required") String newPassword) {
    }

    /** A personal API token to create. */
    public record NewToken(
            @Schema(example = "nightly export") @NotBlank(message = "is required")
            @Size(max = Limits.NAME, message = "must be at most " + Limits.NAME + " characters") @PlainText
            String name,
            @Schema(description = "a subset of the owner's roles; all of them when left out") Set<Role> roles,
            @Schema(description = "when it stops working; in 90 days when left out") OffsetDateTime expiresAt) {
    }

    /** A token as listed (never its secret). */
    public record TokenView(UUID id, String name, String prefix, Set<Role> roles, OffsetDateTime createdAt,
            OffsetDateTime expiresAt, OffsetDateTime revokedAt, OffsetDateTime lastUsedAt, UUID ownerId) {

        static TokenView of(ApiToken token) {
            return new TokenView(token.id(), token.name(), token.prefix(), Role.fromCsv(token.roles()),
                    utc(token.createdAt()), utc(token.expiresAt()), utc(token.revokedAt()), utc(token.lastUsedAt()),
                    token.userId());
        }
    }

    /** A token just created: its secret is in this answer and nowhere else, ever. */
    public record CreatedToken(TokenView token, String secret) {
    }

    /** One audit entry. */
    public record AuditView(long id, OffsetDateTime at, String actor, String action, String targetType,
            String targetId, String detail) {

        static AuditView of(AuditEvent event) {
            return new AuditView(event.id(), utc(event.at()), event.actor(), event.action(), event.targetType(),
                    event.targetId(), event.detail());
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
