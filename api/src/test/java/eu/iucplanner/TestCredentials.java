package eu.iucplanner;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestTemplate;

/**
 * The tests call the API as the first administrator (its password is set in the test resources'
 * application.properties, with an API token from IUC_ADMIN_TOKEN). As a component in the scanned packages it is in
 * every test context, so every TestRestTemplate sends the token (a bearer token needs no CSRF token).
 */
@Component
public class TestCredentials implements RestTemplateCustomizer {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password-0123";
    /** The administrator's API token (IUC_ADMIN_TOKEN of the test resources): cheaper than a password per call. */
    public static final String ADMIN_TOKEN = "iuc_test-administrator-token-000000000000000";

    @Override
    public void customize(RestTemplate restTemplate) {
        restTemplate.getInterceptors().add((request, body, execution) -> {
            if (!request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
                request.getHeaders().set(HttpHeaders.AUTHORIZATION, admin());
            }
            return execution.execute(request, body);
        });
    }

    /** The value of an Authorization header for HTTP Basic. */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The administrator's Authorization header value (its API token). */
    public static String admin() {
        return "Bearer " + ADMIN_TOKEN;
    }

    /** A RestTemplate for a service started outside a Spring test context. */
    public static RestTemplate restTemplate() {
        RestTemplate rest = new RestTemplate();
        new TestCredentials().customize(rest);
        return rest;
    }
}
