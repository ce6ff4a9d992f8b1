package eu.iucplanner.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A coordinator's flows in the browser: submit a demo pool from the page and follow it to its pairs and map; filter
 * and sort the pairs; pin one pair and exclude another and rerun; an unpaired applicant's recommendations; two runs
 * compared; a hostile applicant name stays text; the runs list by keyboard and on a phone's width. What the page shows
 * is checked against what the API answers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserPairingIT extends BrowserTestSupport {

    private String runId;

    @Test
    @Order(1)
    void submitsADemoPoolOnceAndShowsProgressThenThePairsAndOneMapLinePerPair() {
        open("/new");
        accessible("the new pairing run");
        select("#source", "demo:SMALL");
        type("#run-name", "Browser SMALL");
        type("#spent", "8");
        find("#unimproved").clear();
        // The SMALL pool is proven optimal within about a second; to be seen solving, it solves past its proof.
        find("#stop-at-optimum").click();
        find("#check").click();
        waitFor(() -> find("#validation-ok").getText().contains("Valid: 40 applicants"));
        // A double click submits once: the button is disabled while submitting.
        new Actions(driver).doubleClick(find("#submit-run")).perform();
        waitFor(() -> driver.getCurrentUrl().contains("#/pairing/"));
        runId = runIdInUrl("pairing");
        assertThat(get("/api/v1/pairing-runs/" + runId + "/request").get("stopAtProvenOptimum").asBoolean(true))
                .isFalse();

        // Progress while it solves: status and pairs so far, from the event stream.
        waitFor(() -> fact("#progress-facts", "Status").equals("SOLVING")
                && Integer.parseInt(fact("#progress-facts", "Pairs so far")) > 0
                && fact("#progress-facts", "Best score").contains("hard/"));
        JsonNode metadata = ended("pairing", runId);
        assertThat(metadata.get("status").asText()).isEqualTo("COMPLETED");
        JsonNode runs = get("/api/v1/pairing-runs?size=200");
        assertThat(StreamSupport.stream(runs.get("content").spliterator(), false)
                .filter(run -> run.get("name").asText().equals("Browser SMALL")).count())
                .as("runs submitted by a double click").isEqualTo(1);

        JsonNode result = get("/api/v1/pairing-runs/" + runId);
        int pairs = result.get("pairs").size();
        assertThat(pairs).isPositive();
        waitFor(() -> find("main h1").getText().contains("COMPLETED"));
        assertThat(fact("#progress-facts", "Pairs so far")).isEqualTo(String.valueOf(pairs));
        assertThat(fact("#progress-facts", "Best score")).isEqualTo(metadata.get("score").asText());
        assertThat(find("#score-chart")).isNotNull();
        assertThat(find("#pairs-count").getDomAttribute("data-total")).isEqualTo(String.valueOf(pairs));
        assertThat(all("#pairs-table tbody tr.pair-row")).hasSize(Math.min(20, pairs));
        assertThat(all("#pairs-table thead tr")).hasSize(1);
        assertThat(all("#pairs-table thead tr > th")).hasSize(7);
        assertThat(all("#pairs-table tbody tr.pair-row")).allMatch(row -> row.findElements(By.tagName("td")).size() == 7);
        List<WebElement> regionRows = all("#region-table tbody tr");
        assertThat(regionRows).hasSize(result.get("regionBalance").size());
        for (int i = 0; i < regionRows.size(); i++) {
            assertThat(regionRows.get(i).findElements(By.tagName("td")).get(1).getText())
                    .isEqualTo(result.get("regionBalance").get(i).get("pairs").asText());
        }
        assertThat(driver.getTitle()).isEqualTo("Browser SMALL · IUC Planner");
        accessible("the pairing run");

        // The map: one line per pair, every pair of the demo pool has coordinates.
        find("#tab-map").click();
        waitFor(() -> all("path.pair-line").size() == pairs);
        result.get("pairs").forEach(pair -> {
            assertThat(pair.at("/euApplicant/latitude").isNumber()).isTrue();
            assertThat(pair.at("/partner/longitude").isNumber()).isTrue();
        });
        for (String region : List.of("NORTH_AMERICA", "LATIN_AMERICA_CARIBBEAN", "ASIA")) {
            long inRegion = StreamSupport.stream(result.get("pairs").spliterator(), false)
                    .filter(pair -> pair.at("/partner/region").asText().equals(region)).count();
            assertThat(all("path.pair-line-" + region)).hasSize((int) inRegion);
        }
        assertThat(all("path.leaflet-interactive, path").size()).isGreaterThan(pairs + 100); // outlines drawn
        assertThat(find(".leaflet-control-attribution").getText()).contains("Natural Earth");
        // Below the map the legend and nothing else: every pair is drawn (the screenshot once showed a stray "null").
        assertThat(all("section[aria-label='Map of the pairs'] > div > *")).hasSize(2);
        assertThat(find("section[aria-label='Map of the pairs']").getText()).doesNotContain("null");
        accessible("the map");
    }

    @Test
    @Order(2)
    void filtersAndSortsThePairsAsTheApiSays() {
        JsonNode pairs = get("/api/v1/pairing-runs/" + runId).get("pairs");
        open("/pairing/" + runId);
        waitFor(() -> find("#pairs-count") != null);
        select("#region", "ASIA");
        assertFiltered(pairs, pair -> pair.at("/partner/region").asText().equals("ASIA"));
        String country = pairs.get(0).at("/partner/country").asText();
        select("#region", "");
        select("#country", country);
        assertFiltered(pairs, pair -> pair.at("/partner/country").asText().equals(country)
                || pair.at("/euApplicant/country").asText().equals(country));
        select("#country", "");
        String theme = pairs.get(0).at("/euApplicant/themes/0").asText();
        select("#theme", theme);
        assertFiltered(pairs, pair -> contains(pair.at("/euApplicant/themes"), theme)
                || contains(pair.at("/partner/themes"), theme));
        select("#theme", "");
        assertThat(find("#pairs-count").getDomAttribute("data-filtered")).isEqualTo(String.valueOf(pairs.size()));

        // Sorted by score, best first: the first row is the API's best pair; by partner name, A to Z.
        find("#sort-score").click();
        find("#sort-score").click();
        List<JsonNode> byScore = new ArrayList<>();
        pairs.forEach(byScore::add);
        byScore.sort(Comparator.comparingLong((JsonNode pair) -> soft(pair.get("score").asText())).reversed());
        waitFor(SHORT, () -> find("#pairs-table tbody tr").getDomAttribute("data-pair")
                .equals(key(byScore.get(0))) || soft(rowScore(0)) == soft(byScore.get(0).get("score").asText()));
        assertThat(soft(rowScore(0))).isEqualTo(soft(byScore.get(0).get("score").asText()));
        assertThat(driver.getCurrentUrl()).contains("sort=score").contains("dir=desc");
        find("#sort-region").click();
        waitFor(SHORT, () -> driver.getCurrentUrl().contains("sort=region"));
        List<String> regions = all("#pairs-table tbody tr td:nth-child(3)").stream().map(WebElement::getText).toList();
        assertThat(regions).isSorted();

        // The filter is in the URL: a reload (or a bookmark) shows the same rows.
        select("#region", "NORTH_AMERICA");
        driver.navigate().refresh();
        waitFor(() -> find("#pairs-count").getDomAttribute("data-filtered").equals(String.valueOf(
                StreamSupport.stream(pairs.spliterator(), false)
                        .filter(pair -> pair.at("/partner/region").asText().equals("NORTH_AMERICA")).count())));
    }

    @Test
    @Order(3)
    void pinsOnePairAndExcludesAnotherThenTheRerunKeepsThePinWithoutTheExcludedPair() {
        JsonNode pairs = get("/api/v1/pairing-runs/" + runId).get("pairs");
        open("/pairing/" + runId);
        waitFor(() -> all("#pairs-table tbody tr.pair-row").size() >= 2);
        WebElement first = all("#pairs-table tbody tr.pair-row").get(0);
        String pinned = first.getDomAttribute("data-pair");
        first.findElement(By.cssSelector("button.pin")).click();
        waitFor(() -> find("#pending-list").getText().contains("Pin"));
        WebElement second = all("#pairs-table tbody tr.pair-row").get(1);
        String excluded = second.getDomAttribute("data-pair");
        second.findElement(By.cssSelector("button.exclude")).click();
        waitFor(() -> find("#pending-list").getText().contains("Exclude"));
        assertThat(all("#pending-list li")).hasSize(2);
        accessible("the pairing run with changes for a rerun");
        type("#rerun-seconds", "3");
        find("#rerun").click();
        waitFor(() -> !runIdInUrl("pairing").equals(runId));
        String rerunId = runIdInUrl("pairing");
        ended("pairing", rerunId);
        JsonNode rerun = get("/api/v1/pairing-runs/" + rerunId);
        assertThat(rerun.at("/metadata/parentRunId").asText()).isEqualTo(runId);
        JsonNode kept = find(rerun.get("pairs"), pair -> key(pair).equals(pinned));
        assertThat(kept).as("the pinned pair " + pinned).isNotNull();
        assertThat(kept.get("pinned").asBoolean()).isTrue();
        assertThat(find(rerun.get("pairs"), pair -> key(pair).equals(excluded))).as("the excluded pair").isNull();
        assertThat(pairs.size()).isPositive();
        waitFor(() -> find("main h1").getText().contains("COMPLETED"));
        type("#q", kept.at("/euApplicant/name").asText());
        waitFor(SHORT, () -> !driver.findElements(By.cssSelector("#pairs-table tr[data-pair='" + pinned + "']"))
                .isEmpty());
        WebElement pinnedRow = driver.findElement(By.cssSelector("#pairs-table tr[data-pair='" + pinned + "']"));
        assertThat(pinnedRow.getText()).contains("pinned");
        // The proof names the pin and the exclusion the rerun was given, as its metadata does.
        assertThat(fact("#proof-facts", "Pins")).isEqualTo(String.valueOf(rerun.at("/metadata/pinnedPairs").size()));
        assertThat(fact("#proof-facts", "Exclusions"))
                .isEqualTo(String.valueOf(rerun.at("/metadata/excludedPairs").size()));
        assertThat(find("#proof-pins").getDomProperty("textContent")).contains(kept.at("/euApplicant/name").asText()
                + " – " + kept.at("/partner/name").asText());

        // The two runs side by side.
        find("a[href^='#/compare/']").click();
        waitFor(() -> find("#compare-summary").isDisplayed());
        assertThat(all("#only-first tbody tr")).extracting(WebElement::getText)
                .anyMatch(text -> text.contains(find(pairs, pair -> key(pair).equals(excluded)).at("/partner/name")
                        .asText()));
        accessible("the comparison");
    }

    @Test
    @Order(4)
    void showsTheRankedRecommendationsOfAnUnpairedApplicant() {
        JsonNode result = get("/api/v1/pairing-runs/" + runId);
        assertThat(result.get("unpaired")).as("the SMALL pool leaves applicants unpaired").isNotEmpty();
        JsonNode applicant = result.get("unpaired").get(0).get("applicant");
        open("/pairing/" + runId + "?tab=unpaired");
        waitFor(() -> all("#unpaired-table tbody tr").size() == Math.min(20, result.get("unpaired").size()));
        all("#unpaired-table tbody tr").get(0).findElement(By.cssSelector("a.button")).click();
        waitFor(() -> driver.getCurrentUrl().contains("/applicant/"));
        ObjectNode ask = JSON.createObjectNode().put("applicantId", applicant.get("id").asText()).put("limit", 10);
        JsonNode recommendations = post("/api/v1/pairing-runs/" + runId + "/recommendations", ask);
        waitFor(() -> all("#recommendation-table tbody tr").size() == recommendations.size());
        List<WebElement> rows = all("#recommendation-table tbody tr");
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).getText()).contains(recommendations.get(i).at("/partner/name").asText())
                    .contains(recommendations.get(i).get("scoreDiff").asText());
        }
        assertThat(find("#recommendations h2").getText()).contains(applicant.get("name").asText());
        accessible("an applicant's recommendations");
        // Back goes to the unpaired list.
        driver.navigate().back();
        waitFor(() -> driver.getCurrentUrl().endsWith("?tab=unpaired"));
        waitFor(() -> !all("#unpaired-table").isEmpty());
    }

    @Test
    @Order(5)
    void aHostileApplicantNameStaysText() {
        String hostile = "<img src=x onerror=\"window.__owned=1\">Lyon";
        ObjectNode request = (ObjectNode) get("/api/v1/demo-data/SMALL");
        ArrayNode applicants = (ArrayNode) request.get("applicants");
        applicants.forEach(applicant -> ((ObjectNode) applicant).put("name", hostile + " "
                + applicant.get("id").asText()));
        request.put("name", "<script>window.__owned=2</script>Run");
        request.putObject("termination").put("spentLimit", "PT2S");
        String id = post("/api/v1/pairing-runs", request).get("id").asText();
        ended("pairing", id);
        open("/pairing/" + id);
        waitFor(() -> find("main h1").getText().contains("<script>window.__owned=2</script>Run"));
        waitFor(() -> find("#pairs-table").getText().contains(hostile));
        find("#tab-map").click();
        waitFor(() -> !all("path.pair-line").isEmpty());
        open("/runs");
        waitFor(() -> find("#runs-list").getText().contains("<script>window.__owned=2</script>Run"));
        assertThat(script("return window.__owned === undefined")).isEqualTo(true);
        assertThat(all("main img")).isEmpty();
        assertThat(all("main script")).isEmpty();
    }

    @Test
    @Order(6)
    void theRunsListWorksByKeyboardAndOnAPhone() {
        open("/runs");
        waitFor(() -> !all("table.runs tbody tr").isEmpty());
        int total = get("/api/v1/pairing-runs?size=1").get("totalElements").asInt()
                + get("/api/v1/schedule-runs?size=1").get("totalElements").asInt();
        waitFor(SHORT, () -> find("#runs-count").getText().startsWith(total + " run"));
        select("#filter-status", "COMPLETED");
        waitFor(() -> driver.getCurrentUrl().contains("status=COMPLETED"));
        JsonNode completed = get("/api/v1/pairing-runs?size=200&status=COMPLETED");
        JsonNode completedSchedules = get("/api/v1/schedule-runs?size=200&status=COMPLETED");
        waitFor(() -> find("#runs-count").getText().startsWith((completed.get("totalElements").asInt()
                + completedSchedules.get("totalElements").asInt()) + " run"));
        accessible("the runs list");

        // Tab from the top of the page to the first run's link, and open it with Enter.
        String firstRun = find("table.runs tbody tr td:nth-child(2) a").getText();
        script("document.activeElement.blur(); window.scrollTo(0, 0);");
        boolean reached = false;
        for (int i = 0; i < 40 && !reached; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            WebElement focused = driver.switchTo().activeElement();
            reached = "a".equals(focused.getTagName()) && focused.getText().equals(firstRun);
        }
        assertThat(reached).as("the first run's link is reached by Tab").isTrue();
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        waitFor(() -> driver.getCurrentUrl().contains("#/pairing/") || driver.getCurrentUrl().contains("#/schedule/"));

        // At 390 px the page does not scroll sideways; wide tables scroll within their box.
        driver.manage().window().setSize(new Dimension(390, 844));
        open("/pairing/" + runId);
        waitFor(() -> !all("#pairs-table tbody tr").isEmpty());
        assertThat(((Number) script("return document.documentElement.scrollWidth")).intValue())
                .isLessThanOrEqualTo(((Number) script("return window.innerWidth")).intValue());
        assertThat(find("#pairs-table").isDisplayed()).isTrue();
        accessible("the pairing run at 390 px");
    }

    @Test
    @Order(7)
    void uploadsACsvPoolShowsItsErrorsByRowAndColumnAndSubmitsItWithTheCallsRulesAndWeights() throws Exception {
        String csv = rest.exchange(org.springframework.http.RequestEntity.get(java.net.URI.create(
                "/api/v1/demo-data/SMALL")).accept(MediaType.parseMediaType("text/csv")).build(), String.class)
                .getBody();
        String[] lines = csv.split("\r\n");
        List<String> header = List.of(lines[0].split(","));
        int country = header.indexOf("country");
        // A row without quoted cells (so splitting at commas is right): its country becomes ZZ.
        int row = 3;
        while (lines[row].contains("\"")) {
            row++;
        }
        String[] cellsOfRow = lines[row].split(",", -1);
        cellsOfRow[country] = "ZZ";
        lines[row] = String.join(",", cellsOfRow);
        String broken = String.join("\r\n", lines) + "\r\n";
        Path brokenFile = Files.createTempFile("pool-broken", ".csv");
        Files.writeString(brokenFile, broken);
        Path goodFile = Files.createTempFile("pool", ".csv");
        Files.writeString(goodFile, csv);

        open("/new");
        select("#source", "file");
        find("#file").sendKeys(brokenFile.toAbsolutePath().toString());
        find("#check").click();
        waitFor(() -> !all("#validation tr.field-error").isEmpty());
        List<String> cells = all("#validation tr.field-error").get(0).findElements(By.tagName("td")).stream()
                .map(WebElement::getText).toList();
        assertThat(cells.get(0)).isEqualTo("row " + row + " (line " + (row + 1) + ")");
        assertThat(cells.get(1)).isEqualTo("country");
        assertThat(cells.get(2)).contains("country code");
        accessible("the new pairing run with errors");
        // The refused dry run is the one error the console shows.
        assertThat(consoleErrors()).hasSize(1).allMatch(error -> error.contains("pairing-runs/validation")
                && error.contains("400"));

        find("#file").clear();
        find("#file").sendKeys(goodFile.toAbsolutePath().toString());
        type("#run-name", "Browser CSV pool");
        type("#threshold", "150000");
        type("#target-ASIA", "4");
        type("#weight-1", "5");
        type("#spent", "2");
        find("#check").click();
        waitFor(() -> find("#validation-ok").getText().startsWith("Valid: 40 applicants"));
        find("#submit-run").click();
        waitFor(() -> driver.getCurrentUrl().contains("#/pairing/") && !runIdInUrl("pairing").equals(runId));
        String id = runIdInUrl("pairing");
        JsonNode stored = get("/api/v1/pairing-runs/" + id + "/request");
        assertThat(stored.get("name").asText()).isEqualTo("Browser CSV pool");
        assertThat(stored.get("applicants")).hasSize(40);
        assertThat(stored.at("/call/populationThreshold").asLong()).isEqualTo(150_000);
        assertThat(stored.at("/call/targetPairs/ASIA").asInt()).isEqualTo(4);
        assertThat(stored.at("/weights/Size similarity").asLong()).isEqualTo(5);
        assertThat(stored.at("/termination/spentLimit").asText()).isEqualTo("PT2S");
        ended("pairing", id);
        waitFor(() -> find("main h1").getText().contains("COMPLETED"));
    }

    @Test
    @Order(8)
    void aViewerSeesTheRunsWithoutTheActionsTheirRoleMayNotTake() {
        ObjectNode viewer = JSON.createObjectNode().put("username", "browser-viewer").put("displayName", "Vera Viewer")
                .put("password", "viewer-password-0123");
        viewer.putArray("roles").add("VIEWER");
        post("/api/v1/users", viewer);
        driver.get(base() + "/account.html");
        waitFor(() -> !find("#user").getText().isEmpty());
        accessible("the account page");
        find("#logout-form button").click();
        waitFor(() -> driver.getCurrentUrl().contains("/login.html"));
        try {
            driver.findElement(By.id("username")).sendKeys("browser-viewer");
            driver.findElement(By.id("password")).sendKeys("viewer-password-0123");
            driver.findElement(By.id("submit")).click();
            waitFor(() -> driver.getTitle().startsWith("Runs"));
            assertThat(find("#nav-new").isDisplayed()).isFalse();
            assertThat(all("table.runs button")).as("no stop, duplicate or remove for a viewer").isEmpty();
            open("/pairing/" + runId);
            waitFor(() -> !all("#pairs-table tbody tr.pair-row").isEmpty());
            assertThat(all("#pairs-table button.pin, #pairs-table button.exclude")).isEmpty();
            assertThat(all("#make-schedule")).isEmpty();
            assertThat(find("#download-csv").isDisplayed()).isTrue();
        } finally {
            find("#logout-form button").click();
            waitFor(() -> driver.getCurrentUrl().contains("/login.html"));
            logIn();
        }
    }

    @Test
    @Order(9)
    void aLostConnectionIsShownUntilTheServiceAnswersAgain() {
        open("/runs");
        waitFor(() -> !all("table.runs tbody tr").isEmpty());
        assertThat(find("#banner").isDisplayed()).isFalse();
        org.openqa.selenium.chromium.ChromiumNetworkConditions offline =
                new org.openqa.selenium.chromium.ChromiumNetworkConditions();
        offline.setOffline(true);
        driver.setNetworkConditions(offline);
        try {
            select("#filter-status", "FAILED");
            waitFor(SHORT, () -> find("#banner").isDisplayed());
            assertThat(find("#banner").getText()).contains("cannot be reached");
            assertThat(find("main").getText()).contains("This page could not be shown");
        } finally {
            driver.deleteNetworkConditions();
        }
        find("main a[href='#/runs']").click();
        waitFor(SHORT, () -> !find("#banner").isDisplayed());
        waitFor(() -> !all("table.runs tbody tr").isEmpty());
        // What the browser logged while it was offline: the failed requests, nothing else.
        assertThat(consoleErrors()).allMatch(error -> error.contains("ERR_INTERNET_DISCONNECTED")
                || error.contains("Failed to fetch"));
    }

    @Test
    @Order(10)
    void duplicatesARunAsANewRunWithOtherSettings() {
        JsonNode original = get("/api/v1/pairing-runs/" + runId + "/request");
        open("/pairing/" + runId);
        find("a[href='#/new?from=" + runId + "']").click();
        waitFor(() -> find("#run-name").getDomProperty("value").equals("Browser SMALL (new)"));
        assertThat(new org.openqa.selenium.support.ui.Select(find("#source")).getFirstSelectedOption()
                .getDomAttribute("value")).isEqualTo("stored");
        type("#run-name", "Browser SMALL, other weights");
        type("#weight-0", "50");
        type("#spent", "2");
        find("#submit-run").click();
        waitFor(() -> driver.getCurrentUrl().contains("#/pairing/") && !runIdInUrl("pairing").equals(runId));
        JsonNode copy = get("/api/v1/pairing-runs/" + runIdInUrl("pairing") + "/request");
        assertThat(copy.get("applicants")).isEqualTo(original.get("applicants"));
        assertThat(copy.at("/weights/Shared challenges").asLong()).isEqualTo(50);
        assertThat(copy.get("name").asText()).isEqualTo("Browser SMALL, other weights");
        ended("pairing", runIdInUrl("pairing"));
        waitFor(() -> find("main h1").getText().contains("COMPLETED"));
    }

    private void assertFiltered(JsonNode pairs, Predicate<JsonNode> filter) {
        long expected = StreamSupport.stream(pairs.spliterator(), false).filter(filter).count();
        waitFor(SHORT, () -> find("#pairs-count").getDomAttribute("data-filtered").equals(String.valueOf(expected)));
        assertThat(all("#pairs-table tbody tr.pair-row")).hasSize((int) Math.min(20, expected));
    }

    private String rowScore(int row) {
        return all("#pairs-table tbody tr").get(row).findElement(By.cssSelector("td.score")).getText()
                .replace("pinned", "").strip();
    }

    private static long soft(String score) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(-?\\d+)hard/(-?\\d+)medium/(-?\\d+)soft")
                .matcher(score);
        assertThat(m.find()).as(score).isTrue();
        return Long.parseLong(m.group(1)) * 1_000_000_000_000L + Long.parseLong(m.group(2)) * 1_000_000L
                + Long.parseLong(m.group(3));
    }

    private static String key(JsonNode pair) {
        return pair.at("/euApplicant/id").asText() + "|" + pair.at("/partner/id").asText();
    }

    private static boolean contains(JsonNode array, String value) {
        return StreamSupport.stream(array.spliterator(), false).anyMatch(node -> node.asText().equals(value));
    }

    private static JsonNode find(JsonNode array, Predicate<JsonNode> filter) {
        return StreamSupport.stream(array.spliterator(), false).filter(filter).findFirst().orElse(null);
    }
}
