package eu.iucplanner.pairing.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import eu.iucplanner.app.IucPlannerApplication;

/**
 * Stops the service while a run is solving and starts it again on the same database: the stop hands the run back to
 * the queue with its best solution and the restarted service takes it up again from there (one resume); a run left
 * SOLVING by a process that died (its execution's heartbeat stale) is taken up again too; a scheduled run is solved
 * after the restart, and a rerun continues from the resumed run's solution.
 */
class PairingRunRestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final RestTemplate rest = eu.iucplanner.TestCredentials.restTemplate();

    @TempDir
    Path dataDirectory;

    @Test
    void runsSurviveARestart() throws Exception {
        UUID solving;
        UUID scheduled;
        UUID crashed = UUID.randomUUID();
        JsonNode beforeStop;
        try (ConfigurableApplicationContext first = start()) {
            String base = base(first);
            ObjectNode large = (ObjectNode) get(base + "/api/v1/demo-data/LARGE");
            large.putObject("termination").put("spentLimit", "PT5M");
            large.put("stopAtProvenOptimum", false); // it must still be solving when the service stops
            solving = submit(base, large);
            ObjectNode small = (ObjectNode) get(base + "/api/v1/demo-data/SMALL");
            small.putObject("termination").put("unimprovedSpentLimit", "PT1S");
            scheduled = submit(base, small);
            await(base, solving, m -> "SOLVING".equals(m.path("status").asText()) && m.has("score"));
            assertThat(get(base + "/api/v1/pairing-runs/" + scheduled + "/metadata").get("status").asText())
                    .isEqualTo("SCHEDULED");
            // A run that a dead process left SOLVING, with the best solution it had stored.
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            jdbc.update("insert into run (id, kind, name, status, submitted_at, started_at, score, feasible, "
                    + "summary_json, version) values (?, 'pairing', 'crashed', 'SOLVING', now(), now(), "
                    + "'0hard/-37medium/0soft', true, '{\"applicantCount\":40,\"eligibleCount\":37,"
                    + "\"pairCount\":0}', 0)", crashed);
            jdbc.update("insert into run_payload (run_id, request_json, best_solution_json, version) "
                    + "values (?, ?, ?, 0)", crashed, JSON.writeValueAsString(small),
                    "{\"score\":\"0hard/-37medium/0soft\",\"partnerBySlot\":{}}");
            jdbc.update("insert into scheduled_tasks (task_name, task_instance, execution_time, picked, picked_by, "
                    + "last_heartbeat, version) values ('solve-run', ?, now(), true, 'a-dead-replica', "
                    + "now() - interval '1 hour', 1)", crashed.toString());
            beforeStop = get(base + "/api/v1/pairing-runs/" + solving + "/metadata");
        }
        try (ConfigurableApplicationContext apiOnly = start("--iuc.runs.solve=false")) {
            // Handed back to the queue by the graceful stop, with its best solution (a replica that solves nothing
            // looks).
            JsonNode handedBack = get(base(apiOnly) + "/api/v1/pairing-runs/" + solving + "/metadata");
            assertThat(handedBack.get("status").asText()).isEqualTo("SCHEDULED");
            assertThat(HardMediumSoftLongScore.parseScore(handedBack.get("score").asText()))
                    .isGreaterThanOrEqualTo(HardMediumSoftLongScore.parseScore(beforeStop.get("score").asText()));
        }

        // Every limit lowered below what the stored runs hold: they are read, resumed and rerun as they were stored.
        try (ConfigurableApplicationContext second = start("--iuc.pairing.max-applicants=10",
                "--iuc.runs.max-spent-limit=PT3S", "--iuc.max-request-bytes=100000",
                "--iuc.runs.heartbeat-interval=PT0.5S", "--iuc.runs.missed-heartbeats-limit=4")) {
            String base = base(second);
            JsonNode continuedRun = await(base, solving, m -> "COMPLETED".equals(m.path("status").asText()));
            assertThat(continuedRun.get("resumes").asInt()).isEqualTo(1);
            HardMediumSoftLongScore stored = HardMediumSoftLongScore.parseScore(continuedRun.get("score").asText());
            assertThat(stored).as("taken up from its stored best").isGreaterThanOrEqualTo(
                    HardMediumSoftLongScore.parseScore(beforeStop.get("score").asText()));
            JsonNode result = get(base + "/api/v1/pairing-runs/" + solving);
            assertThat(result.get("pairs")).hasSize(continuedRun.get("pairCount").asInt()).isNotEmpty();

            JsonNode died = await(base, crashed, m -> "COMPLETED".equals(m.path("status").asText()));
            assertThat(died.get("resumes").asInt()).isEqualTo(1);
            assertThat(HardMediumSoftLongScore.parseScore(died.get("score").asText()))
                    .isGreaterThanOrEqualTo(HardMediumSoftLongScore.parseScore("0hard/-37medium/0soft"));
            JsonNode incomplete = continuedRun;

            JsonNode resumed = await(base, scheduled, m -> "COMPLETED".equals(m.path("status").asText()));
            assertThat(resumed.get("feasible").asBoolean()).isTrue();

            // The stored LARGE pool (1,000 applicants, above today's limit of 10) reads as it was stored.
            assertThat(get(base + "/api/v1/pairing-runs/" + solving + "/request").get("applicants")).hasSize(1000);
            assertThat(get(base + "/api/v1/pairing-runs/" + solving + "/score-analysis").get("score").asText())
                    .isEqualTo(incomplete.get("score").asText());
            // A rerun continues from the stored solution: it is never worse than where the run stopped.
            ObjectNode rerun = JSON.createObjectNode();
            rerun.putObject("termination").put("spentLimit", "PT2S");
            UUID next = UUID.fromString(post(base + "/api/v1/pairing-runs/" + solving + "/rerun", rerun)
                    .get("id").asText());
            JsonNode continued = await(base, next, m -> "COMPLETED".equals(m.path("status").asText()));
            assertThat(continued.has("resumes")).as("a rerun is a new run, not a resume").isFalse();
            assertThat(HardMediumSoftLongScore.parseScore(continued.get("score").asText()))
                    .isGreaterThanOrEqualTo(stored);
        }
        assertThat(Files.list(dataDirectory).findAny()).isPresent();
    }

    private ConfigurableApplicationContext start(String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--server.port=0",
                "--management.server.port=0",
                "--iuc.embedded-db.data-dir=" + dataDirectory, "--iuc.pairing.parallel-runs=1",
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

    private JsonNode post(String url, JsonNode body) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return JSON.readTree(rest.postForObject(url, new HttpEntity<>(JSON.writeValueAsString(body), headers),
                String.class));
    }

    private UUID submit(String base, JsonNode request) throws Exception {
        return UUID.fromString(post(base + "/api/v1/pairing-runs", request).get("id").asText());
    }

    private JsonNode await(String base, UUID id, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode metadata = get(base + "/api/v1/pairing-runs/" + id + "/metadata");
            if (condition.test(metadata)) {
                return metadata;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Run " + id + " did not reach the expected state");
    }
}
