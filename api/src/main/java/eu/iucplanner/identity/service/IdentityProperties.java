package eu.iucplanner.identity.service;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Identity and access settings ({@code iuc.security.*}).
 *
 * @param adminUsername           the first administrator, created at the first start
 * @param adminPassword           its password ({@code IUC_ADMIN_PASSWORD}); empty: generated and printed once
 * @param tokenMaxLifetime        the longest a personal API token may live
 * @param loginFailureLimit       failed logins of one user name within {@code loginFailureWindow} that lock it
 * @param loginFailureWindow      the window failed logins are counted in
 * @param lockout                 how long a user name stays locked after too many failed logins
 * @param submissionsPerMinute    runs one user may submit per minute, whatever their kind
 * @param runsInFlightPerUser     runs of one user that may wait or solve at once
 * @param oidcRolesClaim          the claim of the identity provider's tokens that holds a user's roles, a dotted
 *                                path such as {@code realm_access.roles} (Keycloak)
 * @param auditRetention          how long audit entries are kept
 * @param corsAllowedOrigins      origins whose pages may call the API (CORS); none by default
 */
@ConfigurationProperties("iuc.security")
public record IdentityProperties(@DefaultValue("admin") String adminUsername, @DefaultValue("") String adminPassword,
        @DefaultValue("P365D") Duration tokenMaxLifetime, @DefaultValue("5") int loginFailureLimit,
        @DefaultValue("PT15M") Duration loginFailureWindow, @DefaultValue("PT5M") Duration lockout,
        @DefaultValue("30") int submissionsPerMinute, @DefaultValue("20") int runsInFlightPerUser,
        @DefaultValue("roles") String oidcRolesClaim, @DefaultValue("P1825D") Duration auditRetention,
        @DefaultValue java.util.List<String> corsAllowedOrigins) {
}
