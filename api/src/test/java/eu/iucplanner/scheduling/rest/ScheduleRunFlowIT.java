package eu.iucplanner.scheduling.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.iucplanner.app.IucPlannerApplication;
import eu.iucplanner.reference.HolidayCalendar;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

/** Pairing run, then its exchange calendar, over HTTP against the real service and database. */
@SpringBootTest(classes = IucPlannerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"iuc.embedded-db.data-dir=target/it-postgres-schedule-${random.uuid}",
                "iuc.pairing.best-solution-write-interval=PT0.2S"})
class ScheduleRunFlowIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void pairsOfAPairingRunAreScheduledWithoutHardViolationAndExportedAsCalendarAndCsv() throws Exception {
        ObjectNode pool = (ObjectNode) json(rest.getForEntity("/api/v1/demo-data/SMALL", String.class).getBody());
        pool.putObject("termination").put("unimprovedSpentLimit", "PT1S");
        UUID pairingRun = id(post("/api/v1/pairing-runs", pool));
        JsonNode pairing = await("/api/v1/pairing-runs/" + pairingRun + "/metadata", "COMPLETED");
        int pairs = pairing.get("pairCount").asInt();

        ObjectNode request = JSON.createObjectNode();
        request.put("pairingRunId", pairingRun.toString()).put("startDate", "2027-01-04");
        ArrayNode experts = request.putArray("experts");
        String[] regions = { "NORTH_AMERICA", "LATIN_AMERICA_CARIBBEAN", "ASIA" };
        for (int k = 0; k < 3; k++) {
            ObjectNode expert = experts.addObject().put("id", "expert-" + k).put("name", "Expert " + k)
                    .put("maxEventsPerMonth", 6);
            expert.putArray("regions").add(regions[k]).add(regions[(k + 1) % 3]);
            ArrayNode languages = expert.putArray("languages");
            for (String language : List.of("en", "es", "pt", "fr", "de", "it", "pl", "nl", "ro", "bg", "cs", "hu",
                    "sv", "el", "ja", "zh", "ko", "hi", "id", "ms", "th", "vi", "sk", "sl", "hr", "fi", "da", "lt",
                    "lv", "et", "ga", "mt")) {
                languages.add(language);
            }
        }
        request.putObject("termination").put("spentLimit", "PT30S").put("unimprovedSpentLimit", "PT3S");
        ResponseEntity<String> submitted = post("/api/v1/schedule-runs", request);
        assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isEqualTo(202);
        UUID run = id(submitted);
        JsonNode metadata = await("/api/v1/schedule-runs/" + run + "/metadata", "COMPLETED");
        assertThat(metadata.get("pairCount").asInt()).isEqualTo(pairs);
        assertThat(metadata.get("eventCount").asInt()).isEqualTo(pairs * 8);
        assertThat(metadata.get("score").asText()).startsWith("0hard/");

        JsonNode result = json(rest.getForEntity("/api/v1/schedule-runs/" + run, String.class).getBody());
        assertThat(result.get("events")).hasSize(pairs * 8);
        assertThat(result.get("pairs")).hasSize(pairs);
        HolidayCalendar calendar = HolidayCalendar.get();
        for (JsonNode event : result.get("events")) {
            if (event.get("inPerson").asBoolean()) {
                LocalDate end = LocalDate.parse(event.get("end").asText());
                for (LocalDate day = LocalDate.parse(event.get("start").asText()); !day.isAfter(end);
                        day = day.plusDays(1)) {
                    assertThat(calendar.isPublicHoliday(event.at("/host/country").asText(), day))
                            .as(event.get("id").asText() + " on " + day).isFalse();
                }
            }
        }

        // A pair's calendar parses back with the same events.
        String pairId = result.at("/pairs/0/pairId").asText();
        JsonNode timeline = result.at("/pairs/0/events");
        ResponseEntity<String> ics = rest.getForEntity("/api/v1/schedule-runs/" + run + "/calendar.ics?pair={p}",
                String.class, pairId);
        assertThat(ics.getHeaders().getContentType().toString()).startsWith("text/calendar");
        Calendar parsed = new CalendarBuilder().build(new StringReader(ics.getBody()));
        List<VEvent> vevents = parsed.getComponents("VEVENT");
        assertThat(vevents).hasSize(timeline.size());
        List<String> starts = new ArrayList<>();
        vevents.forEach(vevent -> starts.add(vevent.getStartDate().orElseThrow().getValue()));
        List<String> expected = new ArrayList<>();
        timeline.forEach(event -> expected.add(event.get("start").asText().replace("-", "")));
        assertThat(starts).containsExactlyInAnyOrderElementsOf(expected);

        // An expert's agenda, CSV, and the score analysis.
        JsonNode agenda = json(rest.getForEntity("/api/v1/schedule-runs/" + run + "?expert=expert-0", String.class)
                .getBody());
        agenda.get("events").forEach(event -> assertThat(event.at("/expert/id").asText()).isEqualTo("expert-0"));
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, "text/csv");
        String csv = rest.exchange("/api/v1/schedule-runs/" + run, HttpMethod.GET, new HttpEntity<>(headers),
                String.class).getBody();
        assertThat(csv.split("\r\n")).hasSize(pairs * 8 + 1);
        JsonNode analysis = json(rest.getForEntity("/api/v1/schedule-runs/" + run + "/score-analysis", String.class)
                .getBody());
        assertThat(analysis.get("score").asText()).isEqualTo(metadata.get("score").asText());
    }

    @Test
    void givenPairsWithTheirOwnPlanACancelledEventAndAConfirmedOneAreReplanned() throws Exception {
        ObjectNode request = (ObjectNode) JSON.readTree("""
                {"name": "Own plan", "startDate": "2027-01-04", "months": 12,
                 "pairs": [
                   {"id": "lyon-boston", "region": "NORTH_AMERICA", "language": "en",
                    "euCity": {"id": "lyon", "name": "Lyon", "country": "FR", "latitude": 45.76, "longitude": 4.84},
                    "partnerCity": {"id": "boston", "name": "Boston", "country": "US", "latitude": 42.36,
                                    "longitude": -71.06}},
                   {"id": "porto-kyoto", "region": "ASIA", "language": "en",
                    "euCity": {"id": "porto", "name": "Porto", "country": "PT", "latitude": 41.15, "longitude": -8.61},
                    "partnerCity": {"id": "kyoto", "name": "Kyoto", "country": "JP", "latitude": 35.01,
                                    "longitude": 135.77}}],
                 "experts": [{"id": "anna", "regions": ["NORTH_AMERICA", "ASIA"], "languages": ["en"]}],
                 "plan": {"templates": [
                     {"kind": "KICK_OFF", "host": "ONLINE", "durationDays": 1, "earliestMonth": 1, "latestMonth": 1},
                     {"kind": "STUDY_VISIT_TO_EU", "host": "EU_CITY", "durationDays": 3, "delegatesMin": 2,
                      "delegatesMax": 4, "earliestMonth": 2, "latestMonth": 6, "needsExpert": true},
                     {"kind": "FINAL_EVENT", "host": "PARTNER_CITY", "durationDays": 1, "earliestMonth": 10,
                      "latestMonth": 12}],
                   "precedences": [{"before": "KICK_OFF", "after": "STUDY_VISIT_TO_EU", "minimumGapDays": 7}]},
                 "cancelledEvents": [{"pairId": "porto-kyoto", "kind": "FINAL_EVENT"}],
                 "publishedEvents": [{"pairId": "lyon-boston", "kind": "KICK_OFF", "start": "2027-01-12",
                                      "confirmed": true}],
                 "termination": {"spentLimit": "PT3S"}}
                """);
        ResponseEntity<String> submitted = post("/api/v1/schedule-runs", request);
        assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isEqualTo(202);
        UUID run = id(submitted);
        JsonNode metadata = await("/api/v1/schedule-runs/" + run + "/metadata", "COMPLETED");
        assertThat(metadata.get("eventCount").asInt()).isEqualTo(5);
        assertThat(metadata.get("score").asText()).startsWith("0hard/");
        JsonNode result = json(rest.getForEntity("/api/v1/schedule-runs/" + run, String.class).getBody());
        List<String> ids = new ArrayList<>();
        result.get("events").forEach(event -> ids.add(event.get("id").asText()));
        assertThat(ids).containsExactlyInAnyOrder("lyon-boston/KICK_OFF", "lyon-boston/STUDY_VISIT_TO_EU",
                "lyon-boston/FINAL_EVENT", "porto-kyoto/KICK_OFF", "porto-kyoto/STUDY_VISIT_TO_EU");
        for (JsonNode event : result.get("events")) {
            if (event.get("id").asText().equals("lyon-boston/KICK_OFF")) {
                assertThat(event.get("start").asText()).isEqualTo("2027-01-12");
                assertThat(event.get("pinned").asBoolean()).isTrue();
            }
        }
    }

    @Test
    void badInputIsRefusedWithEveryFieldAndNothingStored() {
        int before = jdbc.queryForObject("select count(*) from run where kind = 'schedule'", Integer.class);
        ObjectNode request = JSON.createObjectNode();
        request.put("pairingRunId", UUID.randomUUID().toString());
        ResponseEntity<String> unknownRun = post("/api/v1/schedule-runs", request);
        assertThat(unknownRun.getStatusCode().value()).isEqualTo(400);
        assertThat(json(unknownRun.getBody()).at("/errors/0/field").asText()).isEqualTo("pairingRunId");

        ObjectNode given = JSON.createObjectNode();
        given.put("months", 5);
        ObjectNode pair = given.putArray("pairs").addObject().put("id", "p1").put("region", "EU");
        pair.putObject("euCity").put("id", "lyon").put("name", "Lyon").put("country", "FR").put("latitude", 45.7)
                .put("longitude", 4.8);
        pair.putObject("partnerCity").put("id", "x").put("name", "X").put("country", "QQ");
        ResponseEntity<String> invalid = post("/api/v1/schedule-runs", given);
        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
        assertThat(invalid.getHeaders().getContentType()).hasToString("application/problem+json");
        List<String> fields = new ArrayList<>();
        json(invalid.getBody()).get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).contains("months", "startDate", "experts", "pairs[0].region", "pairs[0].partnerCity.country",
                "pairs[0].partnerCity.latitude");
        ObjectNode badPlan = given.deepCopy();
        badPlan.put("months", 18).put("startDate", "2027-01-04");
        badPlan.putArray("experts").addObject().put("id", "anna").putArray("regions").add("ASIA");
        badPlan.putObject("plan").putArray("templates").addObject().put("kind", "KICK_OFF").put("host", "ONLINE")
                .put("durationDays", 1).put("earliestMonth", 3).put("latestMonth", 2);
        List<String> planFields = new ArrayList<>();
        json(post("/api/v1/schedule-runs", badPlan).getBody()).get("errors")
                .forEach(error -> planFields.add(error.get("field").asText()));
        assertThat(planFields).contains("experts[0].languages", "plan.templates[0]");
        assertThat(rest.exchange("/api/v1/schedule-runs/" + UUID.randomUUID(), HttpMethod.DELETE, null, String.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from run where kind = 'schedule'", Integer.class)).isEqualTo(before);
    }

    @Test
    void aWindowOutsideTheYearsOfTheHolidayCalendarIsRefusedNamingTheStartDate() throws Exception {
        int before = jdbc.queryForObject("select count(*) from run where kind = 'schedule'", Integer.class);
        for (LocalDate start : List.of(LocalDate.of(HolidayCalendar.LAST_YEAR, 6, 1),
                LocalDate.of(HolidayCalendar.FIRST_YEAR - 1, 6, 1))) {
            ObjectNode request = (ObjectNode) JSON.readTree("""
                    {"pairs": [
                       {"id": "lyon-boston", "region": "NORTH_AMERICA", "language": "en",
                        "euCity": {"id": "lyon", "name": "Lyon", "country": "FR", "latitude": 45.76,
                                   "longitude": 4.84},
                        "partnerCity": {"id": "boston", "name": "Boston", "country": "US", "latitude": 42.36,
                                        "longitude": -71.06}}],
                     "experts": [{"id": "anna", "regions": ["NORTH_AMERICA"], "languages": ["en"]}]}
                    """);
            request.put("startDate", start.toString());
            ResponseEntity<String> response = post("/api/v1/schedule-runs", request);
            assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
            assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
            JsonNode problem = json(response.getBody());
            assertThat(problem.at("/errors/0/field").asText()).isEqualTo("startDate");
            assertThat(problem.at("/errors/0/message").asText()).contains(String.valueOf(HolidayCalendar.LAST_YEAR));
        }
        assertThat(jdbc.queryForObject("select count(*) from run where kind = 'schedule'", Integer.class))
                .isEqualTo(before);
    }

    private ResponseEntity<String> post(String path, JsonNode body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body.toString(), headers), String.class);
    }

    private static UUID id(ResponseEntity<String> response) throws Exception {
        return UUID.fromString(JSON.readTree(response.getBody()).get("id").asText());
    }

    private JsonNode await(String path, String status) throws InterruptedException {
        Predicate<JsonNode> done = metadata -> status.equals(metadata.path("status").asText());
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode metadata = json(rest.getForEntity(path, String.class).getBody());
            if (done.test(metadata)) {
                return metadata;
            }
            assertThat(metadata.path("status").asText()).isNotIn("FAILED", "TERMINATED");
            Thread.sleep(200);
        }
        throw new AssertionError(path + " did not reach " + status);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(text, e);
        }
    }
}
