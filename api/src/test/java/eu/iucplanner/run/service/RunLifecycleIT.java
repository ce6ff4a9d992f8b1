package eu.iucplanner.run.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.iucplanner.app.IucPlannerApplication;
import eu.iucplanner.demo.DemoPoolSize;
import eu.iucplanner.demo.DemoPools;
import eu.iucplanner.demo.rest.DemoDataController;
import eu.iucplanner.pairing.service.PairingRunKind;
import eu.iucplanner.pairing.service.PairingRunRequest;
import eu.iucplanner.run.persistence.RunStatus;

/**
 * The run lifecycle, phase by phase, against the real service: a stop answers at once and keeps the best solution
 * known whatever the solver is doing (waiting, loading the problem, the exact warm start, local search); one budget
 * of solver threads holds across pairing and scheduling; a failure is a sentence for the client, not an internal
 * message.
 */
@SpringBootTest(classes = { IucPlannerApplication.class, RunLifecycleIT.Kinds.class },
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "iuc.embedded-db.data-dir=target/it-postgres-lifecycle-${random.uuid}",
                "iuc.runs.parallel-runs=1", "iuc.runs.best-solution-write-interval=PT0.2S",
                "iuc.runs.stop-check-interval=PT0.1S", "iuc.pairing.max-applicants=6000",
                "iuc.max-request-bytes=30000000" })
class RunLifecycleIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @TestConfiguration
    static class Kinds {
        @Bean
        ControllableRunKind controllableRunKind(PairingRunKind pairing) {
            return new ControllableRunKind(pairing);
        }
    }

    @Autowired
    TestRestTemplate rest;

    @Autowired
    RunLifecycle lifecycle;

    @Autowired
    ControllableRunKind controllable;

    @Autowired
    PairingRunKind pairing;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void aRunStoppedWhileItLoadsItsProblemEndsTerminatedAndTheStopDoesNotWaitForIt() throws Exception {
        controllable.failLoadingWith = null;
        controllable.loading = new CountDownLatch(1);
        controllable.releaseLoading = new CountDownLatch(1);
        UUID id = lifecycle.submit(controllable, small(Duration.ofMinutes(5)), "held while loading", Map.of(), null,
                null, null).id();
        assertThat(controllable.loading.await(2, TimeUnit.MINUTES)).isTrue();
        RunMetadata answered = lifecycle.stop(controllable, id);
        assertThat(answered.status()).as("answered while the problem still loads").isEqualTo(RunStatus.SOLVING);
        controllable.releaseLoading.countDown();
        await().atMost(PATIENCE).until(() -> lifecycle.metadata(controllable, id).status().isFinal());
        RunMetadata ended = lifecycle.metadata(controllable, id);
        assertThat(ended.status()).isEqualTo(RunStatus.TERMINATED);
        assertThat(ended.failureMessage()).isNull();
    }

    @Test
    void aFailureIsASentenceForTheClientAndTheInternalMessageStaysInTheLog() throws Exception {
        controllable.loading = new CountDownLatch(1);
        controllable.releaseLoading = new CountDownLatch(0);
        controllable.failLoadingWith = "secret internal detail at com.example.Foo";
        try {
            UUID id = lifecycle.submit(controllable, small(Duration.ofSeconds(5)), "fails", Map.of(), null, null,
                    null).id();
            await().atMost(PATIENCE).until(() -> lifecycle.metadata(controllable, id).status().isFinal());
            RunMetadata failed = lifecycle.metadata(controllable, id);
            assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
            assertThat(failed.failureMessage()).contains("internal error").doesNotContain("secret")
                    .doesNotContain("Exception");
        } finally {
            controllable.failLoadingWith = null;
        }
    }

    @Test
    void aWaitingRunStopsAtOnceAndOneSolverBudgetHoldsAcrossPairingAndScheduling() throws Exception {
        UUID solving = submitPairing(DemoPoolSize.MEDIUM, "PT5M");
        awaitStatus("pairing-runs", solving, "SOLVING");
        UUID schedule = submitSchedule();
        UUID waiting = submitPairing(DemoPoolSize.SMALL, "PT5M");
        // One solver thread in all: the schedule run waits behind the pairing run although it is another kind.
        assertThat(metadata("schedule-runs", schedule).get("status").asText()).isEqualTo("SCHEDULED");

        ResponseEntity<String> stopWaiting = delete("pairing-runs", waiting);
        assertThat(stopWaiting.getStatusCode().value()).isEqualTo(202);
        assertThat(json(stopWaiting.getBody()).get("status").asText()).isEqualTo("TERMINATED");
        assertThat(json(stopWaiting.getBody()).get("failureMessage").asText()).contains("before solving started");

        assertThat(delete("pairing-runs", solving).getStatusCode().value()).isEqualTo(202);
        JsonNode stopped = awaitStatus("pairing-runs", solving, "TERMINATED");
        assertThat(stopped.get("pairCount").asInt()).isPositive();
        assertThat(stopped.get("score").asText()).startsWith("0hard/");
        awaitStatus("schedule-runs", schedule, "SOLVING");
        assertThat(delete("schedule-runs", schedule).getStatusCode().value()).isEqualTo(202);
        JsonNode scheduleStopped = awaitStatus("schedule-runs", schedule, "TERMINATED");
        // The default plan: six events of the pair and its regional seminar.
        assertThat(scheduleStopped.get("eventCount").asInt()).isEqualTo(7);
        assertThat(scheduleStopped.get("score").asText()).endsWith("soft");
    }

    @Test
    void aReplicaThatLostItsClaimStopsSolvingAndOverwritesNothingOfTheNewOwner() throws Exception {
        UUID id = submitPairing(DemoPoolSize.MEDIUM, "PT5M");
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject("SELECT score IS NOT NULL FROM run WHERE id = ?",
                Boolean.class, id));
        // Another replica took the run up (this one was taken for dead during a long pause), with its own best.
        UUID otherClaim = UUID.randomUUID();
        jdbc.update("UPDATE run SET claim = ?, claimed_by = 'another-replica', score = '0hard/0medium/1soft', "
                + "resume_count = resume_count + 1 WHERE id = ?", otherClaim, id);

        await().atMost(PATIENCE).until(() -> lifecycle.solvingCount() == 0);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30)).until(() -> {
            java.util.Map<String, Object> row = jdbc.queryForMap("SELECT status, claim, claimed_by, score FROM run "
                    + "WHERE id = ?", id);
            return "SOLVING".equals(row.get("status")) && otherClaim.equals(row.get("claim"))
                    && "another-replica".equals(row.get("claimed_by"))
                    && "0hard/0medium/1soft".equals(row.get("score"));
        });
        // The new owner ends it; this replica's writes never came in between.
        jdbc.update("UPDATE run SET status = 'TERMINATED', completed_at = now() WHERE id = ?", id);
        jdbc.update("DELETE FROM scheduled_tasks WHERE task_instance = ?", id.toString());
    }

    @Test
    void aHugePoolStoppedDuringTheExactWarmStartKeepsItsPairs() throws Exception {
        PairingRunRequest huge = DemoDataController.request(DemoPools.generate(DemoPoolSize.HUGE),
                DemoPoolSize.HUGE).withTermination(new TerminationDto(Duration.ofMinutes(5), null))
                .withStopAtProvenOptimum(false);
        UUID id = lifecycle.submit(pairing, huge, "huge, stopped", pairing.summary(pairing.problem(huge)), null, null,
                null).id();
        // The first best solution is the empty one at the start of solving; the warm start follows it.
        await().atMost(PATIENCE).until(() -> lifecycle.metadata(pairing, id).score() != null);
        RunMetadata beforeStop = lifecycle.metadata(pairing, id);
        assertThat(((Number) beforeStop.summary().get("pairCount")).intValue()).as("still in the warm start")
                .isZero();
        ResponseEntity<String> stop = delete("pairing-runs", id);
        assertThat(stop.getStatusCode().value()).isEqualTo(202);
        await().atMost(PATIENCE).until(() -> lifecycle.metadata(pairing, id).status().isFinal());
        RunMetadata ended = lifecycle.metadata(pairing, id);
        assertThat(ended.status()).isEqualTo(RunStatus.TERMINATED);
        assertThat(((Number) ended.summary().get("pairCount")).intValue()).isGreaterThan(1_000);
        assertThat(ended.feasible()).isTrue();
        JsonNode result = json(rest.getForEntity("/api/v1/pairing-runs/" + id, String.class).getBody());
        assertThat(result.get("pairs")).hasSize(((Number) ended.summary().get("pairCount")).intValue());
    }

    @Test
    void aFinishedRunIsPurgedOnlyOnceNothingBuiltOnItRemainsAndDerivedRunsNameTheirParent() throws Exception {
        UUID parent = submitPairing(DemoPoolSize.SMALL, "PT1S");
        awaitStatus("pairing-runs", parent, "COMPLETED");
        ResponseEntity<String> duplicated = rest.postForEntity("/api/v1/pairing-runs/" + parent
                + "/duplicate?name=again", null, String.class);
        assertThat(duplicated.getStatusCode().value()).isEqualTo(202);
        UUID copy = UUID.fromString(json(duplicated.getBody()).get("id").asText());
        assertThat(json(duplicated.getBody()).get("parentRunId").asText()).isEqualTo(parent.toString());
        assertThat(json(duplicated.getBody()).get("name").asText()).isEqualTo("again");
        assertThat(json(rest.getForEntity("/api/v1/pairing-runs/" + copy + "/request", String.class).getBody())
                .get("applicants")).hasSize(40);
        awaitStatus("pairing-runs", copy, "COMPLETED");

        ResponseEntity<String> parentWithChild = purge(parent);
        assertThat(parentWithChild.getStatusCode().value()).isEqualTo(409);
        assertThat(json(parentWithChild.getBody()).get("type").asText())
                .isEqualTo("urn:iuc-planner:problem:conflict");
        assertThat(purge(copy).getStatusCode().value()).isEqualTo(204);
        assertThat(rest.getForEntity("/api/v1/pairing-runs/" + copy + "/metadata", String.class).getStatusCode()
                .value()).isEqualTo(404);
        assertThat(purge(parent).getStatusCode().value()).isEqualTo(204);
        assertThat(rest.getForEntity("/api/v1/pairing-runs/" + parent, String.class).getStatusCode().value())
                .isEqualTo(404);

        UUID solving = submitPairing(DemoPoolSize.SMALL, "PT5M");
        ResponseEntity<String> notFinished = purge(solving);
        assertThat(notFinished.getStatusCode().value()).isEqualTo(409);
        assertThat(json(notFinished.getBody()).get("detail").asText()).contains("stop it");
        delete("pairing-runs", solving);
        awaitStatus("pairing-runs", solving, "TERMINATED");
        assertThat(purge(solving).getStatusCode().value()).isEqualTo(204);
    }

    private ResponseEntity<String> purge(UUID id) {
        return rest.postForEntity("/api/v1/pairing-runs/" + id + "/purge", null, String.class);
    }

    // ************************************************************************
    // Helpers
    // ************************************************************************

    static PairingRunRequest small(Duration spent) {
        return DemoDataController.request(DemoPools.generate(DemoPoolSize.SMALL), DemoPoolSize.SMALL)
                .withTermination(new TerminationDto(spent, null));
    }

    private UUID submitPairing(DemoPoolSize size, String spentLimit) throws Exception {
        ObjectNode request = (ObjectNode) json(rest.getForEntity("/api/v1/demo-data/" + size, String.class)
                .getBody());
        request.putObject("termination").put("spentLimit", spentLimit);
        request.put("stopAtProvenOptimum", false); // these runs solve until their limit or a stop
        return UUID.fromString(json(post("/api/v1/pairing-runs", request).getBody()).get("id").asText());
    }

    private UUID submitSchedule() throws Exception {
        JsonNode request = JSON.readTree("""
                {"startDate": "2027-01-04",
                 "pairs": [
                   {"id": "lyon-boston", "region": "NORTH_AMERICA", "language": "en",
                    "euCity": {"id": "lyon", "name": "Lyon", "country": "FR", "latitude": 45.76, "longitude": 4.84},
                    "partnerCity": {"id": "boston", "name": "Boston", "country": "US", "latitude": 42.36,
                                    "longitude": -71.06}}],
                 "experts": [{"id": "anna", "regions": ["NORTH_AMERICA"], "languages": ["en"]}],
                 "termination": {"spentLimit": "PT5M"}}
                """);
        ResponseEntity<String> response = post("/api/v1/schedule-runs", request);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(202);
        return UUID.fromString(json(response.getBody()).get("id").asText());
    }

    private ResponseEntity<String> post(String path, JsonNode body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body.toString(), headers), String.class);
    }

    private ResponseEntity<String> delete(String runs, UUID id) {
        return rest.exchange("/api/v1/" + runs + "/" + id, HttpMethod.DELETE, null, String.class);
    }

    private JsonNode metadata(String runs, UUID id) {
        return json(rest.getForEntity("/api/v1/" + runs + "/" + id + "/metadata", String.class).getBody());
    }

    private JsonNode awaitStatus(String runs, UUID id, String status) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> status.equals(metadata(runs, id).path("status").asText()));
        return metadata(runs, id);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(text, e);
        }
    }
}
