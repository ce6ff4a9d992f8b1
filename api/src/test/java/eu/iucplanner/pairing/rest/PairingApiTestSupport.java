package eu.iucplanner.pairing.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.iucplanner.app.IucPlannerApplication;

/**
 * The service on a real embedded PostgreSQL in a fresh data directory, shared by the API tests (one Spring context):
 * one run solves at a time and pools above 100 applicants are refused.
 */
@SpringBootTest(classes = IucPlannerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"iuc.embedded-db.data-dir=target/it-postgres-api-${random.uuid}",
                "iuc.pairing.parallel-runs=1", "iuc.pairing.max-applicants=100",
                "iuc.pairing.best-solution-write-interval=PT0.2S", "iuc.max-request-bytes=2000000"})
abstract class PairingApiTestSupport {

    static final String RUNS = "/api/v1/pairing-runs";
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    int storedRuns() {
        return jdbc.queryForObject("select count(*) from run where kind = 'pairing'", Integer.class);
    }

    ObjectNode demo(String name) {
        return (ObjectNode) json(rest.getForEntity("/api/v1/demo-data/" + name, String.class).getBody());
    }

    ResponseEntity<String> post(String path, String contentType, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, contentType);
        headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    ResponseEntity<String> postJson(String path, Object body) {
        return post(path, MediaType.APPLICATION_JSON_VALUE, body instanceof String s ? s : write(body));
    }

    UUID submit(ObjectNode request) {
        ResponseEntity<String> response = postJson(RUNS, request);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(202);
        return UUID.fromString(json(response.getBody()).get("id").asText());
    }

    JsonNode metadata(UUID id) {
        return json(rest.getForEntity(RUNS + "/" + id + "/metadata", String.class).getBody());
    }

    /** Polls the cheap metadata until the condition holds; fails after two minutes. */
    JsonNode awaitMetadata(UUID id, Predicate<JsonNode> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode metadata = metadata(id);
            if (condition.test(metadata)) {
                return metadata;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Run " + id + " did not reach the expected state: " + metadata(id));
    }

    static boolean hasStatus(JsonNode metadata, String status) {
        return status.equals(metadata.path("status").asText());
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("Not JSON: " + text, e);
        }
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
