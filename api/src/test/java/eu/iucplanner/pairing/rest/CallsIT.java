package eu.iucplanner.pairing.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.iucplanner.TestCredentials;
import eu.iucplanner.run.service.RunRetention;

/**
 * Calls as a resource, over HTTP: a call holds its rules and groups its runs; one run is adopted as its decision
 * (audited, replaced, withdrawn); a schedule, the decision's export and the retention default to the adopted run; bad
 * input answers problem details naming each offending field.
 */
class CallsIT extends PairingApiTestSupport {

    private static final String CALLS = "/api/v1/calls";
    private static final String SCHEDULES = "/api/v1/schedule-runs";

    @Autowired
    RunRetention retention;

    @Test
    void aCallGroupsItsRunsAndSchedulesExportsAndRetentionDefaultToItsAdoptedRun() throws Exception {
        // The call, with the SMALL demo's rules but a lower threshold: runs without rules of their own take them.
        ObjectNode pool = demo("SMALL");
        ObjectNode rules = ((ObjectNode) pool.remove("call")).put("populationThreshold", 60_000);
        pool.remove("name");
        pool.putObject("termination").put("spentLimit", "PT10S");
        ObjectNode callBody = JSON.createObjectNode().put("name", "IURC 2024, Asia round")
                .put("description", "Second round.");
        callBody.set("rules", rules);
        ResponseEntity<String> created = postJson(CALLS, callBody);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        String callId = json(created.getBody()).get("id").asText();
        assertThat(created.getHeaders().getLocation().getPath()).isEqualTo(CALLS + "/" + callId);
        assertThat(json(created.getBody()).at("/rules/populationThreshold").asLong()).isEqualTo(60_000);

        UUID first = submit(pool.deepCopy().put("callId", callId));
        UUID second = submit(pool.deepCopy().put("callId", callId).put("name", "Second try"));
        for (UUID run : List.of(first, second)) {
            JsonNode metadata = awaitEnded(run);
            assertThat(metadata.get("callId").asText()).isEqualTo(callId);
            assertThat(metadata.get("feasible").asBoolean()).as(metadata.toString()).isTrue();
        }
        JsonNode stored = json(rest.getForEntity(RUNS + "/" + first + "/request", String.class).getBody());
        assertThat(stored.at("/call/populationThreshold").asLong()).as("the call's rules").isEqualTo(60_000);
        assertThat(stored.get("callId").asText()).isEqualTo(callId);
        assertThat(metadata(first).get("name").asText()).as("the call's name").isEqualTo("IURC 2024, Asia round");

        JsonNode call = get(CALLS + "/" + callId);
        assertThat(call.get("runCount").asInt()).isEqualTo(2);
        assertThat(call.get("runs")).extracting(run -> run.get("id").asText())
                .containsExactly(second.toString(), first.toString());
        assertThat(call.has("decision")).isFalse();
        assertThat(get(CALLS + "?size=200").get("content")).extracting(item -> item.get("id").asText())
                .contains(callId);

        // Nothing adopted yet: no export, no schedule from the call.
        assertProblem(exchange("GET", CALLS + "/" + callId + "/decision/pairs", null), 404);
        assertFields(postJson(SCHEDULES, schedule().put("callId", callId)), "callId");
        assertProblem(exchange("DELETE", CALLS + "/" + callId + "/decision", null), 404);

        // Adopt the second run, then replace it with the first; each adoption is audited.
        JsonNode adopted = json(adopt(callId, second).getBody());
        assertThat(adopted.at("/decision/pairingRunId").asText()).isEqualTo(second.toString());
        ResponseEntity<String> replaced = adopt(callId, first);
        assertThat(replaced.getStatusCode().value()).as(replaced.getBody()).isEqualTo(200);
        JsonNode decision = json(replaced.getBody()).get("decision");
        assertThat(decision.get("pairingRunId").asText()).isEqualTo(first.toString());
        assertThat(decision.get("adoptedBy").asText()).isEqualTo(TestCredentials.ADMIN);
        assertThat(Instant.parse(decision.get("adoptedAt").asText())).isBefore(Instant.now().plusSeconds(60));
        assertThat(json(replaced.getBody()).get("runs")).filteredOn(run -> run.get("adopted").asBoolean())
                .extracting(run -> run.get("id").asText()).containsExactly(first.toString());
        List<String> details = new ArrayList<>();
        audit(callId).forEach(entry -> {
            if (entry.get("action").asText().equals("CALL_DECISION_ADOPT")) {
                assertThat(entry.get("actor").asText()).isEqualTo(TestCredentials.ADMIN);
                details.add(entry.get("detail").asText());
            }
        });
        assertThat(details).hasSize(2);
        assertThat(details.get(0)).contains("adopted pairing run " + first, "replacing pairing run " + second);
        assertThat(audit(callId)).extracting(entry -> entry.get("action").asText()).contains("CALL_CREATE");

        // Rules are fixed while a run is adopted; a call with runs is not removed.
        assertProblem(exchange("PUT", CALLS + "/" + callId, callBody.toString()), 409);
        assertProblem(exchange("DELETE", CALLS + "/" + callId, null), 409);

        // The export serves the adopted run's result.
        ResponseEntity<String> pairs = exchange("GET", CALLS + "/" + callId + "/decision/pairs", null);
        assertThat(pairs.getStatusCode().value()).isEqualTo(200);
        assertThat(pairs.getHeaders().getFirst(HttpHeaders.CONTENT_LOCATION)).isEqualTo(RUNS + "/" + first);
        assertThat(json(pairs.getBody()).get("pairs"))
                .isEqualTo(json(rest.getForEntity(RUNS + "/" + first, String.class).getBody()).get("pairs"));
        assertThat(csv(CALLS + "/" + callId + "/decision/pairs")).isEqualTo(csv(RUNS + "/" + first));

        // A schedule from the call builds on the adopted run.
        ResponseEntity<String> scheduled = postJson(SCHEDULES, schedule().put("callId", callId));
        assertThat(scheduled.getStatusCode().value()).as(scheduled.getBody()).isEqualTo(202);
        String schedule = json(scheduled.getBody()).get("id").asText();
        assertThat(json(scheduled.getBody()).get("sourceRunId").asText()).isEqualTo(first.toString());
        JsonNode scheduleRequest = get(SCHEDULES + "/" + schedule + "/request");
        assertThat(scheduleRequest.get("pairingRunId").asText()).isEqualTo(first.toString());
        assertThat(scheduleRequest.get("callId").asText()).isEqualTo(callId);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> !get(SCHEDULES + "/"
                + schedule + "/metadata").get("status").asText().matches("SCHEDULED|SOLVING"));

        // A purge of the adopted run is refused; the retention keeps it and the schedule built on it.
        ResponseEntity<String> purge = exchange("POST", RUNS + "/" + first + "/purge", null);
        assertProblem(purge, 409);
        assertThat(json(purge.getBody()).get("detail").asText()).contains("adopted decision of call",
                callId);
        backdate(first.toString(), second.toString(), schedule);
        retention.purge();
        assertThat(status(RUNS + "/" + second + "/metadata")).as("not adopted: removed").isEqualTo(404);
        assertThat(status(RUNS + "/" + first + "/metadata")).as("adopted: kept").isEqualTo(200);
        assertThat(status(SCHEDULES + "/" + schedule + "/metadata")).as("built on it: kept").isEqualTo(200);

        // Withdrawn: audited, no decision, and the retention removes the schedule and the run; then the call goes.
        ResponseEntity<String> withdrawn = exchange("DELETE", CALLS + "/" + callId + "/decision", null);
        assertThat(withdrawn.getStatusCode().value()).as(withdrawn.getBody()).isEqualTo(204);
        assertThat(get(CALLS + "/" + callId).has("decision")).isFalse();
        assertThat(audit(callId)).extracting(entry -> entry.get("action").asText())
                .contains("CALL_DECISION_WITHDRAW");
        assertFields(postJson(SCHEDULES, schedule().put("callId", callId)), "callId");
        retention.purge();
        retention.purge();
        assertThat(status(SCHEDULES + "/" + schedule + "/metadata")).isEqualTo(404);
        assertThat(status(RUNS + "/" + first + "/metadata")).isEqualTo(404);
        assertThat(get(CALLS + "/" + callId).get("runCount").asInt()).isZero();
        assertThat(exchange("DELETE", CALLS + "/" + callId, null).getStatusCode().value()).isEqualTo(204);
        assertThat(status(CALLS + "/" + callId)).isEqualTo(404);
        assertThat(audit(callId)).extracting(entry -> entry.get("action").asText()).contains("CALL_DELETE");
    }

    @Test
    void badInputAnswersProblemDetailsNamingEachField() throws Exception {
        String random = UUID.randomUUID().toString();
        assertFields(postJson(CALLS, "{}"), "name");
        assertFields(postJson(CALLS, "{\"name\":\"x\",\"rules\":{\"populationThreshold\":-1}}"),
                "rules.populationThreshold");
        assertFields(postJson(CALLS, "{\"name\":\"x\",\"rule\":{}}"), "rule");
        assertFields(exchange("GET", CALLS + "?size=0", null), "size");
        String callId = json(postJson(CALLS, "{\"name\":\"Empty call\"}").getBody()).get("id").asText();
        assertThat(get(CALLS + "/" + callId).has("rules")).isTrue();
        assertFields(exchange("PUT", CALLS + "/" + callId, "{\"name\":\"\"}"), "name");
        assertThat(exchange("PUT", CALLS + "/" + callId, "{\"name\":\"Renamed\",\"rules\":{\"populationThreshold\":"
                + "50000}}").getStatusCode().value()).isEqualTo(200);
        assertThat(get(CALLS + "/" + callId).at("/rules/populationThreshold").asLong()).isEqualTo(50_000);
        assertProblem(exchange("PUT", CALLS + "/" + random, "{\"name\":\"x\"}"), 404);
        assertProblem(exchange("GET", CALLS + "/" + random, null), 404);
        assertProblem(exchange("DELETE", CALLS + "/" + random, null), 404);

        ObjectNode pool = demo("SMALL").put("callId", random);
        assertFields(postJson(RUNS, pool), "callId");
        assertFields(postJson(RUNS + "/validation", pool), "callId");
        assertFields(postJson(SCHEDULES, schedule().put("callId", random)), "callId");
        assertFields(postJson(SCHEDULES, schedule().put("callId", callId).put("pairingRunId", random)), "callId");

        String decision = CALLS + "/" + callId + "/decision";
        assertFields(postJson(decision, "{}"), "pairingRunId");
        assertFields(postJson(decision, "{\"pairingRunId\":\"not-an-id\"}"), "pairingRunId");
        assertFields(postJson(decision, "{\"pairingRunId\":\"" + random + "\"}"), "pairingRunId");
        assertProblem(postJson(CALLS + "/" + random + "/decision", "{\"pairingRunId\":\"" + random + "\"}"), 404);
        UUID notOfTheCall = submit(demo("SMALL").put("name", "no call"));
        assertFields(postJson(decision, "{\"pairingRunId\":\"" + notOfTheCall + "\"}"), "pairingRunId");
        assertThat(exchange("DELETE", CALLS + "/" + callId, null).getStatusCode().value()).isEqualTo(204);
        awaitEnded(notOfTheCall);
    }

    private ResponseEntity<String> adopt(String callId, UUID run) {
        return postJson(CALLS + "/" + callId + "/decision", "{\"pairingRunId\":\"" + run + "\"}");
    }

    private JsonNode awaitEnded(UUID run) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> !metadata(run).get("status").asText().matches("SCHEDULED|SOLVING"));
        return metadata(run);
    }

    private JsonNode audit(String target) {
        return get("/api/v1/audit-events?size=200&target=" + target).get("content");
    }

    private void backdate(String... runs) {
        Timestamp fourYearsAgo = Timestamp.from(Instant.now().minus(4 * 366, ChronoUnit.DAYS));
        for (String run : runs) {
            jdbc.update("UPDATE run SET submitted_at = ? WHERE id = ?::uuid", fourYearsAgo, run);
        }
    }

    /** A schedule request without its pairs, with experts who speak every language of the demo pools. */
    private static ObjectNode schedule() {
        ObjectNode request = JSON.createObjectNode().put("startDate", "2027-01-04");
        ArrayNode experts = request.putArray("experts");
        String[] regions = { "NORTH_AMERICA", "LATIN_AMERICA_CARIBBEAN", "ASIA" };
        for (int k = 0; k < 3; k++) {
            ObjectNode expert = experts.addObject().put("id", "expert-" + k).put("maxEventsPerMonth", 6);
            expert.putArray("regions").add(regions[k]).add(regions[(k + 1) % 3]);
            ArrayNode languages = expert.putArray("languages");
            for (String language : List.of("en", "es", "pt", "fr", "de", "it", "pl", "nl", "ro", "bg", "cs", "hu",
                    "sv", "el", "ja", "zh", "ko", "hi", "id", "ms", "th", "vi", "sk", "sl", "hr", "fi", "da", "lt",
                    "lv", "et", "ga", "mt")) {
                languages.add(language);
            }
        }
        request.putObject("termination").put("spentLimit", "PT20S").put("unimprovedSpentLimit", "PT3S");
        return request;
    }

    private JsonNode get(String path) {
        ResponseEntity<String> response = exchange("GET", path, null);
        assertThat(response.getStatusCode().value()).as(path + ": " + response.getBody()).isEqualTo(200);
        return json(response.getBody());
    }

    private int status(String path) {
        return exchange("GET", path, null).getStatusCode().value();
    }

    private String csv(String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, "text/csv");
        ResponseEntity<String> response = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers),
                String.class);
        assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
        return response.getBody();
    }

    private ResponseEntity<String> exchange(String method, String path, String jsonBody) {
        HttpHeaders headers = new HttpHeaders();
        if (jsonBody != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return rest.exchange(path, HttpMethod.valueOf(method), new HttpEntity<>(jsonBody, headers), String.class);
    }

    private static void assertProblem(ResponseEntity<String> response, int status) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(String.valueOf(response.getHeaders().getContentType())).startsWith("application/problem+json");
        assertThat(json(response.getBody()).get("status").asInt()).isEqualTo(status);
    }

    /** A 400 problem detail whose errors name exactly these fields. */
    private static void assertFields(ResponseEntity<String> response, String... fields) {
        assertProblem(response, 400);
        assertThat(json(response.getBody()).get("errors")).extracting(error -> error.get("field").asText())
                .as(response.getBody()).containsExactlyInAnyOrder(fields);
    }
}
