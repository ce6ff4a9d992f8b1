package eu.iucplanner.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

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
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A backup of a running service's embedded database, restored into a fresh data directory, holds every run. */
class BackupRestoreIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final RestTemplate rest = eu.iucplanner.TestCredentials.restTemplate();

    @TempDir
    Path directory;

    @Test
    void everyRunReadsBackFromARestoredBackup() throws Exception {
        Path original = directory.resolve("original");
        Path restored = directory.resolve("restored");
        Path backup = directory.resolve("iuc.dump");
        Map<String, String> results = new LinkedHashMap<>();
        try (ConfigurableApplicationContext service = start(original)) {
            String base = base(service);
            ObjectNode small = (ObjectNode) JSON.readTree(rest.getForObject(base + "/api/v1/demo-data/SMALL",
                    String.class));
            for (String spent : new String[] { "PT1S", "PT2S" }) {
                small.putObject("termination").put("spentLimit", spent);
                HttpHeaders headers = new HttpHeaders();
                headers.setContentType(MediaType.APPLICATION_JSON);
                String id = JSON.readTree(rest.postForObject(base + "/api/v1/pairing-runs",
                        new HttpEntity<>(small.toString(), headers), String.class)).get("id").asText();
                await().atMost(Duration.ofMinutes(3)).until(() -> JSON.readTree(rest.getForObject(base
                        + "/api/v1/pairing-runs/" + id + "/metadata", String.class)).get("status").asText()
                        .equals("COMPLETED"));
                results.put(id, rest.getForObject(base + "/api/v1/pairing-runs/" + id, String.class));
            }
            // A hot backup, while the service runs.
            BackupTool.main(new String[] { "backup", "--data-dir", original.toString(), "--to", backup.toString() });
        }
        BackupTool.main(new String[] { "restore", "--from", backup.toString(), "--data-dir", restored.toString() });
        try (ConfigurableApplicationContext service = start(restored)) {
            String base = base(service);
            JsonNode page = JSON.readTree(rest.getForObject(base + "/api/v1/pairing-runs", String.class));
            assertThat(page.get("totalElements").asInt()).isEqualTo(results.size());
            for (Map.Entry<String, String> run : results.entrySet()) {
                JsonNode before = JSON.readTree(run.getValue());
                JsonNode after = JSON.readTree(rest.getForObject(base + "/api/v1/pairing-runs/" + run.getKey(),
                        String.class));
                assertThat(after).isEqualTo(before);
            }
        }
    }

    private static ConfigurableApplicationContext start(Path dataDirectory) {
        return new SpringApplicationBuilder(IucPlannerApplication.class).run("--server.port=0",
                "--management.server.port=0", "--iuc.embedded-db.data-dir=" + dataDirectory);
    }

    private static String base(ConfigurableApplicationContext context) {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }
}
