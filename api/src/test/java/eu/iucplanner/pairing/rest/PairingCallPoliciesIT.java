package eu.iucplanner.pairing.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import eu.iucplanner.demo.ParticipantPools;
import eu.iucplanner.demo.rest.DemoDataController;
import eu.iucplanner.pairing.domain.PopulationPolicy;

/**
 * The rules a call may set, over HTTP: population policies with declared populations, country caps, theme spread,
 * cluster coherence, stability and earlier participation; and the regional strand.
 */
class PairingCallPoliciesIT extends PairingApiTestSupport {

    private static final ObjectMapper WITHOUT_NULLS = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private static final List<String> SMALL_PARTICIPANTS = List.of("Almada", "Växjö", "Santa Monica");

    /**
     * Item 1, "done when": a pool of real cities with declared metropolitan (and municipal) populations, under a call
     * that counts city-proper and municipal figures. Under HARD the small real participants are refused, each with
     * the figure and basis that counted and the declared one that did not; under PREFERENCE they are paired, each
     * pair with a "Population below threshold" contribution naming the figure. Rio das Ostras (100,000 in GeoNames)
     * counts by its declared municipal figure under both.
     */
    @Test
    void smallRealParticipantsArePairedUnderPreferenceAndRefusedUnderHardEachWithItsReason() throws Exception {
        JsonNode hard = solved(PopulationPolicy.HARD);
        Map<String, JsonNode> ineligible = new HashMap<>();
        hard.get("ineligible").forEach(view -> ineligible.put(view.at("/applicant/name").asText(), view));
        assertThat(ineligible.keySet()).containsExactlyInAnyOrderElementsOf(SMALL_PARTICIPANTS);
        JsonNode almada = ineligible.get("Almada").at("/reasons/0");
        assertThat(almada.get("reason").asText()).isEqualTo("POPULATION_AT_OR_BELOW_THRESHOLD");
        assertThat(almada.get("message").asText()).isEqualTo("The population of Almada is 34,008 (city proper); "
                + "the call requires more than 100,000 inhabitants. Its figure 2,870,000 (metropolitan area, Lisbon "
                + "metropolitan area, declared by the applicant (demo figure)) does not count in this call, which "
                + "counts city proper, municipality.");
        assertThat(ineligible.get("Växjö").at("/reasons/0/message").asText())
                .startsWith("The population of Växjö is 96,000 (municipality, declared by the applicant");
        assertThat(names(hard)).contains("Rio das Ostras").doesNotContainAnyElementsOf(SMALL_PARTICIPANTS);

        JsonNode preference = solved(PopulationPolicy.PREFERENCE);
        assertThat(preference.get("ineligible")).isEmpty();
        assertThat(preference.get("pairs")).hasSize(6);
        assertThat(names(preference)).containsAll(SMALL_PARTICIPANTS);
        for (JsonNode pair : preference.get("pairs")) {
            List<String> sentences = new ArrayList<>();
            pair.get("contributions").forEach(contribution -> {
                if (contribution.get("constraint").asText().equals("Population below threshold")) {
                    sentences.add(contribution.get("justification").asText());
                }
            });
            String members = pair.at("/euApplicant/name").asText() + " " + pair.at("/partner/name").asText();
            boolean small = SMALL_PARTICIPANTS.stream().anyMatch(members::contains);
            assertThat(sentences).as(members).hasSize(small ? 1 : 0);
            if (members.contains("Almada")) {
                assertThat(sentences.get(0)).contains("Almada has 34,008 (city proper) inhabitants, not more than "
                        + "the 100,000 the call prefers.");
            }
        }
    }

    /**
     * Item 2, countries: a hard cap of 2 pairs and a soft cap of 1 per country on the SMALL demo pool. The run is
     * still proven optimal (the caps are arcs of the flow), no country is above 2, the soft cap's penalty in the
     * score analysis is 200 for every pair beyond 1 of each country, and an unpaired applicant held back by a cap
     * says so.
     */
    @Test
    void countryCapsKeepTheRunProvenOptimalAndAreExplained() throws Exception {
        ObjectNode request = demo("SMALL");
        ((ObjectNode) request.get("call")).put("maxPairsPerCountry", 2).put("softMaxPairsPerCountry", 1);
        request.remove("termination");
        UUID id = submit(request);
        JsonNode metadata = awaitMetadata(id, m -> hasStatus(m, "COMPLETED"));
        assertThat(metadata.get("optimal").asBoolean()).isTrue();
        assertThat(metadata.get("boundKind").asText()).isEqualTo("OPTIMUM");
        JsonNode result = json(rest.getForEntity(RUNS + "/" + id, String.class).getBody());
        Map<String, Integer> perCountry = new HashMap<>();
        result.get("pairs").forEach(pair -> {
            perCountry.merge(pair.at("/euApplicant/country").asText(), 1, Integer::sum);
            perCountry.merge(pair.at("/partner/country").asText(), 1, Integer::sum);
        });
        assertThat(perCountry.values()).allMatch(pairs -> pairs <= 2);
        long beyondSoftCap = 0;
        for (JsonNode country : result.get("countryBalance")) {
            assertThat(country.get("pairs").asInt()).isEqualTo(perCountry.getOrDefault(country.get("country")
                    .asText(), 0));
            beyondSoftCap += Math.max(0, country.get("pairs").asInt() - 1);
        }
        assertThat(beyondSoftCap).as("the soft cap binds in this pool").isPositive();
        JsonNode analysis = json(rest.getForEntity(RUNS + "/" + id + "/score-analysis", String.class).getBody());
        long penalty = 0;
        for (JsonNode constraint : analysis.get("constraints")) {
            if (constraint.get("name").asText().equals("Country above soft cap")) {
                penalty = -Long.parseLong(constraint.get("score").asText().replaceAll(".*/(-?\\d+)soft", "$1"));
            }
        }
        assertThat(penalty).isEqualTo(200 * beyondSoftCap);
        boolean capExplained = false;
        for (JsonNode unpaired : result.get("unpaired")) {
            if (unpaired.get("reason").asText().equals("COUNTRY_CAP_REACHED")) {
                capExplained = true;
                assertThat(unpaired.get("explanation").asText()).contains("cap");
            }
        }
        assertThat(capExplained).as("some applicant is held back by a country's cap").isTrue();
    }

    /**
     * Item 2, themes (and item 7's relaxation bound): with a soft cap of 0 pairs per main shared theme (every pair
     * with a shared theme costs), which the flow cannot represent, the run reports the warm start's Lagrangian bound
     * (boundKind RELAXATION), at or above its score and optimal exactly when it reaches it, with the gap; each pair
     * names its main shared theme, the theme balance counts them, and the score analysis charges 100 for each pair
     * beyond a theme's cap.
     */
    @Test
    void themeSpreadIsSolvedAgainstTheRelaxationBound() throws Exception {
        ObjectNode request = demo("SMALL");
        ((ObjectNode) request.get("call")).put("softMaxPairsPerTheme", 0);
        request.putObject("termination").put("spentLimit", "PT20S").put("unimprovedSpentLimit", "PT2S");
        UUID id = submit(request);
        JsonNode metadata = awaitMetadata(id, m -> hasStatus(m, "COMPLETED"));
        assertThat(metadata.get("boundKind").asText()).isEqualTo("RELAXATION");
        HardMediumSoftLongScore score = HardMediumSoftLongScore.parseScore(metadata.get("score").asText());
        HardMediumSoftLongScore bound = HardMediumSoftLongScore.parseScore(metadata.get("bound").asText());
        // The Lagrangian bound may reach the score (with a soft cap of 0 the penalty is linear, so multipliers at the
        // constraint's weight make the flow exact): the run is then proven optimal and ends at once.
        assertThat(bound).isGreaterThanOrEqualTo(score);
        assertThat(metadata.get("optimal").asBoolean()).isEqualTo(bound.equals(score));
        if (bound.mediumScore() == score.mediumScore()) {
            assertThat(metadata.get("gapPercent").asDouble()).isCloseTo(
                    100.0 * (bound.softScore() - score.softScore()) / Math.abs(bound.softScore()),
                    org.assertj.core.data.Offset.offset(1e-9));
        }
        JsonNode result = json(rest.getForEntity(RUNS + "/" + id, String.class).getBody());
        Map<String, Integer> perTheme = new HashMap<>();
        result.get("pairs").forEach(pair -> {
            if (!pair.get("mainSharedTheme").isNull()) {
                perTheme.merge(pair.get("mainSharedTheme").asText(), 1, Integer::sum);
            }
        });
        long beyond = 0;
        for (JsonNode theme : result.get("themeBalance")) {
            assertThat(theme.get("pairs").asInt()).isEqualTo(perTheme.getOrDefault(theme.get("theme").asText(), 0));
            beyond += theme.get("pairs").asInt();
        }
        JsonNode analysis = json(rest.getForEntity(RUNS + "/" + id + "/score-analysis", String.class).getBody());
        long penalty = 0;
        for (JsonNode constraint : analysis.get("constraints")) {
            if (constraint.get("name").asText().equals("Theme above soft cap")) {
                penalty = -Long.parseLong(constraint.get("score").asText().replaceAll(".*/(-?\\d+)soft", "$1"));
            }
        }
        assertThat(penalty).isEqualTo(100 * beyond);
    }

    /**
     * Item 4: the optimum of the SMALL demo pool has blocking pairs, each with what both sides would gain by
     * their own view; the same pool in STABLE mode ends at once with none, and reports the optimum's score as its
     * bound beside its own lower score.
     */
    @Test
    void aStablePairingHasNoBlockingPairAndReportsTheOptimumBesideIt() throws Exception {
        ObjectNode request = demo("SMALL");
        request.remove("termination");
        UUID optimalId = submit(request);
        JsonNode optimal = awaitMetadata(optimalId, m -> hasStatus(m, "COMPLETED"));
        JsonNode optimalResult = json(rest.getForEntity(RUNS + "/" + optimalId, String.class).getBody());
        assertThat(optimalResult.at("/stability/blockingPairCount").asInt()).isPositive();
        JsonNode first = optimalResult.at("/stability/blockingPairs/0");
        assertThat(first.get("euApplicant").get("id").asText()).isNotBlank();
        assertThat(first.has("euGain") && first.has("partnerGain")).isTrue();
        assertThat(first.get("euGain").isNull() || first.get("euGain").asLong() > 0).isTrue();
        assertThat(first.get("partnerGain").isNull() || first.get("partnerGain").asLong() > 0).isTrue();

        UUID stableId = submit(request.put("mode", "STABLE"));
        JsonNode stable = awaitMetadata(stableId, m -> hasStatus(m, "COMPLETED"));
        assertThat(stable.get("mode").asText()).isEqualTo("STABLE");
        assertThat(stable.get("bound").asText()).isEqualTo(optimal.get("score").asText());
        assertThat(HardMediumSoftLongScore.parseScore(stable.get("score").asText()))
                .isLessThan(HardMediumSoftLongScore.parseScore(optimal.get("score").asText()));
        assertThat(stable.get("optimal").asBoolean()).isFalse();
        JsonNode stableResult = json(rest.getForEntity(RUNS + "/" + stableId, String.class).getBody());
        assertThat(stableResult.at("/stability/blockingPairCount").asInt()).isZero();
        assertThat(stableResult.at("/metadata/feasible").asBoolean()).isTrue();
    }

    /**
     * Item 8: an applicant names its partner of the optimum as an earlier partner. Under EXCLUDE the pair is not
     * formed again; under PENALIZE (with a weight that outweighs any pair) neither; both runs stay proven optimal.
     * With preferFirstTimeParticipants, a pair with a returning member says so in its contributions.
     */
    @Test
    void earlierPairsAreExcludedOrPenalizedAndReturningParticipantsExplained() throws Exception {
        ObjectNode request = demo("SMALL");
        request.remove("termination");
        UUID first = submit(request);
        awaitMetadata(first, m -> hasStatus(m, "COMPLETED"));
        JsonNode pair = json(rest.getForEntity(RUNS + "/" + first, String.class).getBody()).at("/pairs/0");
        String eu = pair.at("/euApplicant/id").asText();
        String partner = pair.at("/partner/id").asText();
        for (JsonNode applicant : request.get("applicants")) {
            if (applicant.get("id").asText().equals(eu)) {
                ((ObjectNode) applicant).putArray("earlierPartnerIds").add(partner);
            }
        }
        for (String mode : List.of("EXCLUDE", "PENALIZE")) {
            ObjectNode again = request.deepCopy();
            ((ObjectNode) again.get("call")).put("earlierPairs", mode).put("preferFirstTimeParticipants", true);
            if (mode.equals("PENALIZE")) {
                again.putObject("weights").put("Earlier pair formed again", 1_000_000);
            }
            UUID id = submit(again);
            JsonNode metadata = awaitMetadata(id, m -> hasStatus(m, "COMPLETED"));
            assertThat(metadata.get("optimal").asBoolean()).as(mode).isTrue();
            JsonNode result = json(rest.getForEntity(RUNS + "/" + id, String.class).getBody());
            boolean returningExplained = false;
            for (JsonNode formed : result.get("pairs")) {
                assertThat(formed.at("/euApplicant/id").asText().equals(eu)
                        && formed.at("/partner/id").asText().equals(partner)).as(mode).isFalse();
                for (JsonNode contribution : formed.get("contributions")) {
                    if (contribution.get("constraint").asText().equals("Returning participants")) {
                        returningExplained = true;
                        assertThat(formed.at("/euApplicant/id").asText()).isEqualTo(eu);
                        assertThat(contribution.get("justification").asText()).contains("took part in an earlier "
                                + "call");
                    }
                }
            }
            boolean euPaired = false;
            for (JsonNode formed : result.get("pairs")) {
                euPaired |= formed.at("/euApplicant/id").asText().equals(eu);
            }
            assertThat(returningExplained).as(mode).isEqualTo(euPaired);
        }
    }

    /**
     * Item 3: Lyon (Urban mobility, Circular economy) takes three partners; Boston and Curitiba work on Urban
     * mobility, Osaka on Circular economy only. Without a rule Lyon takes all three, a cluster reported with no common
     * theme. Under HARD it keeps Boston and Curitiba, every reported cluster shares a theme (Urban mobility), Osaka is
     * unpaired with reason CLUSTER_INCOHERENT, and the run's bound is the relaxation's (three pairs), not proven.
     * Under SOFT all three pair again, with "Cluster coherence" charged 500 once and named on each of the cluster's
     * pairs. A coherence rule that is not one of the three is refused, naming the field.
     */
    @Test
    void clustersShareAThemeWhenTheCallRequiresItAndAreReportedWithTheirCommonTheme() throws Exception {
        JsonNode none = clusterRun(null);
        assertThat(none.get("pairs")).hasSize(3);
        assertThat(none.get("clusters")).hasSize(1);
        JsonNode incoherent = none.at("/clusters/0");
        assertThat(incoherent.at("/hub/id").asText()).isEqualTo("lyon");
        assertThat(ids(incoherent.get("partners"))).containsExactlyInAnyOrder("boston", "curitiba", "osaka");
        assertThat(incoherent.get("commonThemes")).isEmpty();
        assertThat(incoherent.get("explanation").asText()).isEqualTo("Lyon and its partners Boston, Curitiba and "
                + "Osaka share no theme; the call does not ask clusters for one.");
        assertThat(none.at("/metadata/optimal").asBoolean()).isTrue();

        JsonNode hard = clusterRun("HARD");
        assertThat(hard.at("/metadata/feasible").asBoolean()).isTrue();
        assertThat(hard.at("/metadata/boundKind").asText()).isEqualTo("RELAXATION");
        assertThat(hard.at("/metadata/optimal").asBoolean()).isFalse();
        assertThat(HardMediumSoftLongScore.parseScore(hard.at("/metadata/bound").asText()).mediumScore())
                .as("the relaxation pairs all three").isGreaterThan(HardMediumSoftLongScore.parseScore(
                        hard.at("/metadata/score").asText()).mediumScore());
        assertThat(hard.get("pairs")).hasSize(2);
        assertThat(hard.get("clusters")).isNotEmpty();
        for (JsonNode cluster : hard.get("clusters")) {
            assertThat(cluster.get("commonThemes")).as(cluster.toString()).isNotEmpty();
        }
        JsonNode coherent = hard.at("/clusters/0");
        assertThat(ids(coherent.get("partners"))).containsExactlyInAnyOrder("boston", "curitiba");
        assertThat(coherent.get("commonThemes").get(0).asText()).isEqualTo("Urban mobility");
        assertThat(coherent.get("explanation").asText())
                .isEqualTo("Lyon and its partners Boston and Curitiba share Urban mobility.");
        JsonNode osaka = hard.at("/unpaired/0");
        assertThat(hard.get("unpaired")).hasSize(2); // Osaka, and Lyon's third place
        for (JsonNode unpaired : hard.get("unpaired")) {
            if (unpaired.at("/applicant/id").asText().equals("osaka")) {
                osaka = unpaired;
            }
        }
        assertThat(osaka.at("/applicant/id").asText()).isEqualTo("osaka");
        assertThat(osaka.get("reason").asText()).isEqualTo("CLUSTER_INCOHERENT");
        assertThat(osaka.get("explanation").asText()).contains("Lyon with Boston, Curitiba and Osaka")
                .contains("without a common theme")
                .contains("requires one theme common to each cluster");

        JsonNode soft = clusterRun("SOFT");
        assertThat(soft.get("pairs")).hasSize(3);
        assertThat(soft.at("/clusters/0/commonThemes")).isEmpty();
        assertThat(soft.at("/clusters/0/explanation").asText()).endsWith("the call prefers one theme common to each "
                + "cluster (Cluster coherence).");
        for (JsonNode pair : soft.get("pairs")) {
            List<String> lines = new ArrayList<>();
            pair.get("contributions").forEach(contribution -> {
                if (contribution.get("constraint").asText().equals("Cluster coherence")) {
                    lines.add(contribution.get("score").asText() + " " + contribution.get("justification").asText());
                }
            });
            assertThat(lines).as(pair.toString()).hasSize(1);
            assertThat(lines.get(0)).startsWith("0hard/0medium/-500soft Lyon (Circular economy, Urban mobility) "
                    + "and its partners ").endsWith("share no theme; the call prefers one theme common to each "
                    + "cluster.");
        }
        JsonNode analysis = json(rest.getForEntity(RUNS + "/" + soft.at("/metadata/id").asText() + "/score-analysis",
                String.class).getBody());
        boolean charged = false;
        for (JsonNode constraint : analysis.get("constraints")) {
            if (constraint.get("name").asText().equals("Cluster coherence")) {
                assertThat(constraint.get("score").asText()).isEqualTo("0hard/0medium/-500soft");
                charged = true;
            }
        }
        assertThat(charged).isTrue();

        ObjectNode bad = clusterRequest("ALWAYS");
        ResponseEntity<String> refused = postJson(RUNS, bad);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        JsonNode error = json(refused.getBody()).at("/errors/0");
        assertThat(error.get("field").asText()).isEqualTo("call.clusterCoherence");
        assertThat(error.get("message").asText()).contains("is not one of [NONE, SOFT, HARD]");
    }

    /**
     * Item 5: a REGION_TO_REGION call of four EU regions and four regions abroad (real first-level subdivisions of the
     * reference data, with their declared populations) pairs the regions with the same engine, one EU region with
     * one region abroad in each pair and proven optimal; Munich, a city, is refused with NOT_A_REGION and a sentence
     * naming the call. A subdivision the reference data does not know, or a region without one, is refused at the
     * door naming the field; the reference lookup finds the regions by name.
     */
    @Test
    void aRegionToRegionCallPairsRegionsAndRefusesCitiesWithTheirReason() throws Exception {
        ObjectNode request = regionalRequest();
        UUID id = submit(request);
        JsonNode metadata = awaitMetadata(id, m -> hasStatus(m, "COMPLETED"));
        assertThat(metadata.get("optimal").asBoolean()).isTrue();
        JsonNode result = json(rest.getForEntity(RUNS + "/" + id, String.class).getBody());
        assertThat(result.get("pairs")).hasSize(4);
        List<String> eu = List.of("by", "ct", "lom", "vlg");
        List<String> abroad = List.of("ca", "qc", "sp", "jal");
        for (JsonNode pair : result.get("pairs")) {
            assertThat(pair.at("/euApplicant/id").asText()).isIn(eu);
            assertThat(pair.at("/partner/id").asText()).isIn(abroad);
        }
        assertThat(result.get("ineligible")).hasSize(1);
        JsonNode munich = result.at("/ineligible/0");
        assertThat(munich.at("/applicant/id").asText()).isEqualTo("munich");
        assertThat(munich.at("/reasons/0/reason").asText()).isEqualTo("NOT_A_REGION");
        assertThat(munich.at("/reasons/0/message").asText()).isEqualTo("Munich is a city; in the region-to-region "
                + "call IURC regions only sub-national governments (first-level regions) are eligible applicants.");
        assertThat(munich.get("reasons")).hasSize(1);

        ObjectNode unknown = regionalRequest();
        ((ObjectNode) unknown.get("applicants").get(0)).put("subdivision", "DE-XX");
        ((ObjectNode) unknown.get("applicants").get(1)).remove("subdivision");
        ResponseEntity<String> refused = postJson(RUNS, unknown);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        Map<String, String> errors = new HashMap<>();
        json(refused.getBody()).get("errors").forEach(error -> errors.put(error.get("field").asText(),
                error.get("message").asText()));
        assertThat(errors).containsOnlyKeys("applicants[0].subdivision", "applicants[1].subdivision");
        assertThat(errors.get("applicants[0].subdivision")).startsWith("unknown subdivision 'DE-XX'");
        assertThat(errors.get("applicants[1].subdivision")).startsWith("is required for a SUB_NATIONAL_GOVERNMENT");

        JsonNode found = json(rest.getForEntity("/api/v1/reference/regions?name=BAVAR&country=DE", String.class)
                .getBody());
        assertThat(found).hasSize(1);
        assertThat(found.at("/0/code").asText()).isEqualTo("DE-BY");
        assertThat(found.at("/0/name").asText()).isEqualTo("Bavaria");
    }

    /**
     * The demo pools gain a call per policy: each policy demo is listed, its request body keeps its call's rules (the
     * older request builder dropped participation, cluster coherence and applicants' earlier partners) and passes
     * the dry run; the regional demo pairs its eight eligible EU regions and refuses Ceuta and Munich.
     */
    @Test
    void everyPolicyHasADemoCallWhoseRequestKeepsItsRules() throws Exception {
        JsonNode list = json(rest.getForEntity("/api/v1/demo-data", String.class).getBody());
        List<String> names = new ArrayList<>();
        list.forEach(pool -> names.add(pool.get("name").asText()));
        assertThat(names).contains("SMALL", "PREFERENCE", "COUNTRY_CAPS", "THEME_SPREAD", "CLUSTER_COHERENCE",
                "EARLIER_PARTICIPATION", "REGION_TO_REGION");
        Map<String, String> expected = Map.of("PREFERENCE", "/populationPolicy", "COUNTRY_CAPS", "/maxPairsPerCountry",
                "THEME_SPREAD", "/softMaxPairsPerTheme", "CLUSTER_COHERENCE", "/clusterCoherence",
                "EARLIER_PARTICIPATION", "/earlierPairs", "REGION_TO_REGION", "/kind");
        Map<String, String> values = Map.of("PREFERENCE", "PREFERENCE", "COUNTRY_CAPS", "2", "THEME_SPREAD", "2",
                "CLUSTER_COHERENCE", "HARD", "EARLIER_PARTICIPATION", "PENALIZE", "REGION_TO_REGION",
                "REGION_TO_REGION");
        for (var entry : expected.entrySet()) {
            JsonNode body = json(rest.getForEntity("/api/v1/demo-data/" + entry.getKey(), String.class).getBody());
            assertThat(body.at("/call" + entry.getValue()).asText()).as(entry.getKey())
                    .isEqualTo(values.get(entry.getKey()));
            ResponseEntity<String> dryRun = postJson(RUNS + "/validation", (ObjectNode) body);
            assertThat(dryRun.getStatusCode().value()).as(entry.getKey() + ": " + dryRun.getBody()).isEqualTo(200);
        }
        JsonNode earlier = json(rest.getForEntity("/api/v1/demo-data/EARLIER_PARTICIPATION", String.class).getBody());
        assertThat(earlier.at("/call/preferFirstTimeParticipants").asBoolean()).isTrue();
        int naming = 0;
        for (JsonNode applicant : earlier.get("applicants")) {
            naming += applicant.has("earlierPartnerIds") && !applicant.get("earlierPartnerIds").isNull() ? 1 : 0;
        }
        assertThat(naming).isEqualTo(6);

        ObjectNode regional = (ObjectNode) json(rest.getForEntity("/api/v1/demo-data/REGION_TO_REGION", String.class)
                .getBody());
        regional.remove("termination");
        UUID id = submit(regional);
        awaitMetadata(id, m -> hasStatus(m, "COMPLETED"));
        JsonNode result = json(rest.getForEntity(RUNS + "/" + id, String.class).getBody());
        assertThat(result.get("pairs")).hasSize(8);
        Map<String, String> refused = new HashMap<>();
        result.get("ineligible").forEach(view -> refused.put(view.at("/applicant/name").asText(),
                view.at("/reasons/0/reason").asText()));
        assertThat(refused).containsExactlyInAnyOrderEntriesOf(Map.of("Ceuta", "POPULATION_AT_OR_BELOW_THRESHOLD",
                "Munich", "NOT_A_REGION"));
    }

    /** Four EU regions and four abroad, each with its declared population, and the city of Munich. */
    private static ObjectNode regionalRequest() {
        ObjectNode request = new ObjectMapper().createObjectNode().put("name", "IURC regions");
        request.putObject("call").put("kind", "REGION_TO_REGION");
        var applicants = request.putArray("applicants");
        region(applicants.addObject(), "by", "Bavaria", "DE-BY", 13_369_393, "de", "Energy transition");
        region(applicants.addObject(), "ct", "Catalonia", "ES-CT", 7_901_963, "es", "Circular economy");
        region(applicants.addObject(), "lom", "Lombardy", "IT-25", 10_020_528, "it", "Urban mobility");
        region(applicants.addObject(), "vlg", "Flemish Region", "BE-VLG", 6_774_807, "nl", "Digital transition");
        region(applicants.addObject(), "ca", "California", "US-CA", 39_029_342, "en", "Energy transition");
        region(applicants.addObject(), "qc", "Quebec", "CA-QC", 8_874_683, "fr", "Digital transition");
        region(applicants.addObject(), "sp", "São Paulo", "BR-SP", 46_024_937, "pt", "Urban mobility");
        region(applicants.addObject(), "jal", "Jalisco", "MX-JAL", 8_348_151, "es", "Circular economy");
        ObjectNode munich = applicants.addObject().put("id", "munich").put("name", "Munich").put("country", "DE")
                .put("population", 1_260_391);
        munich.putArray("challenges").addObject().put("theme", "Energy transition").put("priority", 3);
        return request;
    }

    private static void region(ObjectNode applicant, String id, String name, String code, long population,
            String language, String theme) {
        applicant.put("id", id).put("name", name).put("country", code.substring(0, 2))
                .put("kind", "SUB_NATIONAL_GOVERNMENT").put("subdivision", code).put("population", population);
        applicant.putArray("declaredPopulations").addObject().put("population", population).put("basis", "REGION")
                .put("source", "declared by the region (test figure)");
        var languages = applicant.putArray("languages").add(language);
        if (!language.equals("en")) {
            languages.add("en");
        }
        applicant.putArray("challenges").addObject().put("theme", theme).put("priority", 3);
    }

    /** Lyon with three places; Boston and Curitiba share its Urban mobility, Osaka only its Circular economy. */
    private ObjectNode clusterRequest(String coherence) {
        ObjectNode request = new ObjectMapper().createObjectNode().put("name", "Cluster " + coherence);
        ObjectNode call = request.putObject("call");
        if (coherence != null) {
            call.put("clusterCoherence", coherence);
        }
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

    private JsonNode clusterRun(String coherence) throws Exception {
        UUID id = submit(clusterRequest(coherence));
        awaitMetadata(id, m -> hasStatus(m, "COMPLETED"));
        return json(rest.getForEntity(RUNS + "/" + id, String.class).getBody());
    }

    private static List<String> ids(JsonNode applicants) {
        List<String> ids = new ArrayList<>();
        applicants.forEach(applicant -> ids.add(applicant.get("id").asText()));
        return ids;
    }

    private JsonNode solved(PopulationPolicy policy) throws Exception {
        ObjectNode request = WITHOUT_NULLS.valueToTree(DemoDataController.request(ParticipantPools.generate(policy),
                "Participants " + policy).withTermination(null));
        UUID id = submit(request);
        JsonNode metadata = awaitMetadata(id, m -> hasStatus(m, "COMPLETED"));
        assertThat(metadata.get("optimal").asBoolean()).isTrue();
        return json(rest.getForEntity(RUNS + "/" + id, String.class).getBody());
    }

    private static List<String> names(JsonNode result) {
        List<String> names = new ArrayList<>();
        result.get("pairs").forEach(pair -> {
            names.add(pair.at("/euApplicant/name").asText());
            names.add(pair.at("/partner/name").asText());
        });
        return names;
    }
}
