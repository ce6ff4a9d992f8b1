package eu.iucplanner.identity.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import eu.iucplanner.identity.persistence.AppUserRepository;

/**
 * The first start: creates the first administrator with {@code IUC_ADMIN_PASSWORD} or a generated password, printed
 * once in the log, and, when {@code IUC_ADMIN_TOKEN} is set, a personal API token with that secret for scripts. Two
 * replicas starting on an empty database create it once: the insert of one of them does nothing, and only the one
 * that created it prints the password.
 */
@Component
public class FirstAdministrator {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdministrator.class);

    private final AppUserRepository users;
    private final PersonalTokens tokens;
    private final PasswordEncoder encoder;
    private final TransactionTemplate transactions;
    private final IdentityProperties properties;
    private final AuditLog audit;
    private final Clock clock;
    private final String adminToken;

    public FirstAdministrator(AppUserRepository users, PersonalTokens tokens, PasswordEncoder encoder,
            TransactionTemplate transactions, IdentityProperties properties, AuditLog audit, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${iuc.security.admin-token:}") String adminToken) {
        this.users = users;
        this.tokens = tokens;
        this.encoder = encoder;
        this.transactions = transactions;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
        this.adminToken = adminToken;
    }

    @EventListener(ApplicationStartedEvent.class)
    public void ensure(ApplicationStartedEvent event) {
        String url = "http://localhost:" + event.getApplicationContext().getEnvironment()
                .getProperty("local.server.port", "8080") + "/";
        String username = Users.normalise(properties.adminUsername());
        if (users.count() == 0) {
            create(username, url);
        }
        if (adminToken != null && !adminToken.isBlank() && !tokens.exists(adminToken)) {
            users.findByUsername(username).ifPresent(admin -> {
                try {
                    tokens.createWithSecret(admin, "IUC_ADMIN_TOKEN", adminToken);
                    LOG.info("The administrator's API token was created from IUC_ADMIN_TOKEN");
                } catch (org.springframework.dao.DataIntegrityViolationException e) {
                    LOG.debug("Another replica created the administrator's API token first");
                }
            });
        }
    }

    /** Creates the first administrator unless another replica does at the same moment. */
    private void create(String username, String url) {
        boolean generated = properties.adminPassword() == null || properties.adminPassword().isBlank();
        String password = generated ? Users.generatePassword() : properties.adminPassword();
        Instant now = clock.instant();
        Integer created = transactions.execute(tx -> users.insertIfAbsent(UUID.randomUUID(), username,
                "Administrator", encoder.encode(password), Role.ADMIN.name(), now));
        if (created == null || created != 1) {
            return;
        }
        audit.record(null, "USER_CREATED", "user", username, "first administrator");
        if (generated) {
            LOG.warn("First start: the administrator '{}' was created with the password {} . It is shown this once; "
                    + "open {} , log in and change it (or set IUC_ADMIN_PASSWORD before the first start).", username,
                    password, url);
        } else {
            LOG.info("First start: the administrator '{}' was created with IUC_ADMIN_PASSWORD; open {}", username,
                    url);
        }
    }
}
