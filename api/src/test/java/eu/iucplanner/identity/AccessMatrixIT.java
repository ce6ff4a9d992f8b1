package eu.iucplanner.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.iucplanner.TestCredentials;
import eu.iucplanner.app.IucPlannerApplication;

/**
 * Every operation of the OpenAPI document, and the pages and management endpoints, tried with no credentials, with a
 * user of each role (once logged in with the form as a browser, once with a personal API token as a script), and
 * with a revoked and an expired token. The observed table must equal {@link #EXPECTED}, which the README shows.
 * Requests use unknown run ids and empty bodies, so a call let through answers 400 or 404 and changes nothing.
 */
@SpringBootTest(classes = IucPlannerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "iuc.embedded-db.data-dir=target/it-postgres-access-${random.uuid}")
// Spring Boot's tests switch metrics export off, which leaves no Prometheus endpoint to try; the service has one.
@AutoConfigureObservability(tracing = false)
class AccessMatrixIT {

    /** ✓: let through (the operation then answers for itself); 401: who are you; 403: not with your roles. */
    static final String EXPECTED = """
            | Operation | nobody | no role | VIEWER | ANALYST | PLANNER | COORDINATOR | ADMIN |
            |---|---|---|---|---|---|---|---|
            | `DELETE /api/v1/calls/{id}` | 401 | 403 | 403 | 403 | 403 | ✓ | ✓ |
            | `DELETE /api/v1/calls/{id}/decision` | 401 | 403 | 403 | 403 | 403 | ✓ | ✓ |
            | `DELETE /api/v1/pairing-runs/{id}` | 401 | 403 | 403 | 403 | 403 | ✓ | ✓ |
            | `DELETE /api/v1/schedule-runs/{id}` | 401 | 403 | 403 | 403 | ✓ | 403 | ✓ |
            | `DELETE /api/v1/tokens/{id}` | 401 | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
            | `GET /` (the web app) | 401 | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
            | `GET /actuator/health` (management port) | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
            | `GET /actuator/info` (management port) | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
            | `GET /actuator/metrics` (management port) | 401 | 403 | 403 | 403 | 403 | 403 | ✓ |
            | `GET /actuator/prometheus` (management port) | 401 | 403 | 403 | 403 | 403 | 403 | ✓ |
            | `GET /api/v1/audit-events` | 401 | 403 | 403 | 403 | 403 | 403 | ✓ |
            | `GET /api/v1/calls` | 401 | 403 | ✓ | ✓ | ✓ | ✓ | ✓ |
            | `GET /api/v1/calls/{id}` | 401 | 403 | ✓ | ✓ | ✓ | ✓ | ✓ |
            | `GET /api/v1/calls/{id}/decision/pairs` | 401 | 403 | ✓ | ✓ | ✓ | ✓ | ✓ |
            | `GET /api/v1/demo-data` | 401 | 403 | ✓ | ✓ | ✓ | ✓ | ✓ |
            | `GET /api/v1/demo-data/{name}` | 401 | 403 | ✓ | ✓ | ✓ | ✓ | ✓ |
            | `GET /api/v1/holidays` | 401 | 403 | ✓ | ✓ | ✓ | ✓ | ✓ |
            | `GET /api/v1/me` | 401 | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
            | `GET /api/v1/pairing-runs` | 401 | 403 | ✓ | ✓ | ✓ | ✓ | ✓ |
            | `GET /api/v1/pairing-runs/csv-template` | 401 | 403 | ✓ | ✓ | ✓ | ✓ | ✓ |
            | `GET /api/v1/pairing-runs/{id}` | 401 | 403 | ✓ | ✓ | ✓ | ✓ | ✓ |
            | `GET /api/v1/pairing-runs/{id}/events` | 401 | 403 | ✓ | ✓ | ✓ | ✓ | ✓ |
            | `GET /api/v1/pairing-runs/{id}/export` | 401 | 403 | ✓ | ✓ | ✓ | ✓ | ✓ |
            | `GET /api/v1/pairing-runs/{id}/metadata` | 401 | 403 | ✓ | ✓ | ✓ | ✓ | ✓ |
            | `GET /api/v1/pairing-runs/{id}/request` | 401 | 403 | ✓ | ✓ | ✓ | ✓ | ✓ |
            | `GET /api/v1/pairing-runs/{id}/score-analysis` | 401 | 403 | ✓ | ✓ | ✓ | ✓ | ✓ |
            | `GET /api/v1/reference/cities` | 401 | 403 | ✓ | ✓ | ✓ | ✓ | ✓ |
            | `GET /api/v1/reference/regions` | 401 | 403 | ✓ | ✓ | ✓ | ✓ | ✓ |
            | `GET /api/v1/schedule-runs` | 401 | 403 | ✓ | ✓ | ✓ | ✓ | ✓ |
            | `GET /api/v1/schedule-runs/current/{pairingRunId}` | 401 | 403 | ✓ | ✓ | ✓ | ✓ | ✓ |
            | `GET /api/v1/schedule-runs/current/{pairingRunId}/calendar.ics` | 401 | 403 | ✓ | ✓ | ✓ | ✓ | ✓ |
            | `GET /api/v1/schedule-runs/{id}` | 401 | 403 | ✓ | ✓ | ✓ | ✓ | ✓ |
            | `GET /api/v1/schedule-runs/{id}/calendar.ics` | 401 | 403 | ✓ | ✓ | ✓ | ✓ | ✓ |
            | `GET /api/v1/schedule-runs/{id}/events` | 401 | 403 | ✓ | ✓ | ✓ | ✓ | ✓ |
            | `GET /api/v1/schedule-runs/{id}/export` | 401 | 403 | ✓ | ✓ | ✓ | ✓ | ✓ |
            | `GET /api/v1/schedule-runs/{id}/metadata` | 401 | 403 | ✓ | ✓ | ✓ | ✓ | ✓ |
            | `GET /api/v1/schedule-runs/{id}/request` | 401 | 403 | ✓ | ✓ | ✓ | ✓ | ✓ |
            | `GET /api/v1/schedule-runs/{id}/score-analysis` | 401 | 403 | ✓ | ✓ | ✓ | ✓ | ✓ |
            | `GET /api/v1/tokens` | 401 | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
            | `GET /api/v1/users` | 401 | 403 | 403 | 403 | 403 | 403 | ✓ |
            | `GET /login.html` | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
            | `GET /v3/api-docs` | 401 | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
            | `PATCH /api/v1/users/{id}` | 401 | 403 | 403 | 403 | 403 | 403 | ✓ |
            | `POST /api/v1/calls` | 401 | 403 | 403 | 403 | 403 | ✓ | ✓ |
            | `POST /api/v1/calls/{id}/decision` | 401 | 403 | 403 | 403 | 403 | ✓ | ✓ |
            | `POST /api/v1/me/password` | 401 | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
            | `POST /api/v1/pairing-runs` | 401 | 403 | 403 | ✓ | 403 | ✓ | ✓ |
            | `POST /api/v1/pairing-runs/validation` | 401 | 403 | 403 | ✓ | 403 | ✓ | ✓ |
            | `POST /api/v1/pairing-runs/{id}/duplicate` | 401 | 403 | 403 | ✓ | 403 | ✓ | ✓ |
            | `POST /api/v1/pairing-runs/{id}/purge` | 401 | 403 | 403 | 403 | 403 | ✓ | ✓ |
            | `POST /api/v1/pairing-runs/{id}/recommendations` | 401 | 403 | 403 | ✓ | 403 | ✓ | ✓ |
            | `POST /api/v1/pairing-runs/{id}/rerun` | 401 | 403 | 403 | ✓ | 403 | ✓ | ✓ |
            | `POST /api/v1/schedule-runs` | 401 | 403 | 403 | 403 | ✓ | 403 | ✓ |
            | `POST /api/v1/schedule-runs/{id}/duplicate` | 401 | 403 | 403 | 403 | ✓ | 403 | ✓ |
            | `POST /api/v1/schedule-runs/{id}/purge` | 401 | 403 | 403 | 403 | ✓ | 403 | ✓ |
            | `POST /api/v1/schedule-runs/{id}/replan` | 401 | 403 | 403 | 403 | ✓ | 403 | ✓ |
            | `POST /api/v1/tokens` | 401 | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
            | `POST /api/v1/users` | 401 | 403 | 403 | 403 | 403 | 403 | ✓ |
            | `POST /api/v1/users/{id}/password` | 401 | 403 | 403 | 403 | 403 | 403 | ✓ |
            | `PUT /api/v1/calls/{id}` | 401 | 403 | 403 | 403 | 403 | ✓ | ✓ |
            """;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "a-long-enough-password-42";
    private static final List<String> ROLES = List.of("no role", "VIEWER", "ANALYST", "PLANNER", "COORDINATOR",
            "ADMIN");
    /** Pages and management endpoints, which the OpenAPI document does not list. */
    private static final List<String> EXTRA = List.of("GET /", "GET /login.html", "GET /v3/api-docs",
            "GET /actuator/health", "GET /actuator/info", "GET /actuator/metrics", "GET /actuator/prometheus");

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    private String base;
    private Caller admin;

    @BeforeEach
    void setUp() {
        base = "http://localhost:" + port;
        admin = Caller.bearer(base, TestCredentials.ADMIN_TOKEN, "admin token");
    }

    @Test
    void everyOperationAnswersEachRoleAsTheTableSaysWithASessionAndWithAToken() throws Exception {
        Map<String, Caller> sessions = new LinkedHashMap<>();
        Map<String, Caller> tokens = new LinkedHashMap<>();
        sessions.put("nobody", Caller.anonymous(base));
        tokens.put("nobody", Caller.anonymous(base));
        for (String role : ROLES) {
            String user = role.equals("no role") ? "matrix-norole" : "matrix-" + role.toLowerCase();
            String roles = role.equals("no role") ? "[]" : "[\"" + role + "\"]";
            HttpResponse<String> created = admin.send("POST", "/api/v1/users", "application/json",
                    "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\",\"roles\":" + roles + "}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            sessions.put(role, Caller.session(base, user, PASSWORD));
            tokens.put(role, Caller.bearer(base, createToken(Caller.basic(base, user, PASSWORD), null), user));
        }
        List<String> operations = operations();

        String bySession = table(operations, sessions);
        String byToken = table(operations, tokens);
        assertThat(bySession).as("with form-login sessions").isEqualTo(EXPECTED);
        assertThat(byToken).as("with personal API tokens").isEqualTo(EXPECTED);
        assertThat(Files.readString(Path.of("..", "README.md"))).as("the README shows the same table")
                .contains(EXPECTED);
    }

    @Test
    void revokedAndExpiredTokensAreRefusedEverywhereLikeNoCredentials() throws Exception {
        Caller coordinatorBasic = coordinator("matrix-revoke");
        String revoked = createToken(coordinatorBasic, null);
        Caller revokedCaller = Caller.bearer(base, revoked, "revoked token");
        assertThat(revokedCaller.send("GET", "/api/v1/me", null, null).statusCode()).isEqualTo(200);
        String id = JSON.readTree(coordinatorBasic.send("GET", "/api/v1/tokens", null, null).body()).get(0)
                .get("id").asText();
        assertThat(coordinatorBasic.send("DELETE", "/api/v1/tokens/" + id, null, null).statusCode()).isEqualTo(200);

        Instant expiry = Instant.now().plusSeconds(3);
        String expiring = createToken(coordinatorBasic, expiry);
        await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(expiry.plusSeconds(1)));
        Caller expiredCaller = Caller.bearer(base, expiring, "expired token");

        List<String> operations = operations();
        for (Caller caller : List.of(revokedCaller, expiredCaller)) {
            Map<String, Integer> statuses = new TreeMap<>();
            for (String operation : operations) {
                if (!isPublic(operation)) {
                    statuses.put(operation, call(caller, operation).statusCode());
                }
            }
            assertThat(statuses).as(caller.toString()).isNotEmpty().allSatisfy(
                    (operation, status) -> assertThat(status).as(operation).isEqualTo(401));
        }
        HttpResponse<String> refused = expiredCaller.send("GET", "/api/v1/pairing-runs", null, null);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(refused.body()).get("status").asInt()).isEqualTo(401);
    }

    /** Each operation documents 401, and 403 when a role may not call it or when it changes something (CSRF). */
    @Test
    void everyOperationDocumentsItsUnauthorizedAndItsForbiddenAnswer() throws Exception {
        JsonNode paths = JSON.readTree(admin.send("GET", "/v3/api-docs", null, null).body()).get("paths");
        List<String> missing = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            JsonNode responses = method.getValue().get("responses");
            String operation = method.getKey().toUpperCase() + " " + path.getKey();
            boolean forbiddenInTable = EXPECTED.lines().filter(line -> line.startsWith("| `" + operation + "`"))
                    .anyMatch(line -> line.contains("403"));
            boolean change = !method.getKey().equals("get");
            if (!responses.has("401") || ((forbiddenInTable || change) && !responses.has("403"))) {
                missing.add(operation + " " + responses.properties().stream().map(Map.Entry::getKey).toList());
            }
        }));
        assertThat(missing).as("operations whose 401/403 documentation disagrees with the table").isEmpty();
    }

    private Caller coordinator(String user) {
        HttpResponse<String> created = admin.send("POST", "/api/v1/users", "application/json",
                "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"COORDINATOR\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Caller.basic(base, user, PASSWORD);
    }

    private static String createToken(Caller owner, Instant expiresAt) throws IOException {
        HttpResponse<String> created = owner.send("POST", "/api/v1/tokens", "application/json",
                "{\"name\":\"matrix\"" + (expiresAt == null ? "" : ",\"expiresAt\":\"" + expiresAt + "\"") + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("secret").asText();
    }

    /** "METHOD /path" of every operation of the OpenAPI document, and the extra pages. */
    private List<String> operations() throws IOException {
        JsonNode paths = JSON.readTree(admin.send("GET", "/v3/api-docs", null, null).body()).get("paths");
        List<String> operations = new ArrayList<>(EXTRA);
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                method -> operations.add(method.toUpperCase() + " " + path.getKey())));
        return operations;
    }

    private String table(List<String> operations, Map<String, Caller> callers) {
        Map<String, String> rows = new TreeMap<>();
        for (String operation : operations) {
            StringBuilder row = new StringBuilder("| `" + operation + "`" + note(operation) + " |");
            for (Caller caller : callers.values()) {
                int status = call(caller, operation).statusCode();
                row.append(' ').append(status == 401 || status == 403 ? String.valueOf(status) : "✓").append(" |");
            }
            rows.put(operation, row.toString());
        }
        StringBuilder table = new StringBuilder("| Operation | " + String.join(" | ", callers.keySet()) + " |\n");
        table.append("|---".repeat(callers.size() + 1)).append("|\n");
        rows.values().forEach(row -> table.append(row).append('\n'));
        return table.toString();
    }

    private static String note(String operation) {
        if (operation.equals("GET /")) {
            return " (the web app)";
        }
        return operation.contains("/actuator/") ? " (management port)" : "";
    }

    private static boolean isPublic(String operation) {
        return operation.equals("GET /login.html") || operation.equals("GET /actuator/health")
                || operation.equals("GET /actuator/info");
    }

    /** One call: unknown ids, empty bodies; management endpoints on their port. */
    private HttpResponse<String> call(Caller caller, String operation) {
        String method = operation.substring(0, operation.indexOf(' '));
        String path = operation.substring(operation.indexOf(' ') + 1)
                .replace("{id}", UUID.randomUUID().toString()).replace("{name}", "SMALL")
                .replace("{pairingRunId}", UUID.randomUUID().toString());
        if (path.startsWith("/actuator/")) {
            Caller management = caller.onPort(managementPort);
            return management.send(method, path, null, null);
        }
        if (path.endsWith("/calendar.ics")) {
            path += "?pair=x";
        }
        boolean hasBody = method.equals("POST") || method.equals("PATCH") || method.equals("PUT");
        return caller.send(method, path, hasBody ? "application/json" : null, hasBody ? "{}" : null);
    }
}
