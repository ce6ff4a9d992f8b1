package eu.iucplanner.scheduling.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import eu.iucplanner.csv.CsvRecord;
import eu.iucplanner.csv.CsvTable;
import eu.iucplanner.demo.SchedulingDemos;
import eu.iucplanner.reference.HolidayCalendar;
import eu.iucplanner.scheduling.domain.CooperationPair;
import eu.iucplanner.scheduling.domain.ExchangeSchedule;
import eu.iucplanner.scheduling.domain.Expert;
import eu.iucplanner.scheduling.domain.SchedulingCity;
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
        // Six events per pair (two study visits in person, four online) and one regional seminar per region.
        int shared = metadata.get("sharedEventCount").asInt();
        assertThat(shared).isBetween(1, 3);
        int events = pairs * 6 + shared;
        assertThat(metadata.get("eventCount").asInt()).isEqualTo(events);
        assertThat(metadata.get("score").asText()).startsWith("0hard/");

        JsonNode result = json(rest.getForEntity("/api/v1/schedule-runs/" + run, String.class).getBody());
        assertThat(result.get("events")).hasSize(events);
        assertThat(result.get("pairs")).hasSize(pairs);
        HolidayCalendar calendar = HolidayCalendar.get();
        for (JsonNode event : result.get("events")) {
            if (event.get("inPerson").asBoolean()) {
                List<JsonNode> taking = new ArrayList<>();
                taking.add(event.get("host"));
                event.get("travellingDelegations").forEach(taking::add);
                LocalDate end = LocalDate.parse(event.get("end").asText());
                for (LocalDate day = LocalDate.parse(event.get("start").asText()); !day.isAfter(end);
                        day = day.plusDays(1)) {
                    for (JsonNode city : taking) {
                        assertThat(calendar.isPublicHoliday(city.get("country").asText(),
                                city.path("subdivision").asText(null), day))
                                .as(event.get("id").asText() + " on " + day + " in " + city.get("name")).isFalse();
                    }
                }
                assertThat(event.get("delegatesMin").asInt()).isPositive();
            } else {
                assertThat(event.at("/onlineSession/timeZone").asText()).contains("/");
            }
        }
        // Each regional seminar is one event that every pair of its region attends.
        for (JsonNode event : result.get("events")) {
            if (event.get("kind").asText().equals("REGIONAL_SEMINAR")) {
                assertThat(event.get("shared").asBoolean()).isTrue();
                assertThat(event.get("pairIds").size()).isGreaterThan(0);
            }
        }

        // A pair's calendar parses back with the same events (its seminar included), UIDs from pair and kind.
        String pairId = result.at("/pairs/0/pairId").asText();
        JsonNode timeline = result.at("/pairs/0/events");
        ResponseEntity<String> ics = rest.getForEntity("/api/v1/schedule-runs/" + run + "/calendar.ics?pair={p}",
                String.class, pairId);
        assertThat(ics.getHeaders().getContentType().toString()).startsWith("text/calendar");
        Calendar parsed = new CalendarBuilder().build(new StringReader(ics.getBody()));
        List<VEvent> vevents = parsed.getComponents("VEVENT");
        assertThat(vevents).hasSize(timeline.size());
        List<String> starts = new ArrayList<>();
        vevents.forEach(vevent -> starts.add(vevent.getStartDate().orElseThrow().getValue().substring(0, 8)));
        List<String> expected = new ArrayList<>();
        timeline.forEach(event -> expected.add(event.get("start").asText().replace("-", "")));
        assertThat(starts).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(ics.getBody()).contains("UID:" + pairId + "/KICK_OFF@iuc-planner", "SEQUENCE:0",
                "STATUS:TENTATIVE", "BEGIN:VTIMEZONE", "DTSTART;TZID=");
        // The whole run's calendar, and the pairing run's current plan at its stable URL.
        String whole = rest.getForEntity("/api/v1/schedule-runs/" + run + "/calendar.ics", String.class).getBody();
        assertThat(new CalendarBuilder().build(new StringReader(whole)).getComponents("VEVENT")).hasSize(events);
        ResponseEntity<String> current = rest.getForEntity("/api/v1/schedule-runs/current/" + pairingRun
                + "/calendar.ics", String.class);
        assertThat(current.getStatusCode().value()).isEqualTo(200);
        assertThat(new CalendarBuilder().build(new StringReader(current.getBody())).getComponents("VEVENT"))
                .hasSize(events);

        // An expert's agenda, CSV, and the score analysis.
        JsonNode agenda = json(rest.getForEntity("/api/v1/schedule-runs/" + run + "?expert=expert-0", String.class)
                .getBody());
        agenda.get("events").forEach(event -> assertThat(event.at("/expert/id").asText()).isEqualTo("expert-0"));
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, "text/csv");
        String csv = rest.exchange("/api/v1/schedule-runs/" + run, HttpMethod.GET, new HttpEntity<>(headers),
                String.class).getBody();
        assertThat(csv.split("\r\n")).hasSize(events + 1);
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
                    "euCity": {"id": "lyon", "name": "Lyon, \\"Métropole\\"", "country": "FR", "latitude": 45.76,
                               "longitude": 4.84},
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
                assertThat(event.get("status").asText()).isEqualTo("CONFIRMED");
            }
        }
        assertThat(result.at("/cancelledEvents/0/id").asText()).isEqualTo("porto-kyoto/FINAL_EVENT");

        // A name with a comma and quotes: quoted in CSV (RFC 4180), escaped in iCalendar; read back unchanged.
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, "text/csv");
        String csv = rest.exchange("/api/v1/schedule-runs/" + run + "?pair=lyon-boston", HttpMethod.GET,
                new HttpEntity<>(headers), String.class).getBody();
        assertThat(csv).contains("\"Lyon, \"\"Métropole\"\"\"");
        List<CsvRecord> rows = CsvTable.read(csv);
        assertThat(rows).anySatisfy(row -> assertThat(row.cells()).contains("Lyon, \"Métropole\""));
        String ics = rest.getForEntity("/api/v1/schedule-runs/" + run + "/calendar.ics", String.class).getBody();
        assertThat(ics).contains("Lyon\\, \"Métropole\"", "UID:porto-kyoto/FINAL_EVENT@iuc-planner",
                "STATUS:CANCELLED", "STATUS:CONFIRMED");
        assertThat(new CalendarBuilder().build(new StringReader(ics)).getComponents("VEVENT")).hasSize(6);
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
        assertThat(jdbc.queryForObject("select count(*) from run where kind = 'schedule'", Integer.class))
                .isEqualTo(before);
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

    @Test
    void namesWithControlCharactersAndUnknownTimeZonesAreRefusedWithAProblemDetail() throws Exception {
        int before = jdbc.queryForObject("select count(*) from run where kind = 'schedule'", Integer.class);
        ObjectNode request = (ObjectNode) JSON.readTree("""
                {"startDate": "2027-01-04",
                 "pairs": [
                   {"id": "lyon-boston", "region": "NORTH_AMERICA", "language": "en",
                    "euCity": {"id": "lyon", "name": "Lyon\\rCity", "country": "FR", "latitude": 45.76,
                               "longitude": 4.84, "subdivision": "DE-BY"},
                    "partnerCity": {"id": "boston", "name": "Boston", "country": "US", "latitude": 42.36,
                                    "longitude": -71.06, "timeZone": "Mars/Olympus"}}],
                 "experts": [{"id": "anna", "name": "Anna\\u0007", "regions": ["NORTH_AMERICA"], "languages": ["en"],
                              "homeCity": {"id": "brussels", "name": "Brussels", "country": "BE",
                                           "latitude": 50.85, "longitude": 4.35, "timeZone": "+02:00"}}]}
                """);
        ResponseEntity<String> response = post("/api/v1/schedule-runs", request);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        List<String> fields = new ArrayList<>();
        json(response.getBody()).get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).contains("pairs[0].euCity.name", "pairs[0].partnerCity.timeZone", "experts[0].name",
                "experts[0].homeCity.timeZone");
        // A subdivision outside the city's country is a rule across fields, reported at the door as well.
        ObjectNode pair = (ObjectNode) request.withArray("pairs").get(0);
        ((ObjectNode) pair.get("euCity")).put("name", "Lyon");
        ((ObjectNode) pair.get("partnerCity")).remove("timeZone");
        ObjectNode expert = (ObjectNode) request.withArray("experts").get(0);
        expert.put("name", "Anna");
        ((ObjectNode) expert.get("homeCity")).remove("timeZone");
        ResponseEntity<String> subdivision = post("/api/v1/schedule-runs", request);
        assertThat(subdivision.getStatusCode().value()).as(subdivision.getBody()).isEqualTo(400);
        assertThat(json(subdivision.getBody()).at("/errors/0/field").asText()).isEqualTo("pairs[0].euCity.subdivision");
        assertThat(jdbc.queryForObject("select count(*) from run where kind = 'schedule'", Integer.class))
                .isEqualTo(before);
    }

    /**
     * The re-plan: the 40-pair demo, then one blackout (over a published study visit), one cancellation and one
     * expert's leave (over another pair's visit). No event of a pair the changes did not touch moves or changes
     * expert, every calendar UID stays, SEQUENCE rises exactly on moved events, the cancelled one is CANCELLED, and the
     * re-plan names its parent.
     */
    @Test
    void replanningTheFortyPairDemoKeepsUidsAndMovesNothingOutsideTheTouchedPairs() throws Exception {
        ExchangeSchedule demo = SchedulingDemos.generate(40, 4, LocalDate.of(2027, 1, 4), 18, 1L);
        ObjectNode request = JSON.createObjectNode();
        request.put("name", "40-pair demo").put("startDate", "2027-01-04");
        ArrayNode pairs = request.putArray("pairs");
        for (CooperationPair pair : demo.getPairs()) {
            ObjectNode node = pairs.addObject().put("id", pair.id()).put("region", pair.region().name())
                    .put("language", pair.language());
            node.set("euCity", cityJson(pair.euCity()));
            node.set("partnerCity", cityJson(pair.partnerCity()));
        }
        ArrayNode experts = request.putArray("experts");
        for (Expert expert : demo.getExperts()) {
            ObjectNode node = experts.addObject().put("id", expert.id()).put("name", expert.name())
                    .put("maxEventsPerMonth", expert.maxEventsPerMonth())
                    .put("maxLongHaulTripsPerMonth", expert.maxLongHaulTripsPerMonth());
            expert.regions().forEach(region -> node.withArray("regions").add(region.name()));
            expert.languages().forEach(language -> node.withArray("languages").add(language));
            expert.unavailableDates().forEach(day -> node.withArray("unavailableDates").add(day.toString()));
            node.set("homeCity", cityJson(expert.home()));
        }
        request.putObject("termination").put("spentLimit", "PT20S").put("unimprovedSpentLimit", "PT3S");
        ResponseEntity<String> submitted = post("/api/v1/schedule-runs", request);
        assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isEqualTo(202);
        UUID first = id(submitted);
        assertThat(await("/api/v1/schedule-runs/" + first + "/metadata", "COMPLETED").get("score").asText())
                .startsWith("0hard/");
        JsonNode plan = json(rest.getForEntity("/api/v1/schedule-runs/" + first, String.class).getBody());

        // The three changes, each on a different pair, chosen so that nothing else falls on them.
        JsonNode blackedOut = find(plan, "STUDY_VISIT_TO_EU", List.of(), event -> true);
        JsonNode cancelled = find(plan, "THEMATIC_TRAINING", List.of(blackedOut.get("pairId").asText()),
                event -> true);
        JsonNode onLeave = find(plan, "STUDY_VISIT_TO_PARTNER", List.of(blackedOut.get("pairId").asText(),
                cancelled.get("pairId").asText()), event -> noOtherTripNear(plan, event));
        Set<String> touched = Set.of(blackedOut.get("pairId").asText(), cancelled.get("pairId").asText(),
                onLeave.get("pairId").asText());
        ObjectNode changes = JSON.createObjectNode();
        ObjectNode blackout = changes.putArray("cities").addObject()
                .put("cityId", blackedOut.at("/host/id").asText());
        days(blackedOut).forEach(day -> blackout.withArray("blackoutDates").add(day.toString()));
        changes.putArray("cancelledEvents").addObject().put("pairId", cancelled.get("pairId").asText())
                .put("kind", "THEMATIC_TRAINING");
        ObjectNode leave = changes.putArray("expertLeave").addObject().put("expertId",
                onLeave.at("/expert/id").asText());
        days(onLeave).forEach(day -> leave.withArray("dates").add(day.toString()));
        changes.putObject("termination").put("spentLimit", "PT20S").put("unimprovedSpentLimit", "PT3S");
        ResponseEntity<String> replanned = post("/api/v1/schedule-runs/" + first + "/replan", changes);
        assertThat(replanned.getStatusCode().value()).as(replanned.getBody()).isEqualTo(202);
        UUID second = id(replanned);
        JsonNode metadata = await("/api/v1/schedule-runs/" + second + "/metadata", "COMPLETED");
        assertThat(metadata.get("score").asText()).startsWith("0hard/");
        assertThat(metadata.get("parentRunId").asText()).isEqualTo(first.toString());

        Map<String, VEvent> before = byUid(rest.getForEntity("/api/v1/schedule-runs/" + first + "/calendar.ics",
                String.class).getBody());
        Map<String, VEvent> after = byUid(rest.getForEntity("/api/v1/schedule-runs/" + second + "/calendar.ics",
                String.class).getBody());
        assertThat(after.keySet()).isEqualTo(before.keySet());
        String cancelledUid = cancelled.get("pairId").asText() + "/THEMATIC_TRAINING@iuc-planner";
        assertThat(property(after.get(cancelledUid), "STATUS")).isEqualTo("CANCELLED");
        assertThat(property(after.get(cancelledUid), "SEQUENCE")).isEqualTo("1");
        JsonNode replan = json(rest.getForEntity("/api/v1/schedule-runs/" + second, String.class).getBody());
        int moved = 0;
        for (JsonNode event : replan.get("events")) {
            String uid = event.get("id").asText() + "@iuc-planner";
            boolean dateChanged = !property(after.get(uid), "DTSTART").equals(property(before.get(uid), "DTSTART"));
            assertThat(property(after.get(uid), "SEQUENCE")).as(uid).isEqualTo(dateChanged ? "1" : "0");
            assertThat(event.get("sequence").asInt()).isEqualTo(dateChanged ? 1 : 0);
            moved += dateChanged ? 1 : 0;
            if (!touched.contains(event.get("pairId").asText())) {
                assertThat(dateChanged).as("%s of an untouched pair moved", uid).isFalse();
                assertThat(event.at("/expert/id").asText(null)).as("%s changed expert", uid)
                        .isEqualTo(expertOf(plan, event.get("id").asText()));
            }
        }
        assertThat(moved).isPositive();
    }

    private static ObjectNode cityJson(SchedulingCity city) {
        return JSON.createObjectNode().put("id", city.id()).put("name", city.name()).put("country", city.country())
                .put("latitude", city.latitude()).put("longitude", city.longitude()).put("timeZone", city.timeZone())
                .put("subdivision", city.subdivision());
    }

    private static JsonNode find(JsonNode plan, String kind, List<String> otherThan, Predicate<JsonNode> also) {
        for (JsonNode event : plan.get("events")) {
            if (event.get("kind").asText().equals(kind) && !otherThan.contains(event.get("pairId").asText())
                    && !event.path("expert").isMissingNode() && also.test(event)) {
                return event;
            }
        }
        throw new AssertionError("no " + kind + " event to change");
    }

    /** Whether the event's expert has no other in-person event within three days of it. */
    private static boolean noOtherTripNear(JsonNode plan, JsonNode event) {
        String expert = event.at("/expert/id").asText();
        LocalDate start = LocalDate.parse(event.get("start").asText());
        LocalDate end = LocalDate.parse(event.get("end").asText());
        for (JsonNode other : plan.get("events")) {
            if (other != event && expert.equals(other.at("/expert/id").asText(null))
                    && other.get("inPerson").asBoolean()
                    && !LocalDate.parse(other.get("start").asText()).isAfter(end.plusDays(3))
                    && !LocalDate.parse(other.get("end").asText()).isBefore(start.minusDays(3))) {
                return false;
            }
        }
        return true;
    }

    private static String expertOf(JsonNode plan, String eventId) {
        for (JsonNode event : plan.get("events")) {
            if (event.get("id").asText().equals(eventId)) {
                return event.at("/expert/id").asText(null);
            }
        }
        return null;
    }

    private static List<LocalDate> days(JsonNode event) {
        return LocalDate.parse(event.get("start").asText()).datesUntil(LocalDate.parse(event.get("end").asText())
                .plusDays(1)).toList();
    }

    private static Map<String, VEvent> byUid(String ics) throws Exception {
        Map<String, VEvent> events = new HashMap<>();
        List<VEvent> parsed = new CalendarBuilder().build(new StringReader(ics)).getComponents("VEVENT");
        parsed.forEach(event -> events.put(property(event, "UID"), event));
        return events;
    }

    private static String property(VEvent event, String name) {
        return event.getProperty(name).map(property -> property.getValue()).orElse(null);
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
