package eu.iucplanner.identity.config;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Who may call what (the README's roles table and access matrix show the same). ADMIN implies every other role.
 * <ul>
 * <li>Health and info: anyone. Other actuator endpoints (metrics, prometheus): ADMIN.</li>
 * <li>Reading runs, results, calls, demo data, reference data and public holidays: any role (personal data is left
 * out for all but COORDINATOR and ADMIN).</li>
 * <li>Pairing runs: submitting (and its dry run, the validation), rerunning, duplicating and recommendations:
 * COORDINATOR and ANALYST (an analyst's runs are marked as analysis); stopping and removing: COORDINATOR.</li>
 * <li>Calls: creating, changing and removing a call, adopting and withdrawing its decision: COORDINATOR. Reading
 * calls and the decision's result: any role.</li>
 * <li>Schedule runs: submitting, re-planning, duplicating, stopping and removing: PLANNER.</li>
 * <li>Users and the audit log: ADMIN. One's own profile, password and tokens: any logged-in user.</li>
 * <li>The web app's pages and the API documentation: any logged-in user; the login page: anyone.</li>
 * </ul>
 */
final class AccessPolicy {

    static final String[] READERS = { "ADMIN", "COORDINATOR", "PLANNER", "ANALYST", "VIEWER" };

    private AccessPolicy() {
    }

    static void apply(
            AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(EndpointRequest.to("health", "info")).permitAll()
                .requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole("ADMIN")
                .requestMatchers("/login.html", "/login", "/css/login.css", "/js/login.js", "/favicon.ico",
                        "/favicon.svg", "/error", "/auth/providers").permitAll()
                .requestMatchers(GET, "/api/v1/pairing-runs/**", "/api/v1/schedule-runs/**", "/api/v1/demo-data/**",
                        "/api/v1/reference/**", "/api/v1/holidays", "/api/v1/calls/**")
                .hasAnyRole(READERS)
                .requestMatchers(POST, "/api/v1/calls", "/api/v1/calls/*/decision").hasRole("COORDINATOR")
                .requestMatchers(PUT, "/api/v1/calls/*").hasRole("COORDINATOR")
                .requestMatchers(DELETE, "/api/v1/calls/*", "/api/v1/calls/*/decision").hasRole("COORDINATOR")
                .requestMatchers(POST, "/api/v1/pairing-runs", "/api/v1/pairing-runs/validation",
                        "/api/v1/pairing-runs/*/rerun",
                        "/api/v1/pairing-runs/*/duplicate", "/api/v1/pairing-runs/*/recommendations")
                .hasAnyRole("COORDINATOR", "ANALYST")
                .requestMatchers(POST, "/api/v1/pairing-runs/*/purge").hasRole("COORDINATOR")
                .requestMatchers(DELETE, "/api/v1/pairing-runs/*").hasRole("COORDINATOR")
                .requestMatchers(POST, "/api/v1/schedule-runs", "/api/v1/schedule-runs/**").hasRole("PLANNER")
                .requestMatchers(DELETE, "/api/v1/schedule-runs/*").hasRole("PLANNER")
                .requestMatchers("/api/v1/users/**", "/api/v1/audit-events/**").hasRole("ADMIN")
                .requestMatchers(GET, "/api/v1/me", "/api/v1/tokens/**").authenticated()
                .requestMatchers(POST, "/api/v1/me/password", "/api/v1/tokens").authenticated()
                .requestMatchers(DELETE, "/api/v1/tokens/*").authenticated()
                .requestMatchers(PATCH, "/api/v1/me").authenticated()
                .requestMatchers("/api/**").denyAll()
                .anyRequest().authenticated();
    }
}
