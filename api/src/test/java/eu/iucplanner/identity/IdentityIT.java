package eu.iucplanner.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.iucplanner.TestCredentials;
import eu.iucplanner.app.IucPlannerApplication;
import eu.iucplanner.identity.service.AuditRetention;
import eu.iucplanner.run.service.RunRetention;

/**
 * CSRF for cookie sessions, security headers on every kind of answer, personal data hidden from the roles that may
 * not see it, the retention of runs and of the audit log, and the audit log's append-only table.
 */
@SpringBootTest(classes = IucPlannerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "iuc.embedded-db.data-dir=target/it-postgres-identity-${random.uuid}",
                "iuc.runs.parallel-runs=1", "iuc.runs.retention-first-check=P1D" })
class IdentityIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "a-long-enough-password-42";
    private static final String CONTACT = "Maria Rossi, maria.rossi@example.org, +39 055 0000000";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RunRetention runRetention;
    @Autowired
    AuditRetention auditRetention;

    private String base;
    private Caller admin;

    @BeforeEach
    void setUp() {
        base = "http://localhost:" + port;
        admin = Caller.bearer(base, TestCredentials.ADMIN_TOKEN, "admin");
    }

    @Test
    void aCookieSessionChangesNothingWithoutItsCsrfTokenAndALoginNeedsOneToo() throws Exception {
        createUser("csrf-coordinator", "COORDINATOR");
        Caller browser = Caller.session(base, "csrf-coordinator", PASSWORD);
        int runsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM run", Integer.class);
        ObjectNode pool = (ObjectNode) JSON.readTree(admin.send("GET", "/api/v1/demo-data/SMALL", null, null).body());
        pool.putObject("termination").put("spentLimit", "PT1S");
        HttpResponse<String> refused = browser.send("POST", "/api/v1/pairing-runs", "application/json",
                pool.toString(), null, false);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).get("detail").asText()).contains("CSRF");
        assertThat(browser.send("DELETE", "/api/v1/tokens/00000000-0000-0000-0000-000000000000", null, null, null,
                false).statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM run", Integer.class)).isEqualTo(runsBefore);
        HttpResponse<String> accepted = browser.send("POST", "/api/v1/pairing-runs", "application/json",
                pool.toString());
        assertThat(accepted.statusCode()).as("with the token the page echoes").isEqualTo(202);
        awaitEnded(JSON.readTree(accepted.body()).get("id").asText());

        Caller stranger = Caller.browser(base, "a login form posted from elsewhere");
        String form = "username=csrf-coordinator&password=" + PASSWORD;
        HttpResponse<String> forged = stranger.send("POST", "/login", "application/x-www-form-urlencoded", form,
                null, false);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(stranger.cookie("SESSION")).as("no session from a login without the CSRF token")
                .satisfiesAnyOf(cookie -> assertThat(cookie).isEmpty(),
                        cookie -> assertThat(stranger.send("GET", "/api/v1/me", null, null).statusCode())
                                .isEqualTo(401));
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        createUser("headers-viewer", "VIEWER");
        Caller browser = Caller.session(base, "headers-viewer", PASSWORD);
        Map<String, HttpResponse<String>> answers = Map.of(
                "the page", browser.send("GET", "/", null, null, "text/html"),
                "the login page", Caller.anonymous(base).send("GET", "/login.html", null, null, "text/html"),
                "the API", browser.send("GET", "/api/v1/me", null, null),
                "a 404 problem", browser.send("GET", "/api/v1/pairing-runs/00000000-0000-0000-0000-000000000000",
                        null, null),
                "a 401 problem", Caller.anonymous(base).send("GET", "/api/v1/pairing-runs", null, null),
                "a 403 problem", browser.send("GET", "/api/v1/users", null, null),
                "a 400 problem", browser.send("GET", "/api/v1/pairing-runs?size=0", null, null),
                "a script", browser.send("GET", "/js/app/main.js", null, null, "*/*"));
        answers.forEach((what, answer) -> {
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as(what).hasValueSatisfying(csp -> {
                assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'")
                        .contains("script-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            });
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
            assertThat(answer.headers().firstValue("X-Frame-Options")).as(what).hasValue("DENY");
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(what).hasValue("same-origin");
            assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).as(what).isEmpty();
        });
        assertThat(answers.get("the page").statusCode()).isEqualTo(200);
        assertThat(answers.get("the page").body()).doesNotContain("<script>").doesNotContain("<style")
                .doesNotContain(" style=").doesNotContain(" onclick=");
        HttpResponse<String> preflight = Caller.anonymous(base).send("OPTIONS", "/api/v1/pairing-runs", null, null);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).as("CORS is off").isEmpty();
        HttpResponse<String> anonymousPage = Caller.anonymous(base).send("GET", "/", null, null, "text/html");
        assertThat(anonymousPage.statusCode()).as("a browser is sent to the login page").isEqualTo(302);
        assertThat(anonymousPage.headers().firstValue("Location").orElseThrow()).endsWith("/login.html");
    }

    @Test
    void leadAuthorityContactsReachOnlyCoordinatorsAndAdministrators() throws Exception {
        ObjectNode pool = (ObjectNode) JSON.readTree(admin.send("GET", "/api/v1/demo-data/SMALL", null, null).body());
        for (JsonNode applicant : (ArrayNode) pool.get("applicants")) {
            ((ObjectNode) applicant).put("leadAuthorityContact", CONTACT);
        }
        pool.putObject("termination").put("spentLimit", "PT1S");
        createUser("pd-coordinator", "COORDINATOR");
        Caller coordinator = Caller.bearer(base, token("pd-coordinator"), "coordinator");
        HttpResponse<String> submitted = coordinator.send("POST", "/api/v1/pairing-runs", "application/json",
                pool.toString());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = JSON.readTree(submitted.body()).get("id").asText();
        awaitEnded(id);

        List<String> reads = List.of("/request", "/export", "", "/score-analysis", "/metadata");
        for (String role : List.of("VIEWER", "PLANNER", "ANALYST")) {
            createUser("pd-" + role.toLowerCase(), role);
            Caller reader = Caller.bearer(base, token("pd-" + role.toLowerCase()), role);
            for (String read : reads) {
                HttpResponse<String> answer = reader.send("GET", "/api/v1/pairing-runs/" + id + read, null, null);
                assertThat(answer.statusCode()).as(role + " " + read).isEqualTo(200);
                assertThat(answer.body()).as(role + " " + read).doesNotContain("maria.rossi")
                        .doesNotContain("Maria Rossi");
            }
            HttpResponse<String> csv = reader.send("GET", "/api/v1/pairing-runs/" + id, null, null, "text/csv");
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.body()).as(role + " CSV").isNotBlank().doesNotContain("maria.rossi");
            JsonNode request = JSON.readTree(reader.send("GET", "/api/v1/pairing-runs/" + id + "/request", null,
                    null).body());
            assertThat(request.get("applicants")).as("the pool is there, without the contacts").hasSize(
                    pool.get("applicants").size()).allSatisfy(a -> assertThat(a.has("leadAuthorityContact")).isFalse());
        }
        for (Caller allowed : List.of(coordinator, admin)) {
            assertThat(allowed.send("GET", "/api/v1/pairing-runs/" + id + "/request", null, null).body())
                    .as(allowed.toString()).contains("maria.rossi@example.org");
            assertThat(allowed.send("GET", "/api/v1/pairing-runs/" + id + "/export", null, null).body())
                    .as(allowed.toString()).contains("maria.rossi@example.org");
        }
        JsonNode audit = JSON.readTree(admin.send("GET", "/api/v1/audit-events?target=" + id + "&size=200", null,
                null).body()).get("content");
        assertThat(audit).extracting(entry -> entry.get("action").asText()).contains("SUBMIT", "EXPORT");
        assertThat(audit).filteredOn(entry -> entry.get("action").asText().equals("EXPORT"))
                .extracting(entry -> entry.get("actor").asText())
                .contains("pd-viewer", "pd-planner", "pd-analyst", "pd-coordinator", TestCredentials.ADMIN);
    }

    @Test
    void retentionRemovesExactlyTheRunsPastItAndAuditsEachRemoval() throws Exception {
        ObjectNode pool = (ObjectNode) JSON.readTree(admin.send("GET", "/api/v1/demo-data/SMALL", null, null).body());
        pool.putObject("termination").put("spentLimit", "PT1S");
        String old = submit(pool, "old");
        String oldWithYoungChild = submit(pool, "old, with a young duplicate");
        String young = submit(pool, "young");
        List.of(old, oldWithYoungChild, young).forEach(this::awaitEnded);
        HttpResponse<String> child = admin.send("POST", "/api/v1/pairing-runs/" + oldWithYoungChild
                + "/duplicate?name=child", null, null);
        String childId = JSON.readTree(child.body()).get("id").asText();
        awaitEnded(childId);
        Timestamp fourYearsAgo = Timestamp.from(Instant.now().minus(4 * 366, ChronoUnit.DAYS));
        jdbc.update("UPDATE run SET submitted_at = ? WHERE id IN (?::uuid, ?::uuid)", fourYearsAgo, old,
                oldWithYoungChild);

        assertThat(runRetention.purge()).isEqualTo(1);

        assertThat(admin.send("GET", "/api/v1/pairing-runs/" + old + "/metadata", null, null).statusCode())
                .isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM run_payload WHERE run_id = ?::uuid", Integer.class,
                old)).isZero();
        for (String kept : List.of(oldWithYoungChild, young, childId)) {
            assertThat(admin.send("GET", "/api/v1/pairing-runs/" + kept + "/metadata", null, null).statusCode())
                    .as(kept).isEqualTo(200);
        }
        JsonNode audit = JSON.readTree(admin.send("GET", "/api/v1/audit-events?target=" + old, null, null).body());
        assertThat(audit.get("content")).extracting(entry -> entry.get("action").asText())
                .contains("RETENTION_PURGE");
        assertThat(runRetention.purge()).as("nothing more is old").isZero();
    }

    @Test
    void theAuditLogRefusesChangesAndKeepsEntriesOnlyAsLongAsItsRetention() throws Exception {
        jdbc.update("INSERT INTO audit_event (at, actor, action, target_type, target_id) VALUES (?, 'someone', "
                + "'LOGIN', 'user', 'someone')", Timestamp.from(Instant.now().minus(6 * 366, ChronoUnit.DAYS)));
        jdbc.update("INSERT INTO audit_event (at, actor, action, target_type, target_id) VALUES (?, 'someone', "
                + "'LOGIN', 'user', 'recent')", Timestamp.from(Instant.now().minus(10, ChronoUnit.DAYS)));
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_event WHERE actor = 'someone'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("UPDATE audit_event SET actor = 'nobody' WHERE actor = 'someone'"))
                .hasMessageContaining("append-only");

        assertThat(auditRetention.purge()).isEqualTo(1);

        assertThat(jdbc.queryForList("SELECT target_id FROM audit_event WHERE actor = 'someone'", String.class))
                .containsExactly("recent");
        JsonNode audit = JSON.readTree(admin.send("GET", "/api/v1/audit-events", null, null).body());
        assertThat(audit.get("content").get(0).get("action").asText()).isEqualTo("AUDIT_RETENTION_PURGE");
    }

    @Test
    void anAnalystsRunsAreMarkedAndSchedulesBuildOnThemOnlyWhenAsked() throws Exception {
        createUser("what-if-analyst", "ANALYST");
        createUser("what-if-planner", "PLANNER");
        Caller analyst = Caller.bearer(base, token("what-if-analyst"), "analyst");
        Caller planner = Caller.bearer(base, token("what-if-planner"), "planner");
        ObjectNode pool = (ObjectNode) JSON.readTree(admin.send("GET", "/api/v1/demo-data/SMALL", null, null).body());
        pool.putObject("termination").put("spentLimit", "PT1S");
        HttpResponse<String> submitted = analyst.send("POST", "/api/v1/pairing-runs", "application/json",
                pool.toString());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        JsonNode run = JSON.readTree(submitted.body());
        assertThat(run.get("analysis").asBoolean()).isTrue();
        assertThat(run.get("submittedBy").asText()).isEqualTo("what-if-analyst");
        awaitEnded(run.get("id").asText());

        String schedule = "{\"pairingRunId\":\"" + run.get("id").asText() + "\",\"startDate\":\"2027-01-04\","
                + "\"experts\":[{\"id\":\"anna\",\"regions\":[\"NORTH_AMERICA\",\"ASIA\","
                + "\"LATIN_AMERICA_CARIBBEAN\"],\"languages\":[\"en\",\"es\",\"pt\",\"fr\",\"de\",\"it\","
                + "\"ja\",\"zh\",\"ko\"]}],\"termination\":{\"spentLimit\":\"PT1S\"}}";
        HttpResponse<String> refused = planner.send("POST", "/api/v1/schedule-runs", "application/json", schedule);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).at("/errors/0/field").asText()).isEqualTo("pairingRunId");
        assertThat(JSON.readTree(refused.body()).at("/errors/0/message").asText()).contains("analysis");
        HttpResponse<String> asked = planner.send("POST", "/api/v1/schedule-runs?fromAnalysisRun=true",
                "application/json", schedule);
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        String scheduleId = JSON.readTree(asked.body()).get("id").asText();
        await().atMost(Duration.ofMinutes(3)).until(() -> !JSON.readTree(planner.send("GET", "/api/v1/schedule-runs/"
                + scheduleId + "/metadata", null, null).body()).get("status").asText().matches("SCHEDULED|SOLVING"));

        HttpResponse<String> coordinators = admin.send("POST", "/api/v1/pairing-runs", "application/json",
                pool.toString());
        assertThat(JSON.readTree(coordinators.body()).has("analysis")).as("a coordinator's run is no analysis")
                .isFalse();
        awaitEnded(JSON.readTree(coordinators.body()).get("id").asText());
    }

    private String submit(ObjectNode pool, String name) throws Exception {
        pool.put("name", name);
        HttpResponse<String> submitted = admin.send("POST", "/api/v1/pairing-runs", "application/json",
                pool.toString());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        return JSON.readTree(submitted.body()).get("id").asText();
    }

    private void awaitEnded(String id) {
        await().atMost(Duration.ofMinutes(3)).until(() -> JSON.readTree(admin.send("GET", "/api/v1/pairing-runs/"
                + id + "/metadata", null, null).body()).get("status").asText().matches("COMPLETED|TERMINATED"));
    }

    private void createUser(String user, String role) {
        HttpResponse<String> created = admin.send("POST", "/api/v1/users", "application/json",
                "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"" + role + "\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    private String token(String user) throws Exception {
        HttpResponse<String> created = Caller.basic(base, user, PASSWORD).send("POST", "/api/v1/tokens",
                "application/json", "{\"name\":\"test\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("secret").asText();
    }
}
