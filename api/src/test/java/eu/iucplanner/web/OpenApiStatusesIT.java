package eu.iucplanner.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.iucplanner.app.IucPlannerApplication;
import eu.iucplanner.identity.persistence.AppUser;
import eu.iucplanner.identity.persistence.AppUserRepository;

/**
 * The OpenAPI document says what the service does: every operation is called so that it answers each of its
 * statuses, and the statuses observed per operation must be exactly those the document lists. 401 and 403 (the
 * security filters') are compared by AccessMatrixIT and 429 (the submission limits) by RateLimitIT; this test calls as
 * the administrator, within the limits.
 */
@SpringBootTest(classes = IucPlannerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "iuc.embedded-db.data-dir=target/it-postgres-openapi-${random.uuid}",
                "iuc.runs.parallel-runs=1", "iuc.pairing.max-applicants=100", "iuc.max-request-bytes=2000000" })
class OpenApiStatusesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAIRING = "/api/v1/pairing-runs";
    private static final String SCHEDULE = "/api/v1/schedule-runs";
    private static final String CALLS = "/api/v1/calls";
    private static final String SCHEDULE_BODY = """
            {"startDate": "2027-01-04", "termination": {"spentLimit": "PT1S"},
             "pairs": [{"id": "lyon-boston", "region": "NORTH_AMERICA", "language": "en",
                "euCity": {"id": "lyon", "name": "Lyon", "country": "FR", "latitude": 45.76, "longitude": 4.84},
                "partnerCity": {"id": "boston", "name": "Boston", "country": "US", "latitude": 42.36,
                                "longitude": -71.06}}],
             "experts": [{"id": "anna", "regions": ["NORTH_AMERICA"], "languages": ["en"]}]}
            """;

    @Autowired
    TestRestTemplate rest;
    @Autowired
    AppUserRepository appUsers;

    private final Map<String, Set<Integer>> observed = new TreeMap<>();

    @Test
    void everyOperationAnswersExactlyTheStatusesItsDocumentationLists() throws Exception {
        String random = UUID.randomUUID().toString();
        ObjectNode small = (ObjectNode) json(rest.getForEntity("/api/v1/demo-data/SMALL", String.class).getBody());
        small.putObject("termination").put("spentLimit", "PT1S");
        String smallCsv = exchange("GET", "/api/v1/demo-data/{name}", "/api/v1/demo-data/SMALL", "text/csv", null,
                null).getBody();
        exchange("GET", "/api/v1/demo-data", "/api/v1/demo-data", null, null, null);
        String cities = "/api/v1/reference/cities";
        exchange("GET", cities, cities + "?name=almada", null, null, null);
        exchange("GET", cities, cities, null, null, null);
        exchange("GET", cities, cities + "?name=almada", "image/png", null, null);
        String regions = "/api/v1/reference/regions";
        exchange("GET", regions, regions + "?name=bavaria", null, null, null);
        exchange("GET", regions, regions + "?country=ZZ", null, null, null);
        exchange("GET", regions, regions + "?country=DE", "image/png", null, null);
        exchange("GET", "/api/v1/demo-data/{name}", "/api/v1/demo-data/SMALL", null, null, null);
        exchange("GET", "/api/v1/demo-data/{name}", "/api/v1/demo-data/NOPE", null, null, null);
        exchange("GET", "/api/v1/demo-data/{name}", "/api/v1/demo-data/SMALL", "image/png", null, null);

        // Pairing runs: one done, one to purge; schedule runs: one done.
        String done = id(exchange("POST", PAIRING, PAIRING, null, "application/json", small.toString()));
        String purgeMe = id(exchange("POST", PAIRING, PAIRING, null, "text/csv", smallCsv));
        exchange("POST", PAIRING, PAIRING, null, "application/json", "{}");
        exchange("POST", PAIRING, PAIRING, null, "text/plain", "hello");
        String medium = exchange("GET", "/api/v1/demo-data/{name}", "/api/v1/demo-data/MEDIUM", "text/csv", null,
                null).getBody();
        exchange("POST", PAIRING, PAIRING, null, "text/csv", medium);
        String schedule = id(exchange("POST", SCHEDULE, SCHEDULE, null, "application/json", SCHEDULE_BODY));
        exchange("POST", SCHEDULE, SCHEDULE, null, "application/json", "{}");
        exchange("POST", SCHEDULE, SCHEDULE, null, "text/plain", "hello");
        exchange("POST", SCHEDULE, SCHEDULE, null, "application/json", "{\"name\":\"" + "x".repeat(2_100_000)
                + "\"}");
        String call = json(exchange("POST", CALLS, CALLS, null, "application/json",
                "{\"name\":\"IURC 2024\",\"rules\":{\"populationThreshold\":50000}}").getBody()).get("id").asText();
        String ofCall = id(exchange("POST", PAIRING, PAIRING, null, "application/json",
                small.deepCopy().put("callId", call).toString()));
        awaitEnded(PAIRING, done);
        awaitEnded(PAIRING, purgeMe);
        awaitEnded(PAIRING, ofCall);
        awaitEnded(SCHEDULE, schedule);
        String fromPairing = id(exchange("POST", SCHEDULE, SCHEDULE, null, "application/json",
                scheduleOf(done).toString()));
        awaitEnded(SCHEDULE, fromPairing);

        // A long run keeps the only solver busy, so the next one waits without a solution.
        ObjectNode longRun = small.deepCopy();
        longRun.putObject("termination").put("spentLimit", "PT5M");
        longRun.put("stopAtProvenOptimum", false); // The proof of optimality would end it at once; it must stay busy.
        String solving = id(exchange("POST", PAIRING, PAIRING, null, "application/json", longRun.toString()));
        String waiting = id(exchange("POST", PAIRING, PAIRING, null, "application/json", longRun.toString()));
        String scheduleWaiting = id(exchange("POST", SCHEDULE, SCHEDULE, null, "application/json", SCHEDULE_BODY));

        for (String[] kind : new String[][] { { PAIRING, done, purgeMe }, { SCHEDULE, schedule, null } }) {
            String base = kind[0];
            exchange("GET", base, base, null, null, null);
            exchange("GET", base, base + "?size=0", null, null, null);
            for (String suffix : new String[] { "", "/metadata", "/events", "/request", "/score-analysis",
                    "/export" }) {
                String template = base + "/{id}" + suffix;
                exchange("GET", template, base + "/" + kind[1] + suffix, suffix.equals("/events")
                        ? "text/event-stream" : null, null, null);
                exchange("GET", template, base + "/" + random + suffix, null, null, null);
            }
            exchange("GET", base + "/{id}", base + "/" + kind[1], "image/png", null, null);
            exchange("POST", base + "/{id}/duplicate", base + "/" + kind[1] + "/duplicate?name=copy", null, null,
                    null);
            exchange("POST", base + "/{id}/duplicate", base + "/" + kind[1] + "/duplicate?name="
                    + "x".repeat(300), null, null, null);
            exchange("POST", base + "/{id}/duplicate", base + "/" + random + "/duplicate", null, null, null);
            exchange("POST", base + "/{id}/purge", base + "/" + random + "/purge", null, null, null);
            exchange("DELETE", base + "/{id}", base + "/" + kind[1], null, null, null);
            exchange("DELETE", base + "/{id}", base + "/" + random, null, null, null);
        }
        exchange("GET", PAIRING + "/csv-template", PAIRING + "/csv-template", null, null, null);
        String validation = PAIRING + "/validation";
        exchange("POST", validation, validation, null, "application/json", small.toString());
        exchange("POST", validation, validation, null, "application/json", "{}");
        exchange("POST", validation, validation, null, "text/csv", smallCsv);
        exchange("POST", validation, validation, null, "text/csv", "id,name\r\na,b\r\n");
        exchange("POST", validation, validation, null, "text/csv", medium);
        exchange("POST", validation, validation, null, "text/plain", "hello");
        exchange("GET", "/api/v1/holidays", "/api/v1/holidays?country=FR&subdivision=FR-ARA&from=2027-01-01"
                + "&to=2027-12-31", null, null, null);
        exchange("GET", "/api/v1/holidays", "/api/v1/holidays?country=ZZ&from=2027-01-01&to=2026-12-31", null,
                null, null);
        exchange("POST", PAIRING + "/{id}/purge", PAIRING + "/" + purgeMe + "/purge", null, null, null);
        exchange("POST", PAIRING + "/{id}/purge", PAIRING + "/" + done + "/purge", null, null, null);

        String euId = json(exchange("GET", PAIRING + "/{id}", PAIRING + "/" + done, null, null, null).getBody())
                .at("/pairs/0/euApplicant/id").asText();
        String recommend = PAIRING + "/{id}/recommendations";
        exchange("POST", recommend, PAIRING + "/" + done + "/recommendations", null, "application/json",
                "{\"applicantId\":\"" + euId + "\",\"limit\":2}");
        exchange("POST", recommend, PAIRING + "/" + done + "/recommendations", null, "application/json", "{}");
        exchange("POST", recommend, PAIRING + "/" + random + "/recommendations", null, "application/json",
                "{\"applicantId\":\"a\"}");
        exchange("POST", recommend, PAIRING + "/" + waiting + "/recommendations", null, "application/json",
                "{\"applicantId\":\"" + euId + "\"}");
        exchange("POST", recommend, PAIRING + "/" + done + "/recommendations", null, "text/plain", "x");
        String rerun = PAIRING + "/{id}/rerun";
        exchange("POST", rerun, PAIRING + "/" + done + "/rerun", null, "application/json",
                "{\"termination\":{\"spentLimit\":\"PT1S\"}}");
        exchange("POST", rerun, PAIRING + "/" + done + "/rerun", null, "application/json",
                "{\"pinnedPairs\":[{\"first\":\"x\",\"second\":\"y\"}]}");
        exchange("POST", rerun, PAIRING + "/" + random + "/rerun", null, "application/json", "{}");
        exchange("POST", rerun, PAIRING + "/" + waiting + "/rerun", null, "application/json", "{}");
        exchange("POST", rerun, PAIRING + "/" + done + "/rerun", null, "application/json",
                "{\"name\":\"" + "x".repeat(2_100_000) + "\"}");
        exchange("POST", rerun, PAIRING + "/" + done + "/rerun", null, "text/plain", "x");
        String calendar = SCHEDULE + "/{id}/calendar.ics";
        exchange("GET", calendar, SCHEDULE + "/" + schedule + "/calendar.ics?pair=lyon-boston", null, null, null);
        exchange("GET", calendar, SCHEDULE + "/" + schedule + "/calendar.ics", null, null, null);
        exchange("GET", calendar, SCHEDULE + "/" + schedule + "/calendar.ics?pair=lyon-boston&expert=anna", null,
                null, null);
        String current = SCHEDULE + "/current/{pairingRunId}";
        exchange("GET", current, SCHEDULE + "/current/" + done, null, null, null);
        exchange("GET", current, SCHEDULE + "/current/" + random, null, null, null);
        exchange("GET", current, SCHEDULE + "/current/" + done, "image/png", null, null);
        exchange("GET", current + "/calendar.ics", SCHEDULE + "/current/" + done + "/calendar.ics", null, null,
                null);
        exchange("GET", current + "/calendar.ics", SCHEDULE + "/current/" + done + "/calendar.ics?pair=a&city=b",
                null, null, null);
        exchange("GET", current + "/calendar.ics", SCHEDULE + "/current/" + random + "/calendar.ics", null, null,
                null);
        String replan = SCHEDULE + "/{id}/replan";
        exchange("POST", replan, SCHEDULE + "/" + schedule + "/replan", null, "application/json",
                "{\"termination\":{\"spentLimit\":\"PT1S\"}}");
        exchange("POST", replan, SCHEDULE + "/" + schedule + "/replan", null, "application/json",
                "{\"cancelledEvents\":[{\"pairId\":\"nope\",\"kind\":\"KICK_OFF\"}]}");
        exchange("POST", replan, SCHEDULE + "/" + random + "/replan", null, "application/json", "{}");
        exchange("POST", replan, SCHEDULE + "/" + scheduleWaiting + "/replan", null, "application/json", "{}");
        exchange("POST", replan, SCHEDULE + "/" + schedule + "/replan", null, "application/json",
                "{\"name\":\"" + "x".repeat(2_100_000) + "\"}");
        exchange("POST", replan, SCHEDULE + "/" + schedule + "/replan", null, "text/plain", "x");
        exchange("DELETE", SCHEDULE + "/{id}", SCHEDULE + "/" + scheduleWaiting, null, null, null);
        exchange("GET", calendar, SCHEDULE + "/" + random + "/calendar.ics?pair=x", null, null, null);
        exchange("GET", SCHEDULE + "/{id}", SCHEDULE + "/" + schedule, "text/csv", null, null);
        exchange("GET", PAIRING + "/{id}", PAIRING + "/" + done, "text/csv", null, null);
        // A run still solving: stopping it answers 202 and purging it 409.
        exchange("POST", PAIRING + "/{id}/purge", PAIRING + "/" + solving + "/purge", null, null, null);
        exchange("DELETE", PAIRING + "/{id}", PAIRING + "/" + solving, null, null, null);
        exchange("DELETE", PAIRING + "/{id}", PAIRING + "/" + waiting, null, null, null);
        String scheduleSolving = id(exchange("POST", SCHEDULE, SCHEDULE, null, "application/json",
                SCHEDULE_BODY.replace("PT1S", "PT5M")));
        exchange("POST", SCHEDULE + "/{id}/purge", SCHEDULE + "/" + scheduleSolving + "/purge", null, null, null);
        exchange("DELETE", SCHEDULE + "/{id}", SCHEDULE + "/" + scheduleSolving, null, null, null);
        awaitEnded(SCHEDULE, scheduleSolving);
        exchange("POST", SCHEDULE + "/{id}/purge", SCHEDULE + "/" + scheduleSolving + "/purge", null, null, null);

        calls(call, ofCall, random);
        identity(random);

        Map<String, Set<Integer>> documented = documented();
        assertThat(observed.keySet()).as("operations called").isEqualTo(documented.keySet());
        documented.forEach((operation, statuses) -> assertThat(observed.get(operation)).as(operation)
                .isEqualTo(statuses));
    }

    /** A schedule of a pairing run's pairs with three experts who speak every language of the demo pools. */
    private static ObjectNode scheduleOf(String pairingRun) {
        ObjectNode request = JSON.createObjectNode();
        request.put("pairingRunId", pairingRun).put("startDate", "2027-01-04");
        com.fasterxml.jackson.databind.node.ArrayNode experts = request.putArray("experts");
        String[] regions = { "NORTH_AMERICA", "LATIN_AMERICA_CARIBBEAN", "ASIA" };
        for (int k = 0; k < 3; k++) {
            ObjectNode expert = experts.addObject().put("id", "expert-" + k).put("maxEventsPerMonth", 6);
            expert.putArray("regions").add(regions[k]).add(regions[(k + 1) % 3]);
            com.fasterxml.jackson.databind.node.ArrayNode languages = expert.putArray("languages");
            for (String language : new String[] { "en", "es", "pt", "fr", "de", "it", "pl", "nl", "ro", "bg", "cs",
                    "hu", "sv", "el", "ja", "zh", "ko", "hi", "id", "ms", "th", "vi", "sk", "sl", "hr", "fi", "da",
                    "lt", "lv", "et", "ga", "mt" }) {
                languages.add(language);
            }
        }
        request.putObject("termination").put("spentLimit", "PT20S").put("unimprovedSpentLimit", "PT3S");
        return request;
    }

    /** Calls: one with a finished run to adopt, one without runs; as the administrator. */
    private void calls(String call, String run, String random) {
        String one = CALLS + "/{id}";
        String decision = CALLS + "/{id}/decision";
        String pairs = decision + "/pairs";
        exchange("POST", CALLS, CALLS, null, "application/json", "{\"name\":\"\"}");
        exchange("POST", CALLS, CALLS, null, "text/plain", "x");
        exchange("GET", CALLS, CALLS, null, null, null);
        exchange("GET", CALLS, CALLS + "?size=0", null, null, null);
        exchange("GET", one, CALLS + "/" + call, null, null, null);
        exchange("GET", one, CALLS + "/" + random, null, null, null);
        exchange("GET", pairs, CALLS + "/" + call + "/decision/pairs", null, null, null);
        exchange("POST", decision, CALLS + "/" + call + "/decision", null, "application/json", "{}");
        exchange("POST", decision, CALLS + "/" + random + "/decision", null, "application/json",
                "{\"pairingRunId\":\"" + run + "\"}");
        exchange("POST", decision, CALLS + "/" + call + "/decision", null, "text/plain", "x");
        exchange("POST", decision, CALLS + "/" + call + "/decision", null, "application/json",
                "{\"pairingRunId\":\"" + run + "\"}");
        exchange("GET", pairs, CALLS + "/" + call + "/decision/pairs", null, null, null);
        exchange("GET", pairs, CALLS + "/" + call + "/decision/pairs", "text/csv", null, null);
        exchange("GET", pairs, CALLS + "/" + call + "/decision/pairs", "image/png", null, null);
        exchange("PUT", one, CALLS + "/" + call, null, "application/json", "{\"name\":\"Renamed\"}");
        exchange("PUT", one, CALLS + "/" + call, null, "application/json", "{\"name\":\"\"}");
        exchange("PUT", one, CALLS + "/" + random, null, "application/json", "{\"name\":\"Renamed\"}");
        exchange("PUT", one, CALLS + "/" + call, null, "text/plain", "x");
        exchange("DELETE", one, CALLS + "/" + call, null, null, null);
        exchange("DELETE", one, CALLS + "/" + random, null, null, null);
        exchange("DELETE", decision, CALLS + "/" + call + "/decision", null, null, null);
        exchange("DELETE", decision, CALLS + "/" + call + "/decision", null, null, null);
        String empty = json(exchange("POST", CALLS, CALLS, null, "application/json", "{\"name\":\"Empty\"}")
                .getBody()).get("id").asText();
        exchange("PUT", one, CALLS + "/" + empty, null, "application/json", "{\"name\":\"Renamed\"}");
        exchange("DELETE", one, CALLS + "/" + empty, null, null, null);
    }

    /** Users, tokens, one's own profile and password, and the audit log, as the administrator. */
    private void identity(String random) {
        exchange("GET", "/api/v1/me", "/api/v1/me", null, null, null);
        exchange("POST", "/api/v1/me/password", "/api/v1/me/password", null, "application/json",
                "{\"currentPassword\":\"wrong\",\"newPassword\":\"another-password-123\"}");
        exchange("POST", "/api/v1/me/password", "/api/v1/me/password", null, "application/json",
                "{\"currentPassword\":\"" + eu.iucplanner.TestCredentials.ADMIN_PASSWORD
                        + "\",\"newPassword\":\"another-password-123\"}");
        exchange("GET", "/api/v1/tokens", "/api/v1/tokens", null, null, null);
        String token = json(exchange("POST", "/api/v1/tokens", "/api/v1/tokens", null, "application/json",
                "{\"name\":\"nightly\"}").getBody()).at("/token/id").asText();
        exchange("POST", "/api/v1/tokens", "/api/v1/tokens", null, "application/json", "{\"name\":\"\"}");
        exchange("DELETE", "/api/v1/tokens/{id}", "/api/v1/tokens/" + token, null, null, null);
        exchange("DELETE", "/api/v1/tokens/{id}", "/api/v1/tokens/" + random, null, null, null);
        exchange("GET", "/api/v1/users", "/api/v1/users", null, null, null);
        String user = json(exchange("POST", "/api/v1/users", "/api/v1/users", null, "application/json",
                "{\"username\":\"maria\",\"password\":\"a-long-enough-password\",\"roles\":[\"VIEWER\"]}")
                .getBody()).get("id").asText();
        exchange("POST", "/api/v1/users", "/api/v1/users", null, "application/json",
                "{\"username\":\"maria\",\"password\":\"a-long-enough-password\"}");
        exchange("POST", "/api/v1/users", "/api/v1/users", null, "application/json", "{\"username\":\"\"}");
        String adminId = json(exchange("GET", "/api/v1/users", "/api/v1/users", null, null, null).getBody())
                .findParents("username").stream().filter(node -> node.get("username").asText().equals("admin"))
                .findFirst().orElseThrow().get("id").asText();
        String users = "/api/v1/users/{id}";
        exchange("PATCH", users, "/api/v1/users/" + user, null, "application/json", "{\"roles\":[\"PLANNER\"]}");
        exchange("PATCH", users, "/api/v1/users/" + user, null, "application/json",
                "{\"displayName\":\"" + "x".repeat(300) + "\"}");
        exchange("PATCH", users, "/api/v1/users/" + random, null, "application/json", "{\"enabled\":false}");
        exchange("PATCH", users, "/api/v1/users/" + adminId, null, "application/json", "{\"enabled\":false}");
        String password = "/api/v1/users/{id}/password";
        exchange("POST", password, "/api/v1/users/" + user + "/password", null, "application/json",
                "{\"password\":\"yet-another-password-1\"}");
        exchange("POST", password, "/api/v1/users/" + user + "/password", null, "application/json",
                "{\"password\":\"short\"}");
        exchange("POST", password, "/api/v1/users/" + random + "/password", null, "application/json",
                "{\"password\":\"yet-another-password-1\"}");
        AppUser provisioned = appUsers.save(new AppUser(UUID.randomUUID(), "oidc-user", null, null, "VIEWER", true,
                AppUser.OIDC, "https://idp.example", "subject-1", java.time.Instant.now(), null, null));
        exchange("POST", password, "/api/v1/users/" + provisioned.id() + "/password", null, "application/json",
                "{\"password\":\"yet-another-password-1\"}");
        exchange("GET", "/api/v1/audit-events", "/api/v1/audit-events", null, null, null);
        exchange("GET", "/api/v1/audit-events", "/api/v1/audit-events?size=500", null, null, null);
    }

    private Map<String, Set<Integer>> documented() {
        JsonNode paths = json(rest.getForEntity("/v3/api-docs", String.class).getBody()).get("paths");
        Map<String, Set<Integer>> documented = new TreeMap<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            Set<Integer> statuses = new TreeSet<>();
            method.getValue().get("responses").fieldNames()
                    .forEachRemaining(code -> statuses.add(Integer.parseInt(code)));
            statuses.removeAll(Set.of(401, 403, 429));
            documented.put(method.getKey().toUpperCase() + " " + path.getKey(), statuses);
        }));
        return documented;
    }

    private ResponseEntity<String> exchange(String method, String template, String url, String accept,
            String contentType, String body) {
        HttpHeaders headers = new HttpHeaders();
        if (accept != null) {
            headers.set(HttpHeaders.ACCEPT, accept);
        }
        if (contentType != null) {
            headers.set(HttpHeaders.CONTENT_TYPE, contentType);
        }
        ResponseEntity<String> response = rest.exchange(url, HttpMethod.valueOf(method),
                new HttpEntity<>(body, headers), String.class);
        observed.computeIfAbsent(method + " " + template, k -> new TreeSet<>())
                .add(response.getStatusCode().value());
        return response;
    }

    private void awaitEnded(String base, String id) {
        await().atMost(Duration.ofMinutes(3)).until(() -> {
            JsonNode metadata = json(rest.getForEntity(base + "/" + id + "/metadata", String.class).getBody());
            return !metadata.path("status").asText().matches("SCHEDULED|SOLVING");
        });
    }

    private static String id(ResponseEntity<String> response) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(202);
        return json(response.getBody()).get("id").asText();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(text, e);
        }
    }
}
