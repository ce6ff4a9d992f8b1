package eu.iucplanner.identity.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import eu.iucplanner.identity.persistence.LoginAttemptRepository;

/**
 * Login throttling, shared by every replica (its state is in the database): after {@code login-failure-limit} failed
 * logins of one user name within {@code login-failure-window}, the name is locked for {@code lockout}, whatever the
 * password; a successful login clears the count.
 */
@Service
public class LoginThrottle {

    private final LoginAttemptRepository attempts;
    private final TransactionTemplate transactions;
    private final IdentityProperties properties;
    private final Clock clock;

    public LoginThrottle(LoginAttemptRepository attempts, TransactionTemplate transactions,
            IdentityProperties properties, Clock clock) {
        this.attempts = attempts;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Until when a user name is locked, if it is. */
    public Optional<Instant> lockedUntil(String username) {
        return Optional.ofNullable(attempts.lockedUntil(key(username), clock.instant()));
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        Object principal = event.getAuthentication().getPrincipal();
        if (principal == null || principal.toString().startsWith("iuc_")
                || event.getException() instanceof org.springframework.security.authentication.LockedException) {
            return; // tokens are not guessed by name; an attempt while locked does not lengthen the lock
        }
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> attempts.recordFailure(key(principal.toString()), now,
                now.minus(properties.loginFailureWindow()), properties.loginFailureLimit(),
                now.plus(properties.lockout())));
    }

    /** A password login (form or HTTP Basic) that succeeded clears the name's failures; tokens do not. */
    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        String name = event.getAuthentication().getName();
        if (name != null && event.getAuthentication()
                instanceof org.springframework.security.authentication.UsernamePasswordAuthenticationToken) {
            transactions.executeWithoutResult(tx -> attempts.clear(key(name)));
        }
    }

    private static String key(String username) {
        String name = username.strip().toLowerCase(Locale.ROOT);
        return name.length() > 200 ? name.substring(0, 200) : name;
    }
}
