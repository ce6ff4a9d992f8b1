package eu.iucplanner.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.iucplanner.TestCredentials;
import eu.iucplanner.app.IucPlannerApplication;

/**
 * Submission limits per user (runs a minute, runs waiting or solving at once) and login throttling answer 429 with
 * Retry-After as problem details, and recover: the service's clock is moved on instead of waiting.
 */
@SpringBootTest(classes = { IucPlannerApplication.class, RateLimitIT.Clocks.class },
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "iuc.embedded-db.data-dir=target/it-postgres-ratelimit-${random.uuid}",
                "iuc.runs.parallel-runs=1", "iuc.runs.retention-first-check=P1D",
                "iuc.security.submissions-per-minute=4", "iuc.security.runs-in-flight-per-user=2",
                "iuc.security.login-failure-limit=5", "iuc.security.lockout=PT5M" })
class RateLimitIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "a-long-enough-password-42";
    private static final String SCHEDULE_BODY = """
            {"startDate": "2027-01-04", "termination": {"spentLimit": "PT1S"},
             "pairs": [{"id": "lyon-boston", "region": "NORTH_AMERICA", "language": "en",
                "euCity": {"id": "lyon", "name": "Lyon", "country": "FR", "latitude": 45.76, "longitude": 4.84},
                "partnerCity": {"id": "boston", "name": "Boston", "country": "US", "latitude": 42.36,
                                "longitude": -71.06}}],
             "experts": [{"id": "anna", "regions": ["NORTH_AMERICA"], "languages": ["en"]}]}
            """;

    /** A clock the test moves on. */
    static final class MovableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void advance(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    MovableClock clock;

    private String base;
    private Caller admin;
    private ObjectNode pool;

    @BeforeEach
    void setUp() throws Exception {
        base = "http://localhost:" + port;
        admin = Caller.bearer(base, TestCredentials.ADMIN_TOKEN, "admin");
        pool = (ObjectNode) JSON.readTree(admin.send("GET", "/api/v1/demo-data/SMALL", null, null).body());
        pool.putObject("termination").put("spentLimit", "PT1S");
    }

    @Test
    void aUserWithTooManyRunsInFlightIsRefusedUntilOneEnds() throws Exception {
        Caller user = user("inflight", "COORDINATOR");
        ObjectNode slow = pool.deepCopy();
        slow.putObject("termination").put("spentLimit", "PT5M");
        slow.put("stopAtProvenOptimum", false); // The proof of optimality would end it at once; it must stay busy.
        String solving = id(user.send("POST", "/api/v1/pairing-runs", "application/json", slow.toString()));
        String waiting = id(user.send("POST", "/api/v1/pairing-runs", "application/json", slow.toString()));

        HttpResponse<String> refused = user.send("POST", "/api/v1/pairing-runs", "application/json",
                pool.toString());
        assertRateLimited(refused, "runs wait or solve");
        assertThat(admin.send("POST", "/api/v1/pairing-runs", "application/json", pool.toString()).statusCode())
                .as("another user is not limited by this one's runs").isEqualTo(202);

        assertThat(user.send("DELETE", "/api/v1/pairing-runs/" + waiting, null, null).statusCode()).isIn(200, 202);
        HttpResponse<String> accepted = user.send("POST", "/api/v1/pairing-runs", "application/json",
                pool.toString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        user.send("DELETE", "/api/v1/pairing-runs/" + solving, null, null);
        awaitEnded(user, "pairing-runs", id(accepted));
        awaitEnded(user, "pairing-runs", solving);
    }

    @Test
    void everySubmissionOperationAnswers429PastTheRateAndRecoversAMinuteLater() throws Exception {
        Caller user = user("rate", "COORDINATOR\",\"PLANNER");
        String pairing = id(user.send("POST", "/api/v1/pairing-runs", "application/json", pool.toString()));
        awaitEnded(user, "pairing-runs", pairing);
        String schedule = id(user.send("POST", "/api/v1/schedule-runs", "application/json", SCHEDULE_BODY));
        awaitEnded(user, "schedule-runs", schedule);
        String csv = admin.send("GET", "/api/v1/demo-data/SMALL", null, null, "text/csv").body();
        awaitEnded(user, "pairing-runs", id(user.send("POST", "/api/v1/pairing-runs?spentLimit=PT1S", "text/csv",
                csv)));
        awaitEnded(user, "pairing-runs", id(user.send("POST", "/api/v1/pairing-runs/" + pairing + "/duplicate",
                null, null)));

        Map<String, Supplier<HttpResponse<String>>> submissions = new LinkedHashMap<>();
        submissions.put("POST /api/v1/pairing-runs", () -> user.send("POST", "/api/v1/pairing-runs",
                "application/json", pool.toString()));
        submissions.put("POST /api/v1/pairing-runs/{id}/rerun", () -> user.send("POST", "/api/v1/pairing-runs/"
                + pairing + "/rerun", "application/json", "{}"));
        submissions.put("POST /api/v1/pairing-runs/{id}/duplicate", () -> user.send("POST",
                "/api/v1/pairing-runs/" + pairing + "/duplicate", null, null));
        submissions.put("POST /api/v1/schedule-runs", () -> user.send("POST", "/api/v1/schedule-runs",
                "application/json", SCHEDULE_BODY));
        submissions.put("POST /api/v1/schedule-runs/{id}/replan", () -> user.send("POST", "/api/v1/schedule-runs/"
                + schedule + "/replan", "application/json", "{}"));
        submissions.put("POST /api/v1/schedule-runs/{id}/duplicate", () -> user.send("POST",
                "/api/v1/schedule-runs/" + schedule + "/duplicate", null, null));
        assertThat(submissions.keySet()).as("the operations documented with 429").isEqualTo(documented429());
        for (Map.Entry<String, Supplier<HttpResponse<String>>> submission : submissions.entrySet()) {
            assertRateLimited(submission.getValue().get(), "in the last minute");
        }
        assertRateLimited(user.send("POST", "/api/v1/pairing-runs?spentLimit=PT1S", "text/csv", csv),
                "in the last minute");

        clock.advance(Duration.ofSeconds(61));
        HttpResponse<String> accepted = submissions.get("POST /api/v1/pairing-runs").get();
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        awaitEnded(user, "pairing-runs", id(accepted));
    }

    @Test
    void repeatedFailedLoginsLockTheNameForAWhileWhateverThePassword() throws Exception {
        user("throttled", "VIEWER");
        Caller other = user("bystander", "VIEWER");
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(Caller.basic(base, "throttled", "wrong-password-" + attempt).send("GET", "/api/v1/me", null,
                    null).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = Caller.basic(base, "throttled", PASSWORD).send("GET", "/api/v1/me", null,
                null);
        assertRateLimited(locked, "too many failed logins");
        HttpResponse<String> form = Caller.browser(base, "throttled's browser").login("throttled", PASSWORD);
        assertThat(form.headers().firstValue("Location").orElseThrow()).as("the login form too").contains("error");
        assertThat(other.send("GET", "/api/v1/me", null, null).statusCode()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(Caller.basic(base, "throttled", PASSWORD).send("GET", "/api/v1/me", null, null).statusCode())
                .isEqualTo(200);
        JsonNode audit = JSON.readTree(admin.send("GET", "/api/v1/audit-events?size=200", null, null).body());
        assertThat(audit.get("content")).filteredOn(entry -> entry.get("action").asText().equals("LOGIN_FAILED"))
                .extracting(entry -> entry.get("actor").asText()).contains("throttled");
    }

    private Set<String> documented429() throws Exception {
        JsonNode paths = JSON.readTree(admin.send("GET", "/v3/api-docs", null, null).body()).get("paths");
        Set<String> operations = new TreeSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (method.getValue().get("responses").has("429")) {
                operations.add(method.getKey().toUpperCase() + " " + path.getKey());
            }
        }));
        return new TreeSet<>(operations);
    }

    private static void assertRateLimited(HttpResponse<String> answer, String detail) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(429);
        assertThat(answer.headers().firstValue("Retry-After")).hasValueSatisfying(
                value -> assertThat(Integer.parseInt(value)).isPositive());
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("type").asText()).endsWith("rate-limited");
        assertThat(problem.get("detail").asText()).containsIgnoringCase(detail);
    }

    private Caller user(String name, String roles) {
        HttpResponse<String> created = admin.send("POST", "/api/v1/users", "application/json",
                "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"" + roles + "\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Caller.basic(base, name, PASSWORD);
    }

    private static String id(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        return JSON.readTree(answer.body()).get("id").asText();
    }

    private static void awaitEnded(Caller caller, String kind, String id) {
        await().atMost(Duration.ofMinutes(3)).until(() -> !JSON.readTree(caller.send("GET", "/api/v1/" + kind + "/"
                + id + "/metadata", null, null).body()).get("status").asText().matches("SCHEDULED|SOLVING"));
    }
}
