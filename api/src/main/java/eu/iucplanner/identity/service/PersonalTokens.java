package eu.iucplanner.identity.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Service;

import eu.iucplanner.identity.persistence.ApiToken;
import eu.iucplanner.identity.persistence.ApiTokenRepository;
import eu.iucplanner.identity.persistence.AppUser;
import eu.iucplanner.problem.ProblemException;

/**
 * Personal API tokens for scripts: created by a user (shown once, {@code iuc_} and 43 random characters), stored as
 * their SHA-256 only, with an expiry and a subset of their owner's roles; revoked by their owner or an administrator.
 * As a bearer token a token acts with its own roles among those its owner still has, and not at all once its owner
 * is disabled.
 */
@Service
public class PersonalTokens {

    /** Every personal token starts with this, which tells it from an identity provider's JWT. */
    public static final String PREFIX = "iuc_";
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final ApiTokenRepository tokens;
    private final Users users;
    private final AuditLog audit;
    private final IdentityProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public PersonalTokens(ApiTokenRepository tokens, Users users, AuditLog audit, IdentityProperties properties,
            Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** A token just created, with its secret (never stored, never shown again). */
    public record Created(ApiToken token, String secret) {
    }

    public Created create(String ownerName, String name, Set<Role> requested, Instant expiresAt) {
        AppUser owner = users.byUsername(ownerName).orElseThrow(() -> ProblemException.notFound("No such user."));
        Set<Role> ownRoles = Users.rolesOf(owner);
        Set<Role> roles = requested == null || requested.isEmpty() ? ownRoles : requested;
        if (!ownRoles.containsAll(roles)) {
            EnumSet<Role> missing = EnumSet.copyOf(roles);
            missing.removeAll(ownRoles);
            throw ProblemException.invalid("roles", "a token can hold only roles its owner has; not " + missing);
        }
        Instant now = clock.instant();
        Instant expiry = expiresAt == null ? now.plus(Duration.ofDays(90)) : expiresAt;
        if (!expiry.isAfter(now)) {
            throw ProblemException.invalid("expiresAt", "must be in the future");
        }
        if (expiry.isAfter(now.plus(properties.tokenMaxLifetime()))) {
            throw ProblemException.invalid("expiresAt", "must be within " + properties.tokenMaxLifetime()
                    + " (iuc.security.token-max-lifetime)");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = tokens.save(new ApiToken(UUID.randomUUID(), owner.id(), name, hash(secret),
                secret.substring(0, 8), Role.toCsv(roles), now, expiry, null, null, null));
        audit.record(ownerName, "TOKEN_CREATED", "token", token.id(), name + " (" + token.roles() + ")");
        return new Created(token, secret);
    }

    /**
     * A token whose secret the operator chose ({@code IUC_ADMIN_TOKEN}, for automation before anyone has logged in),
     * for the user just created at the first start; it holds the owner's roles and lives as long as tokens may.
     */
    public ApiToken createWithSecret(AppUser owner, String name, String secret) {
        if (!secret.startsWith(PREFIX) || secret.length() < 36) {
            throw new IllegalArgumentException("A token starts with " + PREFIX + " and has at least 36 characters");
        }
        Instant now = clock.instant();
        ApiToken token = tokens.save(new ApiToken(UUID.randomUUID(), owner.id(), name, hash(secret),
                secret.substring(0, 8), owner.roles(), now, now.plus(properties.tokenMaxLifetime()), null, null, null));
        audit.record(owner.username(), "TOKEN_CREATED", "token", token.id(), name + " (" + token.roles() + ")");
        return token;
    }

    /** Whether a token with this secret was ever created (revoked ones included). */
    public boolean exists(String secret) {
        return tokens.findByTokenHash(hash(secret)).isPresent();
    }

    public List<ApiToken> of(String ownerName) {
        AppUser owner = users.byUsername(ownerName).orElseThrow(() -> ProblemException.notFound("No such user."));
        return tokens.findByUserIdOrderByCreatedAtDesc(owner.id());
    }

    public List<ApiToken> all() {
        return tokens.findAllByOrderByCreatedAtDesc();
    }

    /** Revokes a token of the actor's own, or anyone's for an administrator. */
    public ApiToken revoke(String actor, boolean admin, UUID id) {
        ApiToken token = tokens.findById(id).orElseThrow(() -> ProblemException.notFound("No token with id " + id
                + "."));
        AppUser owner = users.get(token.userId());
        if (!admin && !owner.username().equals(actor)) {
            throw ProblemException.notFound("No token with id " + id + ".");
        }
        if (token.revokedAt() != null) {
            return token;
        }
        ApiToken revoked = tokens.save(token.revoked(clock.instant()));
        audit.record(actor, "TOKEN_REVOKED", "token", id, token.name() + " of " + owner.username());
        return revoked;
    }

    // ************************************************************************
    // Bearer authentication
    // ************************************************************************

    /**
     * The bearer-token check as an authentication provider for the resource server's token manager. It is not a bean
     * itself: a global {@code AuthenticationProvider} bean would take the place of the local accounts' provider.
     */
    public AuthenticationProvider provider() {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                return PersonalTokens.this.authenticate(authentication);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }

    Authentication authenticate(Authentication authentication) {
        String secret = ((BearerTokenAuthenticationToken) authentication).getToken();
        ApiToken token = tokens.findByTokenHash(hash(secret))
                .orElseThrow(() -> new BadCredentialsException("Unknown token"));
        Instant now = clock.instant();
        if (!token.isActive(now)) {
            throw new BadCredentialsException(token.revokedAt() != null ? "Revoked token" : "Expired token");
        }
        AppUser owner = users.get(token.userId());
        if (!owner.enabled()) {
            throw new DisabledException("The token's owner is disabled");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(Role.fromCsv(token.roles()));
        roles.retainAll(Users.rolesOf(owner));
        if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(now.minus(TOUCH_INTERVAL))) {
            tokens.touch(token.id(), now);
        }
        return new PersonalTokenAuthentication(owner.username(), token.id(),
                roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An API call authenticated by a personal token. */
    public static final class PersonalTokenAuthentication
            extends org.springframework.security.authentication.AbstractAuthenticationToken {
        private final String username;
        private final UUID tokenId;

        PersonalTokenAuthentication(String username, UUID tokenId,
                java.util.Collection<? extends org.springframework.security.core.GrantedAuthority> authorities) {
            super(authorities);
            this.username = username;
            this.tokenId = tokenId;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return username;
        }

        public UUID tokenId() {
            return tokenId;
        }
    }
}
