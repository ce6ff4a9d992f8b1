package eu.iucplanner.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The database may die and come back: the embedded server killed mid-solve is started again by itself and the service
 * recovers (health UP, the run ends with its solution, every accepted run is there); while the database is away,
 * submissions answer 503 with Retry-After and store nothing, and a solving run keeps its best solution and stores it
 * when the database is back.
 */
@SpringBootTest(classes = IucPlannerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "iuc.embedded-db.data-dir=target/it-postgres-outage-${random.uuid}",
                "iuc.embedded-db.supervision-interval=PT0.2S", "iuc.runs.parallel-runs=1",
                "iuc.runs.best-solution-write-interval=PT0.2S" })
class DatabaseOutageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @Autowired
    TestRestTemplate rest;

    @Autowired
    EmbeddedDatabase database;

    @LocalManagementPort
    int managementPort;

    @Test
    void theEmbeddedServerKilledMidSolveComesBackAndNoRunIsLost() throws Exception {
        List<UUID> accepted = new ArrayList<>();
        UUID solving = submit("MEDIUM", "PT20S");
        accepted.add(solving);
        accepted.add(submit("SMALL", "PT1S"));
        await().atMost(PATIENCE).until(() -> "SOLVING".equals(metadata(solving).path("status").asText())
                && metadata(solving).has("score"));
        long pid = database.pid().orElseThrow();
        int restarts = database.restarts();

        ProcessHandle.of(pid).orElseThrow().destroyForcibly();

        await().atMost(PATIENCE).until(() -> database.restarts() > restarts);
        await().atMost(PATIENCE).ignoreExceptions().until(() -> health().contains("\"status\":\"UP\""));
        accepted.add(submit("SMALL", "PT1S"));
        for (UUID id : accepted) {
            await().atMost(PATIENCE).ignoreExceptions()
                    .until(() -> metadata(id).path("status").asText().equals("COMPLETED"));
            assertThat(metadata(id).get("feasible").asBoolean()).isTrue();
        }
        JsonNode result = json(rest.getForEntity("/api/v1/pairing-runs/" + solving, String.class).getBody());
        assertThat(result.get("pairs")).hasSize(metadata(solving).get("pairCount").asInt()).isNotEmpty();
    }

    @Test
    void whileTheDatabaseIsAwaySubmissionsAnswer503AndASolvingRunStoresItsSolutionWhenItIsBack()
            throws Exception {
        UUID solving = submit("MEDIUM", "PT10S");
        await().atMost(PATIENCE).until(() -> "SOLVING".equals(metadata(solving).path("status").asText()));
        int before = count();
        database.pauseSupervision();
        try {
            database.stopServer();
            ResponseEntity<String> refused = post("/api/v1/pairing-runs", demo("SMALL", "PT1S"));
            assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(503);
            assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
            assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
            assertThat(json(refused.getBody()).get("type").asText()).isEqualTo("urn:iuc-planner:problem:unavailable");
            ResponseEntity<String> read = rest.getForEntity("/api/v1/pairing-runs/" + solving + "/metadata",
                    String.class);
            assertThat(read.getStatusCode().value()).isEqualTo(503);
            assertThat(health()).contains("\"status\":\"DOWN\"");
        } finally {
            database.resumeSupervision();
        }
        await().atMost(PATIENCE).ignoreExceptions().until(() -> health().contains("\"status\":\"UP\""));
        assertThat(count()).as("nothing stored while the database was away").isEqualTo(before);
        await().atMost(PATIENCE).ignoreExceptions()
                .until(() -> metadata(solving).path("status").asText().equals("COMPLETED"));
        JsonNode done = metadata(solving);
        assertThat(done.get("feasible").asBoolean()).isTrue();
        assertThat(done.get("pairCount").asInt()).isPositive();
    }

    private int count() {
        return json(rest.getForEntity("/api/v1/pairing-runs?size=1", String.class).getBody()).get("totalElements")
                .asInt();
    }

    private String health() {
        // Without credentials, as a load balancer's or orchestrator's probe asks.
        return new org.springframework.boot.test.web.client.TestRestTemplate()
                .getForEntity("http://localhost:" + managementPort + "/actuator/health", String.class).getBody();
    }

    private ObjectNode demo(String pool, String spentLimit) {
        ObjectNode request = (ObjectNode) json(rest.getForEntity("/api/v1/demo-data/" + pool, String.class)
                .getBody());
        request.putObject("termination").put("spentLimit", spentLimit);
        request.put("stopAtProvenOptimum", false); // these runs solve until their limit
        return request;
    }

    private UUID submit(String pool, String spentLimit) {
        ResponseEntity<String> response = post("/api/v1/pairing-runs", demo(pool, spentLimit));
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(202);
        return UUID.fromString(json(response.getBody()).get("id").asText());
    }

    private ResponseEntity<String> post(String path, JsonNode body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body.toString(), headers), String.class);
    }

    private JsonNode metadata(UUID id) {
        return json(rest.getForEntity("/api/v1/pairing-runs/" + id + "/metadata", String.class).getBody());
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(text, e);
        }
    }
}
