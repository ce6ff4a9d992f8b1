package eu.iucplanner.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.iucplanner.TestCredentials;
import eu.iucplanner.app.IucPlannerApplication;

/**
 * The organisation's identity provider: an in-process OpenID Connect issuer ({@link TestIssuer}) with its own JWKS.
 * API clients' JWTs are checked for signature, issuer, audience and expiry; roles come from the configured claim
 * ({@code realm_access.roles}, as Keycloak puts them); the web app's login goes through the provider's authorization
 * code flow and provisions the user at the first login; a disabled user is refused.
 */
@SpringBootTest(classes = IucPlannerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "iuc.embedded-db.data-dir=target/it-postgres-oidc-${random.uuid}",
                "iuc.security.oidc-roles-claim=realm_access.roles",
                "spring.security.oauth2.client.registration.test.client-id=" + TestIssuer.CLIENT_ID,
                "spring.security.oauth2.client.registration.test.client-secret=" + TestIssuer.CLIENT_SECRET,
                "spring.security.oauth2.client.registration.test.client-name=Test SSO",
                "spring.security.oauth2.client.registration.test.scope=openid",
                "spring.security.oauth2.resourceserver.jwt.audiences=" + TestIssuer.CLIENT_ID })
class OidcIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TestIssuer ISSUER = TestIssuer.start();

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.client.provider.test.issuer-uri", ISSUER::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::issuer);
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @LocalServerPort
    int port;
    private String base;
    private Caller admin;

    @BeforeEach
    void setUp() {
        base = "http://localhost:" + port;
        admin = Caller.bearer(base, TestCredentials.ADMIN_TOKEN, "admin");
    }

    @Test
    void anApiClientWithTheProvidersJwtActsWithTheRolesOfTheConfiguredClaim() throws Exception {
        Caller coordinator = Caller.bearer(base, ISSUER.accessToken("sub-anna", "anna", List.of("COORDINATOR",
                "offline_access")), "anna");
        HttpResponse<String> me = coordinator.send("GET", "/api/v1/me", null, null);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(me.body());
        assertThat(body.get("username").asText()).isEqualTo("anna");
        assertThat(body.get("roles")).extracting(JsonNode::asText).containsExactly("COORDINATOR");
        assertThat(body.get("seesPersonalData").asBoolean()).isTrue();
        assertThat(coordinator.send("POST", "/api/v1/pairing-runs", "application/json", "{}").statusCode())
                .as("let through to the request's own validation").isEqualTo(400);

        Caller viewer = Caller.bearer(base, ISSUER.accessToken("sub-vera", "vera", List.of("viewer")), "vera");
        assertThat(viewer.send("GET", "/api/v1/pairing-runs", null, null).statusCode()).isEqualTo(200);
        assertThat(viewer.send("POST", "/api/v1/pairing-runs", "application/json", "{}").statusCode())
                .isEqualTo(403);
        Caller nobody = Caller.bearer(base, ISSUER.accessToken("sub-otto", "otto", List.of("unrelated")), "otto");
        assertThat(nobody.send("GET", "/api/v1/pairing-runs", null, null).statusCode()).isEqualTo(403);

        JsonNode users = JSON.readTree(admin.send("GET", "/api/v1/users", null, null).body());
        JsonNode anna = users.findParents("username").stream()
                .filter(user -> user.get("username").asText().equals("anna")).findFirst().orElseThrow();
        assertThat(anna.get("source").asText()).isEqualTo("OIDC");
    }

    @Test
    void aJwtWithAForeignSignatureAnotherIssuerAnotherAudienceOrPastItsExpiryIsRefused() {
        Date inFiveMinutes = Date.from(Instant.now().plusSeconds(300));
        List<String> roles = List.of("ADMIN");
        String forged = TestIssuer.sign(TestIssuer.newKey(ISSUER.key().getKeyID()), TestIssuer
                .builder("sub-mallory", "mallory", null, roles).issuer(ISSUER.issuer()).audience(TestIssuer.CLIENT_ID)
                .expirationTime(inFiveMinutes).build());
        String otherIssuer = TestIssuer.sign(ISSUER.key(), TestIssuer.builder("sub-mallory", "mallory", null, roles)
                .issuer("http://127.0.0.1:1/realms/other").audience(TestIssuer.CLIENT_ID)
                .expirationTime(inFiveMinutes).build());
        String otherAudience = TestIssuer.sign(ISSUER.key(), TestIssuer.builder("sub-mallory", "mallory", null,
                roles).issuer(ISSUER.issuer()).audience("another-service").expirationTime(inFiveMinutes).build());
        String expired = TestIssuer.sign(ISSUER.key(), TestIssuer.builder("sub-mallory", "mallory", null, roles)
                .issuer(ISSUER.issuer()).audience(TestIssuer.CLIENT_ID)
                .expirationTime(Date.from(Instant.now().minusSeconds(600))).build());
        String valid = TestIssuer.sign(ISSUER.key(), TestIssuer.builder("sub-mallory", "mallory", null, roles)
                .issuer(ISSUER.issuer()).audience(TestIssuer.CLIENT_ID).expirationTime(inFiveMinutes).build());

        for (String token : List.of(forged, otherIssuer, otherAudience, expired)) {
            HttpResponse<String> refused = Caller.bearer(base, token, "mallory").send("GET", "/api/v1/users", null,
                    null);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(Caller.bearer(base, valid, "mallory").send("GET", "/api/v1/users", null, null).statusCode())
                .as("the same token correctly signed, for this service, in time").isEqualTo(200);
    }

    @Test
    void theWebLoginGoesThroughTheProviderAndADisabledUserIsRefused() throws Exception {
        Caller anonymous = Caller.anonymous(base);
        assertThat(anonymous.send("GET", "/auth/providers", null, null).body()).contains("Test SSO")
                .contains("/oauth2/authorization/test");

        ISSUER.loginNext("sub-olga", "olga", "Olga Novak", List.of("PLANNER"));
        Caller browser = Caller.browser(base, "olga's browser");
        HttpResponse<String> start = browser.send("GET", "/oauth2/authorization/test", null, null, "text/html");
        assertThat(start.statusCode()).isEqualTo(302);
        String authorize = start.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith(ISSUER.issuer() + "/auth?");
        HttpResponse<String> provider = browser.getUrl(authorize);
        assertThat(provider.statusCode()).isEqualTo(302);
        HttpResponse<String> callback = browser.getUrl(provider.headers().firstValue("Location").orElseThrow());
        assertThat(callback.statusCode()).as(callback.headers().map().toString()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

        HttpResponse<String> me = browser.send("GET", "/api/v1/me", null, null);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(me.body());
        assertThat(body.get("username").asText()).isEqualTo("olga");
        assertThat(body.get("displayName").asText()).isEqualTo("Olga Novak");
        assertThat(body.get("roles")).extracting(JsonNode::asText).containsExactly("PLANNER");
        assertThat(browser.send("POST", "/api/v1/schedule-runs", "application/json", "{}").statusCode())
                .as("a planner's change with the session's CSRF token").isEqualTo(400);
        JsonNode audit = JSON.readTree(admin.send("GET", "/api/v1/audit-events?size=200", null, null).body());
        assertThat(audit.get("content")).anySatisfy(entry -> {
            assertThat(entry.get("action").asText()).isEqualTo("LOGIN");
            assertThat(entry.get("actor").asText()).isEqualTo("olga");
        });

        String olgaId = JSON.readTree(admin.send("GET", "/api/v1/users", null, null).body()).findParents("username")
                .stream().filter(user -> user.get("username").asText().equals("olga")).findFirst().orElseThrow()
                .get("id").asText();
        assertThat(admin.send("PATCH", "/api/v1/users/" + olgaId, "application/json", "{\"enabled\":false}")
                .statusCode()).isEqualTo(200);
        assertThat(browser.send("GET", "/api/v1/me", null, null).statusCode()).as("her session ended")
                .isEqualTo(401);
        assertThat(Caller.bearer(base, ISSUER.accessToken("sub-olga", "olga", List.of("PLANNER")), "olga")
                .send("GET", "/api/v1/me", null, null).statusCode()).as("her JWT is refused").isEqualTo(401);
        ISSUER.loginNext("sub-olga", "olga", "Olga Novak", List.of("PLANNER"));
        Caller again = Caller.browser(base, "olga again");
        HttpResponse<String> restart = again.send("GET", "/oauth2/authorization/test", null, null, "text/html");
        HttpResponse<String> provided = again.getUrl(restart.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> refused = again.getUrl(provided.headers().firstValue("Location").orElseThrow());
        assertThat(refused.headers().firstValue("Location").orElseThrow()).as("her login through the provider")
                .contains("error");
    }
}
