package eu.iucplanner.scheduling.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.iucplanner.app.IucPlannerApplication;

/**
 * A scheduling run solving when the service stops is handed back to the queue with its stored best schedule; a replica
 * that only answers the API finds it waiting, and the restarted service takes it up again from that schedule.
 */
class ScheduleRunRestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final RestTemplate rest = eu.iucplanner.TestCredentials.restTemplate();

    @TempDir
    Path dataDirectory;

    @Test
    void aSolvingRunIsHandedBackWithItsScheduleAndTakenUpAgainAfterARestart() throws Exception {
        String request = """
                {"startDate": "2027-01-04",
                 "pairs": [
                   {"id": "lyon-boston", "region": "NORTH_AMERICA", "language": "en",
                    "euCity": {"id": "lyon", "name": "Lyon", "country": "FR", "latitude": 45.76, "longitude": 4.84},
                    "partnerCity": {"id": "boston", "name": "Boston", "country": "US", "latitude": 42.36,
                                    "longitude": -71.06}}],
                 "experts": [{"id": "anna", "regions": ["NORTH_AMERICA"], "languages": ["en"]}],
                 "termination": {"spentLimit": "PT5M"}}
                """;
        UUID id;
        try (ConfigurableApplicationContext first = start()) {
            String base = base(first);
            id = UUID.fromString(post(base + "/api/v1/schedule-runs", request).get("id").asText());
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            JsonNode metadata = get(base + "/api/v1/schedule-runs/" + id + "/metadata");
            while (!("SOLVING".equals(metadata.path("status").asText()) && metadata.has("score"))) {
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(100);
                metadata = get(base + "/api/v1/schedule-runs/" + id + "/metadata");
            }
        }
        try (ConfigurableApplicationContext apiOnly = start("--iuc.runs.solve=false")) {
            String base = base(apiOnly);
            JsonNode metadata = get(base + "/api/v1/schedule-runs/" + id + "/metadata");
            assertThat(metadata.get("status").asText()).isEqualTo("SCHEDULED");
            assertThat(metadata.get("score").asText()).isNotBlank();
            JsonNode result = get(base + "/api/v1/schedule-runs/" + id);
            // Six events of the pair and its regional seminar.
            assertThat(result.get("events")).hasSize(7);
            result.get("events").forEach(event -> assertThat(event.get("start").asText()).isNotBlank());
        }
        try (ConfigurableApplicationContext second = start("--iuc.runs.max-spent-limit=PT2S")) {
            String base = base(second);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            JsonNode metadata = get(base + "/api/v1/schedule-runs/" + id + "/metadata");
            while (!"COMPLETED".equals(metadata.path("status").asText())) {
                assertThat(System.nanoTime()).as(metadata.toString()).isLessThan(deadline);
                Thread.sleep(100);
                metadata = get(base + "/api/v1/schedule-runs/" + id + "/metadata");
            }
            assertThat(metadata.get("resumes").asInt()).isEqualTo(1);
            assertThat(get(base + "/api/v1/schedule-runs/" + id).get("events")).hasSize(7);
        }
    }

    private ConfigurableApplicationContext start(String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--server.port=0",
                "--management.server.port=0", "--iuc.embedded-db.data-dir=" + dataDirectory,
                "--iuc.pairing.best-solution-write-interval=PT0.2S"));
        args.addAll(java.util.List.of(more));
        return new SpringApplicationBuilder(IucPlannerApplication.class).run(args.toArray(String[]::new));
    }

    private static String base(ConfigurableApplicationContext context) {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    private JsonNode get(String url) throws Exception {
        return JSON.readTree(rest.getForObject(url, String.class));
    }

    private JsonNode post(String url, String body) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return JSON.readTree(rest.postForObject(url, new HttpEntity<>(body, headers), String.class));
    }
}
