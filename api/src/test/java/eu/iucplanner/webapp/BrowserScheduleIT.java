package eu.iucplanner.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A planner's flows in the browser: a schedule built from a pairing run with two experts entered on the page, its
 * Gantt (one bar per event, the cities' public holidays shaded) by pair and by expert; an event confirmed, another postponed
 * and a city's blackout added, re-planned, and the confirmed event found where it was, the postponed one on its new
 * date; an infeasible schedule shown as infeasible
 * with every break. What the page shows is checked against what the API answers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserScheduleIT extends BrowserTestSupport {

    static final String LANGUAGES = "en, fr, es, pt, de, it, pl, nl, ro, bg, cs, hu, sv, el, ja, zh, ko, hi, id, ms, "
            + "th, vi, sk, sl, hr, fi, da, lt, lv, et";

    private String pairingId;
    private String scheduleId;

    @Test
    @Order(1)
    void buildsAScheduleWithTwoExpertsEnteredOnThePageAndDrawsOneGanttBarPerEvent() {
        pairingId = solvedSmallPool("Browser schedule pool", "PT3S");
        open("/pairing/" + pairingId + "/schedule");
        accessible("the new schedule");
        type("#schedule-name", "Browser schedule");
        type("#schedule-seconds", "10");
        find("#add-expert").click();
        find("#add-expert").click();
        List<WebElement> experts = all("fieldset.expert");
        assertThat(experts).hasSize(2);
        expert(experts.get(0), "Anna Nowak", List.of("NORTH_AMERICA", "LATIN_AMERICA_CARIBBEAN", "ASIA"),
                "2027-03-01..2027-03-05");
        expert(experts.get(1), "Ben Ortiz", List.of("LATIN_AMERICA_CARIBBEAN", "ASIA", "NORTH_AMERICA"), "");
        find("#submit-schedule").click();
        waitFor(() -> driver.getCurrentUrl().contains("#/schedule/"));
        scheduleId = runIdInUrl("schedule");
        ended("schedule", scheduleId);

        JsonNode request = get("/api/v1/schedule-runs/" + scheduleId + "/request");
        assertThat(request.get("experts")).hasSize(2);
        assertThat(request.at("/experts/0/name").asText()).isEqualTo("Anna Nowak");
        assertThat(request.at("/experts/0/unavailableDates")).hasSize(5);
        assertThat(request.at("/experts/0/homeCity/latitude").isNumber()).isTrue();
        assertThat(request.at("/experts/1/regions")).hasSize(3);

        JsonNode result = get("/api/v1/schedule-runs/" + scheduleId);
        int events = result.get("events").size();
        waitFor(() -> find("main h1").getText().contains("COMPLETED"));
        waitFor(() -> all("#gantt .g-bar").size() == events);
        assertThat(driver.getTitle()).isEqualTo("Browser schedule · IUC Planner");
        assertThat(all("#gantt .g-row[role='listitem']")).hasSize(result.get("pairs").size()
                + (int) StreamSupport.stream(result.get("events").spliterator(), false)
                        .filter(e -> e.get("shared").asBoolean()).map(e -> e.get("pairId").asText()).distinct()
                        .count());

        // The first pair's row shades the public holidays of both its cities, as the API lists them.
        JsonNode pair = result.get("pairs").get(0);
        Set<String> dates = new HashSet<>();
        for (JsonNode city : List.of(pair.get("euCity"), pair.get("partnerCity"))) {
            String query = "/api/v1/holidays?country=" + city.get("country").asText() + "&from="
                    + pair.get("windowStart").asText() + "&to=" + pair.get("windowEnd").asText()
                    + (city.path("subdivision").asText().isEmpty() ? ""
                            : "&subdivision=" + city.get("subdivision").asText());
            get(query).forEach(h -> {
                if (h.path("subdivision").isMissingNode() || h.path("subdivision").isNull()
                        || h.get("subdivision").asText().equals(city.path("subdivision").asText())) {
                    dates.add(h.get("date").asText());
                }
            });
        }
        assertThat(dates).isNotEmpty();
        assertThat(all("#gantt .g-row[data-row='" + pair.get("pairId").asText() + "'] rect.g-holiday"))
                .hasSize(dates.size());
        accessible("the schedule's Gantt by pair");

        // By expert: one row per expert with events, still one bar per event; an expert's agenda.
        find("#by-expert").click();
        waitFor(() -> driver.getCurrentUrl().endsWith("?by=expert"));
        waitFor(() -> all("#gantt .g-bar").size() == events);
        WebElement annaRow = driver.findElement(By.cssSelector("#gantt .g-row[data-row='anna-nowak'] .g-label a"));
        annaRow.click();
        JsonNode annas = get("/api/v1/schedule-runs/" + scheduleId + "?expert=anna-nowak").get("events");
        waitFor(() -> all("#agenda-table tbody tr").size() == annas.size());
        assertThat(annas.size()).isPositive();
        accessible("an expert's agenda");
    }

    @Test
    @Order(2)
    void confirmsAnEventPostponesAnotherAddsABlackoutAndTheReplanKeepsBothWhereThePlannerSaid() {
        JsonNode result = get("/api/v1/schedule-runs/" + scheduleId);
        JsonNode first = result.get("pairs").get(0);
        JsonNode confirmed = first.get("events").get(0);
        // A blackout on another pair's in-person event hosted by one of its cities.
        JsonNode other = result.get("pairs").get(1);
        JsonNode visit = StreamSupport.stream(other.get("events").spliterator(), false)
                .filter(e -> e.get("inPerson").asBoolean() && !e.get("shared").asBoolean()).findFirst().orElseThrow();
        String city = visit.at("/host/id").asText();

        // A thematic training (online, no order rule) postponed by two weeks or more, to a working day of both cities.
        JsonNode trainingPair = StreamSupport.stream(result.get("pairs").spliterator(), false).skip(2)
                .min(java.util.Comparator.comparing(p -> training(p).get("start").asText())).orElseThrow();
        JsonNode training = training(trainingPair);
        // (after Anna's leave of 2027-03-01 to 05, so whoever accompanies it is free to)
        LocalDate twoWeeksLater = LocalDate.parse(training.get("start").asText()).plusDays(14);
        LocalDate afterLeave = LocalDate.parse("2027-03-08");
        LocalDate postponeTo = workingDay(trainingPair, twoWeeksLater.isAfter(afterLeave) ? twoWeeksLater
                : afterLeave);
        // A postponement to an earlier date is refused with the field named.
        ObjectNode earlier = JSON.createObjectNode();
        earlier.putArray("postponedEvents").addObject().put("pairId", training.get("pairId").asText())
                .put("kind", "THEMATIC_TRAINING").put("start", LocalDate.parse(training.get("start").asText())
                        .minusDays(3).toString());
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> refused = rest.postForEntity("/api/v1/schedule-runs/" + scheduleId + "/replan",
                new HttpEntity<>(earlier.toString(), headers), String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(json(refused.getBody()).at("/errors/0/field").asText()).isEqualTo("postponedEvents[0].start");

        open("/schedule/" + scheduleId + "/event/" + training.get("id").asText());
        waitFor(() -> find("#event-detail").isDisplayed());
        script("arguments[0].value = arguments[1]", find("#postpone-date"), postponeTo.toString());
        find("#postpone-event").click();
        waitFor(() -> find("#replan-changes").getText().contains("Postpone"));

        open("/schedule/" + scheduleId);
        waitFor(() -> !all("#gantt .g-bar").isEmpty());
        driver.findElement(By.cssSelector("#gantt a.g-event[data-event-id='" + confirmed.get("id").asText() + "']"))
                .click();
        waitFor(() -> find("#event-detail").isDisplayed());
        accessible("an event's detail");
        find("#confirm-event").click();
        waitFor(() -> find("#replan-changes").getText().contains("Confirm"));
        new Select(find("#blackout-city")).selectByValue(city);
        type("#blackout-dates", visit.get("start").asText() + ".." + visit.get("end").asText());
        type("#blackout-capacity", "3");
        find("#add-blackout").click();
        waitFor(() -> find("#replan-changes").getText().contains("blackout"));
        type("#replan-seconds", "8");
        find("#replan").click();
        waitFor(() -> !runIdInUrl("schedule").equals(scheduleId));
        String replanId = runIdInUrl("schedule");
        ended("schedule", replanId);

        JsonNode replanned = get("/api/v1/schedule-runs/" + replanId);
        JsonNode options = StreamSupport.stream(get("/api/v1/schedule-runs/" + replanId + "/request").get("cities")
                .spliterator(), false).filter(c -> c.get("cityId").asText().equals(city)).findFirst().orElseThrow();
        assertThat(options.get("hostingCapacity").asInt()).isEqualTo(3);
        assertThat(options.get("blackoutDates").toString()).contains(visit.get("start").asText());
        assertThat(replanned.at("/metadata/parentRunId").asText()).isEqualTo(scheduleId);
        JsonNode kept = event(replanned, confirmed.get("pairId").asText(), confirmed.get("kind").asText());
        assertThat(kept.get("start").asText()).isEqualTo(confirmed.get("start").asText());
        assertThat(kept.get("status").asText()).isEqualTo("CONFIRMED");
        JsonNode moved = event(replanned, visit.get("pairId").asText(), visit.get("kind").asText());
        LocalDate from = LocalDate.parse(visit.get("start").asText());
        LocalDate to = LocalDate.parse(visit.get("end").asText());
        assertThat(LocalDate.parse(moved.get("end").asText()).isBefore(from)
                || LocalDate.parse(moved.get("start").asText()).isAfter(to))
                .as("the event on the blackout moved off it").isTrue();
        JsonNode postponed = event(replanned, training.get("pairId").asText(), "THEMATIC_TRAINING");
        assertThat(postponed.get("start").asText()).isEqualTo(postponeTo.toString());
        assertThat(postponed.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(postponed.get("sequence").asInt()).isEqualTo(training.get("sequence").asInt() + 1);
        assertThat(replanned.at("/metadata/feasible").asBoolean()).isTrue();
        waitFor(() -> find("main h1").getText().contains("COMPLETED"));
        waitFor(() -> all("#gantt .g-bar").size() == replanned.get("events").size());
        assertThat(all("#gantt .g-bar.confirmed")).hasSize(2);
    }

    @Test
    @Order(3)
    void anInfeasibleScheduleIsShownAsInfeasibleWithEveryBreak() {
        ObjectNode request = JSON.createObjectNode();
        request.put("name", "Browser infeasible").put("pairingRunId", pairingId).put("startDate", "2027-01-04");
        // One expert for every pair, at most one event a month: far fewer than the events that need one.
        ObjectNode solo = request.putArray("experts").addObject().put("id", "solo").put("name", "Solo")
                .put("maxEventsPerMonth", 1);
        solo.putArray("regions").add("NORTH_AMERICA").add("LATIN_AMERICA_CARIBBEAN").add("ASIA");
        JsonNode languages = JSON.createArrayNode();
        for (String language : LANGUAGES.split(", ")) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) languages).add(language);
        }
        solo.set("languages", languages);
        request.putObject("termination").put("spentLimit", "PT3S");
        String id = post("/api/v1/schedule-runs", request).get("id").asText();
        JsonNode metadata = ended("schedule", id);
        assertThat(metadata.get("feasible").asBoolean()).isFalse();
        JsonNode analysis = get("/api/v1/schedule-runs/" + id + "/score-analysis");
        Set<String> broken = new HashSet<>();
        int matches = 0;
        for (JsonNode constraint : analysis.get("constraints")) {
            if (constraint.get("score").asText().matches("-\\d+hard/.*")) {
                for (JsonNode match : constraint.get("matches")) {
                    matches++;
                    match.at("/justification/eventIds").forEach(e -> broken.add(e.asText()));
                }
            }
        }
        assertThat(matches).isPositive();

        open("/schedule/" + id);
        waitFor(() -> find("#infeasible").getText().startsWith("Infeasible"));
        assertThat(find("main h1").getText()).contains("infeasible");
        waitFor(() -> all("#gantt .g-bar.broken").size() == broken.size());
        assertThat(all("#breaks .break-row")).hasSize(matches);
        accessible("an infeasible schedule");
        String brokenEvent = broken.iterator().next();
        open("/schedule/" + id + "/event/" + brokenEvent);
        waitFor(() -> find("#event-breaks").isDisplayed());
        open("/runs?kind=schedule");
        waitFor(() -> driver.findElement(By.cssSelector("tr[data-run-id='" + id + "']")).getText()
                .contains("infeasible"));
    }

    private void expert(WebElement fieldset, String name, List<String> regions, String away) {
        fieldset.findElement(By.cssSelector(".expert-name")).sendKeys(name);
        fieldset.findElement(By.cssSelector(".expert-languages")).sendKeys(LANGUAGES);
        for (String region : regions) {
            fieldset.findElement(By.cssSelector(".expert-region[value='" + region + "']")).click();
        }
        WebElement monthly = fieldset.findElement(By.cssSelector(".expert-monthly"));
        monthly.clear();
        monthly.sendKeys("8");
        new Select(fieldset.findElement(By.cssSelector(".expert-home"))).selectByIndex(1);
        fieldset.findElement(By.cssSelector(".expert-away")).sendKeys(away);
    }

    private static JsonNode training(JsonNode pair) {
        return StreamSupport.stream(pair.get("events").spliterator(), false)
                .filter(e -> e.get("kind").asText().equals("THEMATIC_TRAINING")).findFirst().orElseThrow();
    }

    /** The first day from this one that is no weekend day or public holiday in either city of the pair. */
    private LocalDate workingDay(JsonNode pair, LocalDate from) {
        Set<LocalDate> closed = new HashSet<>();
        for (JsonNode city : List.of(pair.get("euCity"), pair.get("partnerCity"))) {
            String subdivision = city.path("subdivision").asText();
            get("/api/v1/holidays?country=" + city.get("country").asText() + "&from=" + from + "&to="
                    + from.plusDays(60) + (subdivision.isEmpty() ? "" : "&subdivision=" + subdivision))
                    .forEach(h -> {
                        if (h.path("subdivision").isMissingNode()
                                || h.get("subdivision").asText().equals(subdivision)) {
                            closed.add(LocalDate.parse(h.get("date").asText()));
                        }
                    });
        }
        LocalDate day = from;
        while (closed.contains(day) || day.getDayOfWeek().getValue() >= 6) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static JsonNode event(JsonNode result, String pairId, String kind) {
        return StreamSupport.stream(result.get("events").spliterator(), false)
                .filter(e -> e.get("pairId").asText().equals(pairId) && e.get("kind").asText().equals(kind))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " of " + pairId));
    }
}
