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

/** A scheduling run stopped with the service is INCOMPLETE with its stored best schedule after the restart. */
class ScheduleRunRestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final RestTemplate rest = eu.iucplanner.TestCredentials.restTemplate();

    @TempDir
    Path dataDirectory;

    @Test
    void solvingRunIsIncompleteWithItsScheduleAfterARestart() throws Exception {
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
        try (ConfigurableApplicationContext second = start()) {
            String base = base(second);
            JsonNode metadata = get(base + "/api/v1/schedule-runs/" + id + "/metadata");
            assertThat(metadata.get("status").asText()).isEqualTo("INCOMPLETE");
            assertThat(metadata.get("score").asText()).isNotBlank();
            JsonNode result = get(base + "/api/v1/schedule-runs/" + id);
            // Six events of the pair and its regional seminar.
            assertThat(result.get("events")).hasSize(7);
            result.get("events").forEach(event -> assertThat(event.get("start").asText()).isNotBlank());
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(IucPlannerApplication.class).run("--server.port=0",
                "--management.server.port=0",
                "--iuc.embedded-db.data-dir=" + dataDirectory, "--iuc.pairing.best-solution-write-interval=PT0.2S");
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
