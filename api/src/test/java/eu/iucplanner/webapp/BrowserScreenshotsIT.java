package eu.iucplanner.webapp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Screenshots of every view at 1440 and 390 px wide under target/screenshots/ (the README's command; skipped unless
 * -Diuc.screenshots is given). The runs are made over the API: a SMALL pool, a rerun with a pin, a schedule with two
 * experts.
 */
@EnabledIfSystemProperty(named = "iuc.screenshots", matches = ".*")
class BrowserScreenshotsIT extends BrowserTestSupport {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Test
    void everyViewAt1440And390Pixels() throws IOException {
        String pairing = solvedSmallPool("IURC demo call, SMALL pool", "PT5S");
        JsonNode result = get("/api/v1/pairing-runs/" + pairing);
        JsonNode pair = result.get("pairs").get(0);
        ObjectNode rerun = JSON.createObjectNode();
        rerun.putArray("pinnedPairs").addObject().put("first", pair.at("/euApplicant/id").asText())
                .put("second", pair.at("/partner/id").asText());
        rerun.putObject("termination").put("spentLimit", "PT3S");
        String rerunId = post("/api/v1/pairing-runs/" + pairing + "/rerun", rerun).get("id").asText();
        ended("pairing", rerunId);
        ObjectNode schedule = JSON.createObjectNode().put("name", "Exchanges of the SMALL pool")
                .put("pairingRunId", pairing).put("startDate", "2027-01-04");
        for (String[] expert : new String[][] { { "anna", "Anna Nowak" }, { "ben", "Ben Ortiz" } }) {
            ObjectNode node = schedule.withArray("experts").addObject().put("id", expert[0]).put("name", expert[1])
                    .put("maxEventsPerMonth", 8);
            node.putArray("regions").add("NORTH_AMERICA").add("LATIN_AMERICA_CARIBBEAN").add("ASIA");
            for (String language : BrowserScheduleIT.LANGUAGES.split(", ")) {
                node.withArray("languages").add(language);
            }
        }
        schedule.putObject("termination").put("spentLimit", "PT10S");
        String scheduleId = post("/api/v1/schedule-runs", schedule).get("id").asText();
        ended("schedule", scheduleId);
        JsonNode events = get("/api/v1/schedule-runs/" + scheduleId).get("events");
        String unpaired = result.get("unpaired").isEmpty() ? pair.at("/euApplicant/id").asText()
                : result.at("/unpaired/0/applicant/id").asText();

        Map<String, String> views = new LinkedHashMap<>();
        views.put("runs", "/runs");
        views.put("new-pairing-run", "/new");
        views.put("pairing-run", "/pairing/" + pairing);
        views.put("pairing-run-map", "/pairing/" + pairing + "?tab=map");
        views.put("pair", "/pairing/" + pairing + "/pair/" + pair.at("/euApplicant/id").asText() + "%7C"
                + pair.at("/partner/id").asText());
        views.put("recommendations", "/pairing/" + pairing + "/applicant/" + unpaired);
        views.put("unpaired", "/pairing/" + pairing + "?tab=unpaired");
        views.put("score-by-constraint", "/pairing/" + pairing + "?tab=score");
        views.put("comparison", "/compare/" + pairing + "/" + rerunId);
        views.put("new-schedule", "/pairing/" + pairing + "/schedule?from=" + scheduleId);
        views.put("schedule-gantt", "/schedule/" + scheduleId);
        views.put("schedule-by-expert", "/schedule/" + scheduleId + "?by=expert");
        views.put("schedule-by-city", "/schedule/" + scheduleId + "?by=city");
        views.put("event", "/schedule/" + scheduleId + "/event/" + events.get(0).get("id").asText());
        views.put("expert-agenda", "/schedule/" + scheduleId + "/expert/anna");
        Files.createDirectories(SCREENSHOTS);
        for (int width : new int[] { 1440, 390 }) {
            driver.manage().window().setSize(new Dimension(width, width > 1000 ? 1000 : 844));
            for (Map.Entry<String, String> view : views.entrySet()) {
                open(view.getValue());
                waitFor(() -> all("main .muted").stream().noneMatch(e -> e.getText().equals("Loading…")));
                if (view.getKey().contains("map")) {
                    waitFor(() -> !all("path.pair-line").isEmpty());
                }
                if (view.getKey().startsWith("schedule") || view.getKey().equals("event")) {
                    waitFor(() -> !all("#gantt .g-bar").isEmpty());
                }
                shoot(view.getKey() + "-" + width);
                if (view.getKey().equals("pairing-run-map") || view.getKey().equals("schedule-gantt")) {
                    script("document.querySelector(arguments[0]).scrollIntoView()",
                            view.getKey().endsWith("map") ? "#tab-body" : "#chart");
                    shoot(view.getKey() + "-scrolled-" + width);
                }
            }
            driver.get(base() + "/account.html");
            waitFor(() -> !driver.findElement(By.id("user")).getText().isEmpty());
            shoot("account-" + width);
        }
    }

    private void shoot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }
}
