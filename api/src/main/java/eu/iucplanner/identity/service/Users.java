package eu.iucplanner.identity.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import eu.iucplanner.identity.persistence.AppUser;
import eu.iucplanner.identity.persistence.AppUserRepository;
import eu.iucplanner.problem.ProblemException;

/**
 * The users: the first administrator at the first start, local accounts managed by administrators, accounts
 * provisioned from the identity provider on first login, password changes. Users are disabled, never deleted.
 */
@Service
public class Users {

    /** The shortest password accepted. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    private final AppUserRepository users;
    private final PasswordEncoder encoder;
    private final TransactionTemplate transactions;
    private final IdentityProperties properties;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

    public Users(AppUserRepository users, PasswordEncoder encoder, TransactionTemplate transactions,
            IdentityProperties properties, AuditLog audit, Clock clock,
            ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
        this.users = users;
        this.encoder = encoder;
        this.transactions = transactions;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
        this.sessions = sessions;
    }

    /**
     * Ends every web session of a user (on every replica: sessions are in the database), so that a disabled user, or
     * one whose roles or password changed, logs in again to go on.
     */
    private void endSessions(String username) {
        FindByIndexNameSessionRepository<? extends Session> repository = sessions.getIfAvailable();
        if (repository != null) {
            repository.findByPrincipalName(username).keySet().forEach(repository::deleteById);
        }
    }

    public List<AppUser> list() {
        return users.findAllByOrderByUsername();
    }

    public AppUser get(UUID id) {
        return users.findById(id).orElseThrow(() -> ProblemException.notFound("No user with id " + id + "."));
    }

    public Optional<AppUser> byUsername(String username) {
        return users.findByUsername(normalise(username));
    }

    /** A local account, created by an administrator. */
    public AppUser create(String actor, String username, String displayName, String password, Set<Role> roles) {
        String name = normalise(username);
        if (users.findByUsername(name).isPresent()) {
            throw ProblemException.conflict("A user named '" + name + "' exists already.");
        }
        checkPassword(password, "password");
        AppUser user = users.save(new AppUser(UUID.randomUUID(), name, displayName, encoder.encode(password),
                Role.toCsv(roles), true, AppUser.LOCAL, null, null, clock.instant(), clock.instant(), null));
        audit.record(actor, "USER_CREATED", "user", name, "roles " + Role.toCsv(roles));
        return user;
    }

    /** Changes a user's roles, name or whether it may log in; an administrator cannot lock themselves out. */
    public AppUser update(String actor, UUID id, Set<Role> roles, Boolean enabled, String displayName) {
        AppUser user = get(id);
        boolean self = user.username().equals(actor);
        if (self && ((enabled != null && !enabled) || (roles != null && !roles.contains(Role.ADMIN)))) {
            throw ProblemException.conflict("An administrator cannot disable themselves or take away their own "
                    + "ADMIN role; another administrator can.");
        }
        AppUser changed = user;
        if (roles != null) {
            changed = changed.withRoles(Role.toCsv(roles));
        }
        if (enabled != null) {
            changed = changed.withEnabled(enabled);
        }
        if (displayName != null) {
            changed = changed.withDisplayName(displayName);
        }
        AppUser saved = users.save(changed);
        if (roles != null || enabled != null) {
            endSessions(saved.username());
        }
        audit.record(actor, "USER_UPDATED", "user", user.username(), "roles " + saved.roles() + ", "
                + (saved.enabled() ? "enabled" : "disabled"));
        return saved;
    }

    /** An administrator sets a new password for a local user. */
    public void resetPassword(String actor, UUID id, String password) {
        AppUser user = get(id);
        if (!AppUser.LOCAL.equals(user.source())) {
            throw ProblemException.conflict("User '" + user.username() + "' logs in through the identity provider; "
                    + "it has no password here.");
        }
        checkPassword(password, "password");
        users.save(user.withPassword(encoder.encode(password), clock.instant()));
        endSessions(user.username());
        audit.record(actor, "PASSWORD_RESET", "user", user.username(), null);
    }

    /** A user changes their own password, giving the current one. */
    public void changeOwnPassword(String username, String current, String password) {
        AppUser user = byUsername(username).orElseThrow(() -> ProblemException.notFound("No such user."));
        if (user.passwordHash() == null || current == null || !encoder.matches(current, user.passwordHash())) {
            throw ProblemException.invalid("currentPassword", "is not the current password");
        }
        checkPassword(password, "newPassword");
        users.save(user.withPassword(encoder.encode(password), clock.instant()));
        audit.record(username, "PASSWORD_CHANGED", "user", username, null);
    }

    /**
     * The local account of a user who logged in through the identity provider: created at the first login, its roles
     * taken from the provider's token at every login. A disabled account is refused.
     */
    public AppUser provision(String issuer, String subject, String preferredUsername, String displayName,
            Set<Role> roles) {
        Optional<AppUser> known = users.findByOidcIssuerAndOidcSubject(issuer, subject);
        if (known.isPresent()) {
            AppUser user = known.get();
            if (!user.enabled()) {
                throw new DisabledException("User '" + user.username() + "' is disabled");
            }
            if (!user.roles().equals(Role.toCsv(roles))) {
                user = users.save(user.withRoles(Role.toCsv(roles)));
            }
            return user;
        }
        String name = normalise(preferredUsername == null || preferredUsername.isBlank() ? subject : preferredUsername);
        if (users.findByUsername(name).isPresent()) {
            name = normalise(subject + "@" + issuer.replaceFirst("^https?://", ""));
        }
        AppUser user = users.save(new AppUser(UUID.randomUUID(), name, displayName, null, Role.toCsv(roles), true,
                AppUser.OIDC, issuer, subject, clock.instant(), null, null));
        audit.record(name, "USER_CREATED", "user", name, "first login through " + issuer);
        return user;
    }

    public static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static void checkPassword(String password, String field) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > 200) {
            throw ProblemException.invalid(field, "must be from " + MIN_PASSWORD_LENGTH + " to 200 characters");
        }
    }

    public static String generatePassword() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** The roles a user has now ({@code none} when disabled). */
    public static Set<Role> rolesOf(AppUser user) {
        return user.enabled() ? Role.fromCsv(user.roles()) : EnumSet.noneOf(Role.class);
    }
}
