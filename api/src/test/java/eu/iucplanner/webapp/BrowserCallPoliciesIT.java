package eu.iucplanner.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The call's policies in the browser: a run submitted from the page with a population preference and its floor, a
 * subset of the counted population figures, soft country and theme caps, earlier pairs penalized, first-time
 * participants preferred and the mode STABLE finds them all in the stored request; duplicated, the form shows them
 * again and the copy keeps them with a hard country cap and the mode OPTIMAL. Each run's proof (mode, optimal, bound,
 * its kind, the gap, pins, exclusions) and its blocking pairs are what the API answers. A small pool where one
 * applicant takes three partners, duplicated from the page with a hard cluster coherence, keeps it in the stored
 * request; both runs' clusters (hub, partners, common themes, explanation) are the API's.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserCallPoliciesIT extends BrowserTestSupport {

    private String stableRunId;

    @Test
    @Order(1)
    void submitsTheCallsPoliciesAndTheModeStableFromThePageAndShowsTheRunsProof() {
        open("/new");
        select("#source", "demo:SMALL");
        type("#run-name", "Browser policies");
        type("#spent", "10");
        find("#unimproved").clear();
        assertThat(find("#population-floor").isDisplayed()).as("the floor without the preference policy").isFalse();
        select("#population-policy", "PREFERENCE");
        waitFor(SHORT, () -> find("#population-floor").isDisplayed());
        type("#population-floor", "40000");
        find("#basis-METROPOLITAN").click();
        find("#basis-GROUP_TOTAL").click();
        type("#soft-max-per-country", "2");
        type("#soft-max-by-country", "de:1");
        type("#soft-max-per-theme", "4");
        select("#earlier-pairs", "PENALIZE");
        find("#prefer-first-time").click();
        select("#mode", "STABLE");
        accessible("the new pairing run with the call's policies");
        find("#check").click();
        waitFor(() -> find("#validation-ok").getText().contains("Valid: 40 applicants"));
        find("#submit-run").click();
        waitFor(() -> driver.getCurrentUrl().contains("#/pairing/"));
        stableRunId = runIdInUrl("pairing");

        JsonNode request = get("/api/v1/pairing-runs/" + stableRunId + "/request");
        JsonNode call = request.get("call");
        assertThat(call.get("populationPolicy").asText()).isEqualTo("PREFERENCE");
        assertThat(call.get("populationFloor").asLong()).isEqualTo(40_000);
        assertThat(texts(call.get("countedPopulationBases"))).containsExactly("CITY_PROPER", "MUNICIPALITY");
        assertThat(call.get("softMaxPairsPerCountry").asInt()).isEqualTo(2);
        assertThat(call.at("/softMaxPairsByCountry/DE").asInt()).isEqualTo(1);
        assertThat(call.get("softMaxPairsPerTheme").asInt()).isEqualTo(4);
        assertThat(call.get("earlierPairs").asText()).isEqualTo("PENALIZE");
        assertThat(call.get("preferFirstTimeParticipants").asBoolean()).isTrue();
        assertThat(call.path("maxPairsPerCountry").isNull() || call.path("maxPairsPerCountry").isMissingNode())
                .as("no hard cap set").isTrue();
        assertThat(call.path("allowRegionOverride").asBoolean(false)).isFalse();
        assertThat(call.path("clusterCoherence").isNull() || call.path("clusterCoherence").isMissingNode())
                .as("the default cluster coherence left out").isTrue();
        assertThat(request.get("mode").asText()).isEqualTo("STABLE");
        assertThat(request.path("stopAtProvenOptimum").asBoolean(true)).isTrue();

        JsonNode metadata = ended("pairing", stableRunId);
        assertThat(metadata.get("mode").asText()).isEqualTo("STABLE");
        assertProofAsTheApiSays(stableRunId);
        accessible("the pairing run's proof");
    }

    @Test
    @Order(2)
    void duplicatesTheRunKeepingItsPoliciesWithAHardCapAndShowsTheOptimumsBlockingPairs() {
        JsonNode original = get("/api/v1/pairing-runs/" + stableRunId + "/request");
        open("/pairing/" + stableRunId);
        find("a[href='#/new?from=" + stableRunId + "']").click();
        waitFor(() -> find("#run-name").getDomProperty("value").equals("Browser policies (new)"));
        // The form shows the stored request's policies.
        assertThat(selected("#population-policy")).isEqualTo("PREFERENCE");
        assertThat(find("#population-floor").isDisplayed()).isTrue();
        assertThat(value("#population-floor")).isEqualTo("40000");
        assertThat(find("#basis-CITY_PROPER").isSelected()).isTrue();
        assertThat(find("#basis-MUNICIPALITY").isSelected()).isTrue();
        assertThat(find("#basis-METROPOLITAN").isSelected()).isFalse();
        assertThat(find("#basis-GROUP_TOTAL").isSelected()).isFalse();
        assertThat(value("#soft-max-per-country")).isEqualTo("2");
        assertThat(value("#soft-max-by-country")).isEqualTo("DE:1");
        assertThat(value("#soft-max-per-theme")).isEqualTo("4");
        assertThat(selected("#earlier-pairs")).isEqualTo("PENALIZE");
        assertThat(find("#prefer-first-time").isSelected()).isTrue();
        assertThat(selected("#mode")).isEqualTo("STABLE");
        assertThat(find("#stop-at-optimum").isSelected()).isTrue();

        // A hard cap with the region override is refused by the dry run, naming the field.
        type("#max-per-country", "3");
        type("#max-by-country", "DE:1");
        find("#allow-region-override").click();
        find("#check").click();
        waitFor(() -> find("#validation .error-box").getText().contains("allowRegionOverride"));
        assertThat(find("#validation .error-box").getText()).contains("cannot be combined with country caps")
                // and the mode STABLE with a hard cap
                .contains("STABLE cannot keep hard country caps");
        // What the browser logged: the refused dry run, nothing else.
        assertThat(consoleErrors()).hasSize(1).allMatch(error -> error.contains("pairing-runs/validation")
                && error.contains("400"));
        find("#allow-region-override").click();
        select("#mode", "OPTIMAL");
        find("#stop-at-optimum").click();
        type("#run-name", "Browser policies, optimal");
        type("#spent", "3");
        find("#check").click();
        waitFor(() -> find("#validation-ok").getText().contains("Valid: 40 applicants"));
        find("#submit-run").click();
        waitFor(() -> driver.getCurrentUrl().contains("#/pairing/") && !runIdInUrl("pairing").equals(stableRunId));
        String copyId = runIdInUrl("pairing");

        JsonNode copy = get("/api/v1/pairing-runs/" + copyId + "/request");
        assertThat(copy.get("applicants")).isEqualTo(original.get("applicants"));
        JsonNode call = copy.get("call");
        for (String kept : List.of("populationPolicy", "populationFloor", "countedPopulationBases",
                "softMaxPairsPerCountry", "softMaxPairsByCountry", "softMaxPairsPerTheme", "earlierPairs",
                "preferFirstTimeParticipants")) {
            assertThat(call.get(kept)).as(kept).isEqualTo(original.at("/call/" + kept));
        }
        assertThat(call.get("maxPairsPerCountry").asInt()).isEqualTo(3);
        assertThat(call.at("/maxPairsByCountry/DE").asInt()).isEqualTo(1);
        assertThat(call.path("allowRegionOverride").asBoolean(false)).isFalse();
        assertThat(copy.path("mode").asText("OPTIMAL")).isEqualTo("OPTIMAL");
        assertThat(copy.get("stopAtProvenOptimum").asBoolean()).isFalse();

        ended("pairing", copyId);
        JsonNode result = assertProofAsTheApiSays(copyId);
        assertThat(fact("#proof-facts", "Mode")).isEqualTo("OPTIMAL");

        // The blocking pairs of the optimum, as the result lists them, with what each side gains.
        JsonNode listed = result.at("/stability/blockingPairs");
        assertThat(listed.size()).as("blocking pairs of the optimum").isPositive();
        find("#proof-facts a[href$='?tab=stability']").click();
        waitFor(() -> !all("#blocking-table tbody tr.blocking-row").isEmpty());
        assertThat(find("#blocking-table caption").getText()).contains(String.valueOf(result.at(
                "/stability/blockingPairCount").asInt()));
        List<WebElement> rows = all("#blocking-table tbody tr.blocking-row");
        assertThat(rows).hasSize(listed.size());
        for (int i = 0; i < rows.size(); i++) {
            List<WebElement> cells = rows.get(i).findElements(By.tagName("td"));
            JsonNode pair = listed.get(i);
            assertThat(cells.get(0).getText()).isEqualTo(who(pair.get("euApplicant")));
            assertThat(cells.get(1).getText()).isEqualTo(gain(pair.get("euGain")));
            assertThat(cells.get(2).getText()).isEqualTo(who(pair.get("euWouldGiveUp")));
            assertThat(cells.get(3).getText()).isEqualTo(who(pair.get("partner")));
            assertThat(cells.get(4).getText()).isEqualTo(gain(pair.get("partnerGain")));
            assertThat(cells.get(5).getText()).isEqualTo(who(pair.get("partnerWouldGiveUp")));
        }
        accessible("the blocking pairs");
    }

    @Test
    @Order(3)
    void duplicatesAClusterPoolWithAHardClusterCoherenceAndListsTheClustersAsTheApiDoes() {
        // Without a rule Lyon takes all three partners, though Osaka shares none of the others' themes.
        String looseId = post("/api/v1/pairing-runs", clusterPool()).get("id").asText();
        ended("pairing", looseId);
        JsonNode loose = assertClustersAsTheApiSays(looseId);
        assertThat(loose.get("clusters")).as("clusters without a rule").isNotEmpty();
        assertThat(loose.get("clusters").findValues("commonThemes")).as("an incoherent cluster").anyMatch(JsonNode::isEmpty);

        open("/pairing/" + looseId);
        find("a[href='#/new?from=" + looseId + "']").click();
        waitFor(() -> find("#run-name").getDomProperty("value").equals("Browser clusters (new)"));
        assertThat(selected("#cluster-coherence")).as("no rule stored").isEqualTo("NONE");
        select("#cluster-coherence", "HARD");
        type("#run-name", "Browser clusters, hard");
        find("#check").click();
        waitFor(() -> find("#validation-ok").getText().contains("Valid: 4 applicants"));
        find("#submit-run").click();
        waitFor(() -> driver.getCurrentUrl().contains("#/pairing/") && !runIdInUrl("pairing").equals(looseId));
        String hardId = runIdInUrl("pairing");

        JsonNode request = get("/api/v1/pairing-runs/" + hardId + "/request");
        assertThat(request.at("/call/clusterCoherence").asText()).isEqualTo("HARD");
        assertThat(request.get("applicants")).isEqualTo(get("/api/v1/pairing-runs/" + looseId + "/request")
                .get("applicants"));
        ended("pairing", hardId);
        JsonNode hard = assertClustersAsTheApiSays(hardId);
        assertThat(hard.get("clusters")).as("a coherent cluster under the hard rule").isNotEmpty();
        assertThat(hard.get("clusters").findValues("commonThemes")).noneMatch(JsonNode::isEmpty);
        accessible("the clusters");

        // The hub's link, by keyboard, lists its pairs: one per partner.
        JsonNode first = hard.at("/clusters/0");
        find("#clusters-table tr.cluster-row a").sendKeys(Keys.ENTER);
        waitFor(() -> find("#tab-pairs").getDomAttribute("aria-current") != null
                && find("#pairs-count").getDomAttribute("data-filtered")
                        .equals(String.valueOf(first.get("partners").size())));
        assertThat(value("#q")).isEqualTo(first.at("/hub/name").asText());

        // A duplicate of the hard run shows its rule again.
        open("/new?from=" + hardId);
        waitFor(() -> find("#run-name").getDomProperty("value").equals("Browser clusters, hard (new)"));
        assertThat(selected("#cluster-coherence")).isEqualTo("HARD");
    }

    /**
     * Opens the ended run, follows the proof's cluster count to the Clusters tab and compares each row with the
     * result's clusters in order; answers the result.
     */
    private JsonNode assertClustersAsTheApiSays(String id) {
        JsonNode result = get("/api/v1/pairing-runs/" + id);
        JsonNode clusters = result.get("clusters");
        open("/pairing/" + id);
        waitFor(() -> find("main h1").getText().contains(result.at("/metadata/status").asText()));
        assertThat(fact("#proof-facts", "Clusters")).isEqualTo(String.valueOf(clusters.size()));
        find("#proof-facts a[href$='?tab=clusters']").click();
        waitFor(() -> find("#tab-clusters").getDomAttribute("aria-current") != null);
        if (clusters.isEmpty()) {
            waitFor(() -> find("#no-clusters").isDisplayed());
            return result;
        }
        waitFor(() -> all("#clusters-table tbody tr.cluster-row").size() == clusters.size());
        assertThat(find("#clusters-table caption").getText()).isNotBlank();
        List<WebElement> rows = all("#clusters-table tbody tr.cluster-row");
        for (int i = 0; i < rows.size(); i++) {
            List<WebElement> cells = rows.get(i).findElements(By.tagName("td"));
            JsonNode cluster = clusters.get(i);
            assertThat(cells.get(0).getText()).isEqualTo(who(cluster.get("hub")));
            assertThat(cells.get(1).findElements(By.tagName("li"))).extracting(WebElement::getText)
                    .containsExactlyElementsOf(java.util.stream.StreamSupport.stream(cluster.get("partners")
                            .spliterator(), false).map(BrowserCallPoliciesIT::who).toList());
            if (cluster.get("commonThemes").isEmpty()) {
                assertThat(cells.get(2).getText()).isEqualTo("none");
            } else {
                assertThat(cells.get(2).findElements(By.tagName("li"))).extracting(WebElement::getText)
                        .containsExactlyElementsOf(texts(cluster.get("commonThemes")));
            }
            assertThat(cells.get(3).getText()).isEqualTo(cluster.get("explanation").asText());
        }
        return result;
    }

    /**
     * Lyon with three places; Boston and Curitiba share its Urban mobility, Osaka only its Circular economy (the pool
     * of PairingCallPoliciesIT's cluster test), without a coherence rule; at most 5 s, 1 s without improvement.
     */
    private static ObjectNode clusterPool() {
        ObjectNode request = JSON.createObjectNode().put("name", "Browser clusters");
        request.putObject("termination").put("spentLimit", "PT5S").put("unimprovedSpentLimit", "PT1S");
        var applicants = request.putArray("applicants");
        clusterApplicant(applicants.addObject(), "lyon", "Lyon", "FR", 3, List.of("fr", "en"),
                Map.of("Urban mobility", 3, "Circular economy", 3));
        clusterApplicant(applicants.addObject(), "boston", "Boston", "US", 1, List.of("en"),
                Map.of("Urban mobility", 3));
        clusterApplicant(applicants.addObject(), "curitiba", "Curitiba", "BR", 1, List.of("pt"),
                Map.of("Urban mobility", 2));
        clusterApplicant(applicants.addObject(), "osaka", "Osaka", "JP", 1, List.of("en"),
                Map.of("Circular economy", 3));
        return request;
    }

    private static void clusterApplicant(ObjectNode applicant, String id, String name, String country,
            int maxPartners, List<String> languages, Map<String, Integer> challenges) {
        applicant.put("id", id).put("name", name).put("country", country).put("population", 500_000)
                .put("maxPartners", maxPartners);
        languages.forEach(applicant.putArray("languages")::add);
        var themes = applicant.putArray("challenges");
        challenges.forEach((theme, priority) -> themes.addObject().put("theme", theme).put("priority", priority));
    }

    /** Opens the ended run and compares its proof with the run's metadata and result; answers the result. */
    private JsonNode assertProofAsTheApiSays(String id) {
        JsonNode result = get("/api/v1/pairing-runs/" + id);
        JsonNode metadata = result.get("metadata");
        open("/pairing/" + id);
        waitFor(() -> find("main h1").getText().contains(metadata.get("status").asText()));
        assertThat(fact("#proof-facts", "Mode")).isEqualTo(metadata.path("mode").asText("OPTIMAL"));
        assertThat(metadata.has("optimal")).as("optimal in " + metadata).isTrue();
        assertThat(fact("#proof-facts", "Proven optimal")).isEqualTo(metadata.get("optimal").asBoolean() ? "yes" : "no");
        assertThat(metadata.has("bound")).as("a bound in " + metadata).isTrue();
        assertThat(fact("#proof-facts", "Bound")).isEqualTo(metadata.get("bound").asText());
        assertThat(fact("#proof-facts", "Bound kind").toUpperCase()).isEqualTo(metadata.get("boundKind").asText());
        if (metadata.has("gapPercent")) {
            assertThat(Double.parseDouble(fact("#proof-facts", "Gap to the bound").replace(" %", "")))
                    .isCloseTo(metadata.get("gapPercent").asDouble(), within(0.005));
        } else {
            assertThat(all("#proof-facts dt")).extracting(WebElement::getText).doesNotContain("Gap to the bound");
        }
        assertThat(fact("#proof-facts", "Pins")).isEqualTo(String.valueOf(metadata.get("pinnedPairs").size()));
        assertThat(fact("#proof-facts", "Exclusions")).isEqualTo(String.valueOf(metadata.get("excludedPairs").size()));
        assertThat(fact("#proof-facts", "Blocking pairs"))
                .isEqualTo(String.valueOf(result.at("/stability/blockingPairCount").asInt()));
        return result;
    }

    private String value(String css) {
        return find(css).getDomProperty("value");
    }

    private String selected(String css) {
        return new Select(find(css)).getFirstSelectedOption().getDomAttribute("value");
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static String who(JsonNode applicant) {
        return applicant == null || applicant.isNull() ? "—"
                : applicant.get("name").asText() + " (" + applicant.get("country").asText() + ")";
    }

    private static String gain(JsonNode gain) {
        return gain == null || gain.isNull() ? "fills an open place" : gain.asText();
    }
}
