package eu.iucplanner.identity.config;

import java.io.IOException;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import eu.iucplanner.identity.service.IdentityProperties;
import eu.iucplanner.identity.service.OidcIdentity;
import eu.iucplanner.identity.service.PersonalTokens;
import eu.iucplanner.web.ApiExceptionHandler;
import eu.iucplanner.web.DatabaseAwayFilter;
import eu.iucplanner.web.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Who may do what (Spring Security; nothing hand-rolled for crypto or sessions).
 * <ul>
 * <li>Ways in: form login for the web app (local accounts) or the organisation's OpenID Connect provider when one is
 * configured; for scripts, personal API tokens or the provider's JWTs as bearer tokens, or HTTP Basic with a local
 * account. Sessions are in PostgreSQL (Spring Session JDBC), shared by every replica.</li>
 * <li>Rules: {@link AccessPolicy}; ADMIN implies every other role.</li>
 * <li>401, 403 and 429 are problem details like every other error; a browser that is not logged in is sent to the
 * login page instead.</li>
 * <li>CSRF protection for cookie sessions (a readable {@code XSRF-TOKEN} cookie the page echoes in
 * {@code X-XSRF-TOKEN}) and for the login form; requests with an {@code Authorization} header, or without a session
 * cookie, ride on no session and need none (the latter are anonymous and answered 401).</li>
 * <li>Headers on every answer: a Content-Security-Policy without {@code unsafe-inline} (Swagger UI's pages excepted),
 * {@code X-Content-Type-Options: nosniff}, {@code frame-ancestors 'none'} and {@code X-Frame-Options: DENY},
 * {@code Referrer-Policy: same-origin}, HSTS on secure requests. CORS stays off unless
 * {@code iuc.security.cors-allowed-origins} names origins.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(IdentityProperties.class)
public class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";
    /** Swagger UI (a third-party page) needs inline styles and its own initializer script. */
    static final String SWAGGER_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /** Spring Session's cookie. */
    static final String SESSION_COOKIE = "SESSION";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix().role("ADMIN")
                .implies("COORDINATOR", "PLANNER", "ANALYST", "VIEWER").build();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectMapper mapper, PersonalTokens tokens,
            OidcIdentity oidc, ObjectProvider<JwtDecoder> jwtDecoder,
            ObjectProvider<ClientRegistrationRepository> clientRegistrations, IdentityProperties properties,
            AuthenticationEventPublisher events) throws Exception {
        AuthenticationEntryPoint entryPoint = entryPoint(mapper);
        RequestMatcher withAuthorizationHeader = request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        // Without a session cookie there is no session to ride on: such a request is anonymous (401), except a login.
        RequestMatcher withoutSession = request -> !hasCookie(request, SESSION_COOKIE)
                && !"/login".equals(request.getServletPath());
        RequestMatcher swagger = request -> request.getRequestURI().startsWith("/swagger-ui");
        http.authorizeHttpRequests(AccessPolicy::apply)
                .formLogin(form -> form.loginPage("/login.html").loginProcessingUrl("/login")
                        .defaultSuccessUrl("/", false).failureUrl("/login.html?error").permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login.html?logout"))
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .oauth2ResourceServer(server -> server
                        .authenticationManagerResolver(bearerManagers(tokens, oidc, jwtDecoder.getIfAvailable(),
                                events))
                        .authenticationEntryPoint(entryPoint))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied(mapper)))
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new SpaCsrfTokenRequestHandler())
                        .ignoringRequestMatchers(withAuthorizationHeader, withoutSession))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .addHeaderWriter((request, response) -> {
                            if (swagger.matches(request)) {
                                response.setHeader("Content-Security-Policy", SWAGGER_CSP);
                            }
                        })
                        .referrerPolicy(referrer -> referrer
                                .policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny()));
        if (properties.corsAllowedOrigins().isEmpty()) {
            http.cors(cors -> cors.disable());
        } else {
            http.cors(cors -> cors.configurationSource(cors(properties.corsAllowedOrigins())));
        }
        ClientRegistrationRepository registrations = clientRegistrations.getIfAvailable();
        if (registrations != null) {
            http.oauth2Login(login -> login.loginPage("/login.html").defaultSuccessUrl("/", false)
                    .failureUrl("/login.html?error")
                    .userInfoEndpoint(info -> info.oidcUserService(oidc.userService())));
        }
        return http.build();
    }

    /** Cross-origin calls from the configured origins only, with bearer tokens (no cookies cross-origin). */
    private static CorsConfigurationSource cors(List<String> origins) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(origins);
        configuration.setAllowedMethods(List.of("GET", "POST", "PATCH", "DELETE"));
        configuration.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
                HttpHeaders.ACCEPT));
        configuration.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER));
        configuration.setAllowCredentials(false);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", configuration);
        return source;
    }

    /**
     * Bearer tokens: a personal API token ({@code iuc_...}) is checked against the stored hashes; anything else is a
     * JWT of the identity provider when one is configured (signature, issuer, audience, expiry), and refused when not.
     */
    private static AuthenticationManagerResolver<HttpServletRequest> bearerManagers(PersonalTokens tokens,
            OidcIdentity oidc, JwtDecoder jwtDecoder, AuthenticationEventPublisher events) {
        DefaultBearerTokenResolver resolver = new DefaultBearerTokenResolver();
        ProviderManager personal = new ProviderManager(tokens.provider());
        personal.setAuthenticationEventPublisher(events);
        AuthenticationManager jwt;
        if (jwtDecoder != null) {
            JwtAuthenticationProvider provider = new JwtAuthenticationProvider(jwtDecoder);
            provider.setJwtAuthenticationConverter(oidc.jwtConverter());
            ProviderManager manager = new ProviderManager(provider);
            manager.setAuthenticationEventPublisher(events);
            jwt = manager;
        } else {
            jwt = authentication -> {
                throw new org.springframework.security.authentication.BadCredentialsException(
                        "Only personal API tokens are accepted: no identity provider is configured");
            };
        }
        return request -> {
            String token = resolver.resolve(request);
            return token != null && token.startsWith(PersonalTokens.PREFIX) ? personal : jwt;
        };
    }

    /**
     * 401 problem details for API clients (429 for a name locked by the login throttle, 503 while the database is
     * away); browsers to the login page.
     */
    static AuthenticationEntryPoint entryPoint(ObjectMapper mapper) {
        return (request, response, exception) -> {
            if (isBrowserNavigation(request)) {
                response.sendRedirect("/login.html");
                return;
            }
            if (DatabaseAwayFilter.isDatabaseAway(exception)) {
                DatabaseAwayFilter.write(mapper, response);
                return;
            }
            if (exception instanceof LockedException) {
                response.setHeader(HttpHeaders.RETRY_AFTER, "300");
                write(mapper, response, ApiExceptionHandler.problem(HttpStatus.TOO_MANY_REQUESTS,
                        ProblemTypes.RATE_LIMITED, "Too many failed logins", "This user name is locked for a while "
                                + "after too many failed logins; try again later.", List.of()));
                return;
            }
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"iuc-planner\"");
            write(mapper, response, ApiExceptionHandler.problem(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED,
                    "Unauthorized", describe(exception), List.of()));
        };
    }

    private static String describe(AuthenticationException exception) {
        return exception instanceof org.springframework.security.authentication.InsufficientAuthenticationException
                ? "Log in first: a session, a personal API token (Authorization: Bearer iuc_...) or the identity "
                        + "provider's token."
                : "The credentials are not valid (wrong password, or a token that is unknown, revoked or expired).";
    }

    static AccessDeniedHandler accessDenied(ObjectMapper mapper) {
        return (request, response, exception) -> write(mapper, response, ApiExceptionHandler.problem(
                HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden",
                exception instanceof org.springframework.security.web.csrf.CsrfException
                        ? "The CSRF token is missing or wrong: send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN "
                                + "header, or use a bearer token."
                        : "Your roles do not allow this.", List.of()));
    }

    private static boolean hasCookie(HttpServletRequest request, String name) {
        jakarta.servlet.http.Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (jakarta.servlet.http.Cookie cookie : cookies) {
            if (cookie.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** A page load of a browser (not a script's API call): it is shown the login page instead of a 401. */
    static boolean isBrowserNavigation(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return "GET".equals(request.getMethod()) && !request.getRequestURI().startsWith("/api/")
                && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    private static void write(ObjectMapper mapper, HttpServletResponse response, ResponseEntity<Object> problem)
            throws IOException {
        response.setStatus(problem.getStatusCode().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        ProblemDetail body = (ProblemDetail) problem.getBody();
        mapper.writeValue(response.getOutputStream(), body);
    }
}
