package eu.iucplanner.pairing.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.iucplanner.demo.DemoPoolSize;
import eu.iucplanner.demo.DemoPools;
import eu.iucplanner.pairing.domain.Applicant;
import eu.iucplanner.pairing.domain.PairRef;
import eu.iucplanner.pairing.domain.PairingProblem;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.solver.MaxWeightBMatching;
import eu.iucplanner.pairing.solver.PairWeights;
import eu.iucplanner.pairing.solver.PairingProblemFactory;

/** The coordination unit's flow over HTTP against the real service and database. */
class PairingRunFlowIT extends PairingApiTestSupport {

    @LocalServerPort
    int port;

    @org.springframework.boot.test.web.server.LocalManagementPort
    int managementPort;

    /**
     * Reading a HUGE run's result took seconds every time (issue 13: p95 7.3 s over 20 reads); a finished run's result
     * and score analysis are computed once, ahead of the first reader, stored, and read back as they were computed.
     */
    @Test
    void aFinishedRunsResultAndScoreAnalysisAreStoredOnceAndReadBackAsComputed() throws Exception {
        ObjectNode request = demo("SMALL");
        request.put("name", "stored views");
        UUID id = submit(request);
        awaitMetadata(id, metadata -> hasStatus(metadata, "COMPLETED"));
        // Stored ahead of any reader by the replica that ended the run.
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> storedViews(id) == 2);
        JsonNode stored = json(rest.getForEntity(RUNS + "/" + id, String.class).getBody());
        JsonNode storedAnalysis = json(rest.getForEntity(RUNS + "/" + id + "/score-analysis", String.class)
                .getBody());
        assertThat(stored.at("/metadata/status").asText()).isEqualTo("COMPLETED");
        assertThat(stored.at("/metadata/name").asText()).isEqualTo("stored views");
        assertThat(stored.get("pairs")).isNotEmpty();
        assertThat(storedAnalysis.get("constraints")).isNotEmpty();

        // Computed again from the stored best solution, they are the same documents.
        jdbc.update("DELETE FROM run_view WHERE run_id = ?", id);
        assertThat(json(rest.getForEntity(RUNS + "/" + id, String.class).getBody())).isEqualTo(stored);
        assertThat(json(rest.getForEntity(RUNS + "/" + id + "/score-analysis", String.class).getBody()))
                .isEqualTo(storedAnalysis);
        assertThat(storedViews(id)).isEqualTo(2);

        // A read serves the stored copy: a mark put into it shows in the JSON and in the CSV.
        String name = stored.at("/pairs/0/euApplicant/name").asText();
        jdbc.update("UPDATE run_view SET body = replace(body, ?, ?) WHERE run_id = ? AND view = 'result'",
                "\"" + name + "\"", "\"Stored copy\"", id);
        assertThat(json(rest.getForEntity(RUNS + "/" + id, String.class).getBody())
                .at("/pairs/0/euApplicant/name").asText()).isEqualTo("Stored copy");
        HttpHeaders csv = new HttpHeaders();
        csv.setAccept(List.of(org.springframework.http.MediaType.parseMediaType("text/csv")));
        assertThat(rest.exchange(RUNS + "/" + id, HttpMethod.GET, new HttpEntity<>(csv), String.class).getBody())
                .contains("Stored copy");
    }

    private int storedViews(UUID id) {
        return jdbc.queryForObject("SELECT count(*) FROM run_view WHERE run_id = ?", Integer.class, id);
    }

    @Test
    void smallDemoPoolSolvesToAFeasiblePairingWithAsManyPairsAsPossible() throws Exception {
        ObjectNode request = demo("SMALL");
        request.set("termination", JSON.createObjectNode().put("spentLimit", "PT20S")
                .put("unimprovedSpentLimit", "PT2S"));
        ResponseEntity<String> submitted = postJson(RUNS, request);
        assertThat(submitted.getStatusCode().value()).isEqualTo(202);
        UUID id = UUID.fromString(json(submitted.getBody()).get("id").asText());
        assertThat(submitted.getHeaders().getLocation()).hasToString("http://localhost:" + port + RUNS + "/" + id);

        // Follow the Server-Sent Events until the final status.
        List<String> events = followEvents(id);
        assertThat(events).first().asString().startsWith("status");
        assertThat(events).anyMatch(event -> event.startsWith("best-solution"));
        assertThat(events).last().asString().startsWith("status").contains("\"COMPLETED\"");

        JsonNode result = json(rest.getForEntity(RUNS + "/" + id, String.class).getBody());
        JsonNode metadata = result.get("metadata");
        assertThat(metadata.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(metadata.get("score").asText()).startsWith("0hard/");
        assertThat(metadata.get("feasible").asBoolean()).isTrue();
        assertThat(metadata.get("submittedAt").asText()).endsWith("Z");
        assertThat(metadata.get("solvingDuration").asText()).startsWith("PT");
        // Proven optimal by the exact warm start, the run ended before local search evaluated any move.
        assertThat(metadata.get("optimal").asBoolean()).isTrue();
        assertThat(metadata.get("moveEvaluationSpeed").asLong()).isZero();

        // Check the pairs independently of the solver's own score: hard rules and maximum cardinality.
        PairingSolution problem = PairingProblemFactory.create(DemoPools.generate(DemoPoolSize.SMALL));
        Map<String, Applicant> byId = new HashMap<>();
        problem.getApplicants().forEach(applicant -> byId.put(applicant.getId(), applicant));
        Map<String, Integer> partnerCount = new HashMap<>();
        Set<String> seenPairs = new HashSet<>();
        for (JsonNode pair : result.get("pairs")) {
            Applicant eu = byId.get(pair.at("/euApplicant/id").asText());
            Applicant partner = byId.get(pair.at("/partner/id").asText());
            assertThat(eu.isEuSide()).isTrue();
            assertThat(partner.isPartnerSide()).isTrue();
            assertThat(eu.isEligible() && partner.isEligible()).isTrue();
            assertThat(eu.excludes(partner) || partner.excludes(eu)).isFalse();
            assertThat(seenPairs.add(eu.getId() + "|" + partner.getId())).isTrue();
            partnerCount.merge(eu.getId(), 1, Integer::sum);
            partnerCount.merge(partner.getId(), 1, Integer::sum);
            assertThat(pair.get("contributions")).isNotEmpty();
            assertThat(pair.get("contributions").get(0).get("justification").asText()).contains(eu.getName());
        }
        partnerCount.forEach((applicantId, count) ->
                assertThat(count).as(applicantId).isLessThanOrEqualTo(byId.get(applicantId).getMaxPartners()));
        assertThat(result.get("pairs")).hasSize(maximumCardinality(problem));
        assertThat(metadata.get("pairCount").asInt()).isEqualTo(result.get("pairs").size());

        // Every eligible applicant with an open place is explained; every ineligible one has its reasons.
        long eligibleWithOpenPlaces = problem.getApplicants().stream().filter(Applicant::isEligible)
                .filter(applicant -> partnerCount.getOrDefault(applicant.getId(), 0) < applicant.getMaxPartners())
                .count();
        assertThat(result.get("unpaired")).hasSize((int) eligibleWithOpenPlaces);
        result.get("unpaired").forEach(unpaired -> {
            assertThat(unpaired.get("reason").asText()).isNotEqualTo("NOT_YET_PAIRED");
            assertThat(unpaired.get("explanation").asText()).isNotBlank();
        });
        long ineligible = problem.getApplicants().stream().filter(applicant -> !applicant.isEligible()).count();
        assertThat(result.get("ineligible")).hasSize((int) ineligible);
        result.get("ineligible").forEach(entry -> assertThat(entry.get("reasons")).isNotEmpty());

        // The pairs as CSV: a header and one row a pair.
        HttpHeaders csvHeaders = new HttpHeaders();
        csvHeaders.set(HttpHeaders.ACCEPT, "text/csv");
        ResponseEntity<String> csv = rest.exchange(RUNS + "/" + id, HttpMethod.GET, new HttpEntity<>(csvHeaders),
                String.class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        // "Also found": the CSV holds the pairs, then the unpaired and the ineligible applicants with their reasons.
        List<Map<String, String>> rows = csvRows(csv.getBody());
        assertThat(csv.getBody().substring(0, csv.getBody().indexOf("\r\n"))).isEqualTo("eu_applicant_id,"
                + "eu_applicant_name,eu_country,partner_applicant_id,partner_applicant_name,partner_country,"
                + "partner_region,pinned,score,reasons,status,open_places,reason_codes");
        assertThat(rows).hasSize(result.get("pairs").size() + result.get("unpaired").size()
                + result.get("ineligible").size());
        assertThat(rows.stream().filter(row -> row.get("status").equals("PAIRED"))).hasSize(result.get("pairs")
                .size());
        for (JsonNode refused : result.get("ineligible")) {
            String applicantId = refused.at("/applicant/id").asText();
            Map<String, String> row = rows.stream().filter(r -> applicantId.equals(r.get("eu_applicant_id"))
                    || applicantId.equals(r.get("partner_applicant_id"))).findFirst().orElseThrow();
            assertThat(row.get("status")).isEqualTo("INELIGIBLE");
            assertThat(row.get("reason_codes")).isEqualTo(refused.at("/reasons/0/reason").asText()
                    + (refused.get("reasons").size() > 1 ? ";" + refused.at("/reasons/1/reason").asText() : "")
                    + (refused.get("reasons").size() > 2 ? ";" + refused.at("/reasons/2/reason").asText()
                            : ""));
            assertThat(row.get("reasons")).startsWith(refused.at("/reasons/0/message").asText());
        }
        for (JsonNode open : result.get("unpaired")) {
            String applicantId = open.at("/applicant/id").asText();
            Map<String, String> row = rows.stream().filter(r -> applicantId.equals(r.get("eu_applicant_id"))
                    || applicantId.equals(r.get("partner_applicant_id"))).findFirst().orElseThrow();
            assertThat(row.get("status")).isEqualTo("UNPAIRED");
            assertThat(row.get("open_places")).isEqualTo(open.get("openPlaces").asText());
            assertThat(row.get("reason_codes")).isEqualTo(open.get("reason").asText());
            assertThat(row.get("reasons")).isEqualTo(open.get("explanation").asText());
        }

        // The score analysis adds up to the run's score.
        JsonNode analysis = json(rest.getForEntity(RUNS + "/" + id + "/score-analysis", String.class).getBody());
        assertThat(analysis.get("score").asText()).isEqualTo(metadata.get("score").asText());
        long soft = 0;
        for (JsonNode constraint : analysis.get("constraints")) {
            String score = constraint.get("score").asText();
            soft += Long.parseLong(score.substring(score.lastIndexOf('/') + 1, score.length() - "soft".length()));
        }
        String total = metadata.get("score").asText();
        assertThat(soft).isEqualTo(Long.parseLong(total.substring(total.lastIndexOf('/') + 1,
                total.length() - "soft".length())));

        // Timefold's solver metrics reach Micrometer.
        assertThat(rest.getForEntity("http://localhost:" + managementPort
                + "/actuator/metrics/timefold.solver.solve.duration", String.class)
                .getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void recommendationsRankCandidatesByTheirExactScoreDifference() throws Exception {
        UUID id = solvedSmallRun();
        JsonNode result = json(rest.getForEntity(RUNS + "/" + id, String.class).getBody());
        String euId = result.at("/pairs/0/euApplicant/id").asText();
        ResponseEntity<String> response = postJson(RUNS + "/" + id + "/recommendations",
                JSON.createObjectNode().put("applicantId", euId).put("limit", 5));
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        JsonNode recommendations = json(response.getBody());
        assertThat(recommendations).hasSize(5);
        List<String> diffs = new ArrayList<>();
        recommendations.forEach(r -> {
            assertThat(r.at("/partner/region").asText()).isNotEqualTo("EU");
            diffs.add(r.get("scoreDiff").asText());
        });
        // Ranked best first; the run's own solution is optimal for the per-pair part, so no swap gains medium.
        List<ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore> scores = diffs
                .stream().map(ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore
                        ::parseScore).toList();
        for (int i = 1; i < scores.size(); i++) {
            assertThat(scores.get(i - 1).compareTo(scores.get(i))).isGreaterThanOrEqualTo(0);
        }
        assertThat(scores.get(0).hardScore()).isZero();

        // A partner-side applicant gets EU cities recommended.
        String partnerId = result.at("/pairs/0/partner/id").asText();
        JsonNode forPartner = json(postJson(RUNS + "/" + id + "/recommendations",
                JSON.createObjectNode().put("applicantId", partnerId)).getBody());
        assertThat(forPartner).isNotEmpty();
        forPartner.forEach(r -> assertThat(r.at("/partner/region").asText()).isEqualTo("EU"));
    }

    @Test
    void rerunKeepsNewPinsAvoidsNewExclusionsAndStartsFromThePreviousSolution() throws Exception {
        UUID id = solvedSmallRun();
        JsonNode result = json(rest.getForEntity(RUNS + "/" + id, String.class).getBody());
        JsonNode first = result.at("/pairs/0");
        JsonNode second = result.at("/pairs/1");
        // Pin the first pair's EU city to the second pair's partner, and exclude the second pair.
        String pinnedEu = first.at("/euApplicant/id").asText();
        String pinnedPartner = second.at("/partner/id").asText();
        ObjectNode rerun = JSON.createObjectNode();
        ((ArrayNode) rerun.putArray("pinnedPairs")).addObject().put("first", pinnedEu).put("second", pinnedPartner);
        ((ArrayNode) rerun.putArray("excludedPairs")).addObject().put("first", second.at("/euApplicant/id").asText())
                .put("second", first.at("/partner/id").asText());
        rerun.putObject("termination").put("unimprovedSpentLimit", "PT1S");
        ResponseEntity<String> response = postJson(RUNS + "/" + id + "/rerun", rerun);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(202);
        UUID rerunId = UUID.fromString(json(response.getBody()).get("id").asText());
        assertThat(json(response.getBody()).get("parentRunId").asText()).isEqualTo(id.toString());
        awaitMetadata(rerunId, metadata -> hasStatus(metadata, "COMPLETED"));

        JsonNode rerunResult = json(rest.getForEntity(RUNS + "/" + rerunId, String.class).getBody());
        assertThat(rerunResult.at("/metadata/feasible").asBoolean()).isTrue();
        boolean pinnedFound = false;
        for (JsonNode pair : rerunResult.get("pairs")) {
            String eu = pair.at("/euApplicant/id").asText();
            String partner = pair.at("/partner/id").asText();
            if (eu.equals(pinnedEu) && partner.equals(pinnedPartner)) {
                pinnedFound = true;
                assertThat(pair.get("pinned").asBoolean()).isTrue();
            }
            assertThat(eu.equals(second.at("/euApplicant/id").asText())
                    && partner.equals(first.at("/partner/id").asText())).isFalse();
        }
        assertThat(pinnedFound).isTrue();
        PairingProblem base = DemoPools.generate(DemoPoolSize.SMALL);
        PairingSolution changed = PairingProblemFactory.create(new PairingProblem(base.call(), base.applicants(),
                List.of(new PairRef(pinnedEu, pinnedPartner)),
                List.of(new PairRef(second.at("/euApplicant/id").asText(), first.at("/partner/id").asText())),
                Map.of()));
        assertThat(rerunResult.get("pairs")).hasSize(maximumCardinality(changed));
    }

    /**
     * The "Also found" rerun fix: a rerun with one pin and one exclusion solves its problem from scratch with the
     * exact warm start, like a new run of the same request, so both end at the same proven optimum; neither waits
     * for its ten-minute limit (a run that ends within the two minutes awaited here ended at its proof). The rerun's
     * metadata echoes the pins and exclusions it used.
     */
    @Test
    void aRerunReachesTheProvenOptimumOfItsPinsAndExclusionsLikeANewRun() throws Exception {
        UUID id = solvedSmallRun();
        JsonNode result = json(rest.getForEntity(RUNS + "/" + id, String.class).getBody());
        JsonNode first = result.at("/pairs/0");
        JsonNode second = result.at("/pairs/1");
        ObjectNode pin = JSON.createObjectNode().put("first", first.at("/euApplicant/id").asText())
                .put("second", second.at("/partner/id").asText());
        ObjectNode exclusion = JSON.createObjectNode().put("first", second.at("/euApplicant/id").asText())
                .put("second", first.at("/partner/id").asText());
        ObjectNode rerun = JSON.createObjectNode();
        rerun.putArray("pinnedPairs").add(pin);
        rerun.putArray("excludedPairs").add(exclusion);
        rerun.putObject("termination").put("spentLimit", "PT10M");
        ResponseEntity<String> response = postJson(RUNS + "/" + id + "/rerun", rerun);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(202);
        UUID rerunId = UUID.fromString(json(response.getBody()).get("id").asText());

        ObjectNode fresh = demo("SMALL");
        fresh.putArray("pinnedPairs").add(pin);
        fresh.putArray("excludedPairs").add(exclusion);
        fresh.putObject("termination").put("spentLimit", "PT10M");
        UUID freshId = submit(fresh);

        JsonNode rerunEnd = awaitMetadata(rerunId, metadata -> hasStatus(metadata, "COMPLETED"));
        JsonNode freshEnd = awaitMetadata(freshId, metadata -> hasStatus(metadata, "COMPLETED"));
        assertThat(freshEnd.get("optimal").asBoolean()).as(freshEnd.toString()).isTrue();
        assertThat(rerunEnd.get("optimal").asBoolean()).as(rerunEnd.toString()).isTrue();
        assertThat(rerunEnd.get("score").asText()).isEqualTo(freshEnd.get("score").asText());
        assertThat(rerunEnd.get("bound").asText()).isEqualTo(rerunEnd.get("score").asText());
        assertThat(rerunEnd.get("gapPercent").asDouble()).isZero();
        assertThat(rerunEnd.get("pinnedPairs")).containsExactly(pin);
        assertThat(rerunEnd.get("excludedPairs")).containsExactly(exclusion);
        // Left out of the body, pins and exclusions are the parent's: a rerun of the rerun echoes the same ones.
        ResponseEntity<String> again = postJson(RUNS + "/" + rerunId + "/rerun", JSON.createObjectNode());
        assertThat(json(again.getBody()).get("pinnedPairs")).containsExactly(pin);
        assertThat(json(again.getBody()).get("excludedPairs")).containsExactly(exclusion);
        awaitMetadata(UUID.fromString(json(again.getBody()).get("id").asText()),
                metadata -> hasStatus(metadata, "COMPLETED"));
    }

    /**
     * Item 7: a run whose best solution is proven optimal ends at once as COMPLETED with {@code optimal: true}, the
     * bound and a gap of 0, instead of solving on until its ten-minute limit; with {@code stopAtProvenOptimum: false}
     * the same pool keeps solving after the proof (the metadata already says optimal) until it is stopped.
     */
    @Test
    void aRunProvenOptimalEndsAtOnceAsCompletedWithTheBoundAndNoGap() throws Exception {
        ObjectNode request = demo("SMALL");
        request.putObject("termination").put("spentLimit", "PT10M");
        UUID id = submit(request);
        JsonNode ended = awaitMetadata(id, metadata -> hasStatus(metadata, "COMPLETED"));
        assertThat(ended.get("optimal").asBoolean()).isTrue();
        assertThat(ended.get("boundKind").asText()).isEqualTo("OPTIMUM");
        assertThat(ended.get("bound").asText()).isEqualTo(ended.get("score").asText());
        assertThat(ended.get("gapPercent").asDouble()).isZero();

        UUID busy = submit(request.put("stopAtProvenOptimum", false));
        JsonNode proven = awaitMetadata(busy, metadata -> metadata.path("optimal").asBoolean());
        assertThat(proven.get("status").asText()).isEqualTo("SOLVING");
        rest.exchange(RUNS + "/" + busy, HttpMethod.DELETE, null, String.class);
        JsonNode stopped = awaitMetadata(busy, metadata -> hasStatus(metadata, "TERMINATED"));
        assertThat(stopped.get("score").asText()).isEqualTo(ended.get("score").asText());
    }

    /**
     * "Also found": an unpaired applicant's explanation names its own best compatible partners (by the pair's soft
     * score, checked here against the per-pair weights of the pool) and the pairs that hold their places.
     */
    @Test
    void unpairedApplicantsNameTheirOwnBestCompatiblePartnersAndWhatHoldsThem() throws Exception {
        UUID id = solvedSmallRun();
        JsonNode result = json(rest.getForEntity(RUNS + "/" + id, String.class).getBody());
        PairingSolution problem = PairingProblemFactory.create(DemoPools.generate(DemoPoolSize.SMALL));
        Map<String, Applicant> byId = new HashMap<>();
        problem.getApplicants().forEach(applicant -> byId.put(applicant.getId(), applicant));
        Map<String, List<String>> partnersOf = new HashMap<>();
        for (JsonNode pair : result.get("pairs")) {
            String eu = pair.at("/euApplicant/id").asText();
            String partner = pair.at("/partner/id").asText();
            partnersOf.computeIfAbsent(eu, k -> new ArrayList<>()).add(partner);
            partnersOf.computeIfAbsent(partner, k -> new ArrayList<>()).add(eu);
        }
        PairWeights weights = PairWeights.of(problem.getConstraintWeightOverrides());
        Set<String> firstNamed = new HashSet<>();
        int explained = 0;
        for (JsonNode unpaired : result.get("unpaired")) {
            if (!"COMPATIBLE_PARTNERS_TAKEN".equals(unpaired.get("reason").asText())) {
                continue;
            }
            Applicant applicant = byId.get(unpaired.at("/applicant/id").asText());
            List<Applicant> otherSide = problem.getApplicants().stream()
                    .filter(other -> other.isEligible() && (applicant.isEuSide() ? other.isPartnerSide()
                            : other.isEuSide()) && !other.excludes(applicant) && !applicant.excludes(other))
                    .toList();
            long bestScore = otherSide.stream().mapToLong(other -> weights.softScore(applicant, other)).max()
                    .orElseThrow();
            JsonNode best = unpaired.get("bestCompatiblePartners");
            assertThat(best).hasSize(Math.min(3, otherSide.size()));
            assertThat(best.get(0).get("pairScore").asLong()).isEqualTo(bestScore);
            for (JsonNode partner : best) {
                String partnerId = partner.at("/partner/id").asText();
                assertThat(partner.get("pairScore").asLong())
                        .isEqualTo(weights.softScore(applicant, byId.get(partnerId)));
                List<String> holders = new ArrayList<>();
                partner.get("heldBy").forEach(held -> holders.add(held.at("/partner/id").asText()));
                assertThat(holders).containsExactlyInAnyOrderElementsOf(partnersOf.get(partnerId));
                assertThat(unpaired.get("explanation").asText()).contains(partner.at("/partner/name").asText());
            }
            firstNamed.add(best.get(0).at("/partner/id").asText());
            explained++;
        }
        assertThat(explained).as("unpaired applicants whose partners are taken").isGreaterThan(1);
        assertThat(firstNamed).as("not the same example for everyone").hasSizeGreaterThan(1);
    }

    @Test
    void deleteStopsASolvingRunAndKeepsItsBestSolutionWhileTheNextRunWaits() throws Exception {
        ObjectNode request = demo("SMALL");
        request.set("termination", JSON.createObjectNode().put("spentLimit", "PT5M"));
        request.put("stopAtProvenOptimum", false); // it must still be solving when it is stopped
        UUID solving = submit(request);
        UUID waiting = submit(request.put("name", "second"));
        awaitMetadata(solving, metadata -> hasStatus(metadata, "SOLVING") && metadata.has("score"));
        assertThat(metadata(waiting).get("status").asText()).isEqualTo("SCHEDULED");

        // DELETE answers at once (202) without waiting for the solver; the run then ends TERMINATED.
        ResponseEntity<String> stop = rest.exchange(RUNS + "/" + solving, HttpMethod.DELETE, null, String.class);
        assertThat(stop.getStatusCode().value()).as(stop.getBody()).isEqualTo(202);
        JsonNode terminated = awaitMetadata(solving, metadata -> hasStatus(metadata, "TERMINATED"));
        assertThat(terminated.get("score").asText()).startsWith("0hard/");
        assertThat(terminated.get("pairCount").asInt()).isPositive();
        assertThat(terminated.get("completedAt").asText()).isNotBlank();
        JsonNode result = json(rest.getForEntity(RUNS + "/" + solving, String.class).getBody());
        assertThat(result.get("pairs")).hasSize(terminated.get("pairCount").asInt());

        // The waiting run starts once the first has stopped; stopping it before it ends works the same way.
        awaitMetadata(waiting, metadata -> hasStatus(metadata, "SOLVING"));
        assertThat(rest.exchange(RUNS + "/" + waiting, HttpMethod.DELETE, null, String.class).getStatusCode()
                .value()).isEqualTo(202);
        awaitMetadata(waiting, metadata -> hasStatus(metadata, "TERMINATED"));
        // Stopping a run that has ended changes nothing.
        ResponseEntity<String> again = rest.exchange(RUNS + "/" + waiting, HttpMethod.DELETE, null, String.class);
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(json(again.getBody()).get("status").asText()).isEqualTo("TERMINATED");

        // Listing: newest first.
        JsonNode page = json(rest.getForEntity(RUNS + "?size=2", String.class).getBody());
        assertThat(page.at("/content/0/id").asText()).isEqualTo(waiting.toString());
        assertThat(page.at("/content/1/id").asText()).isEqualTo(solving.toString());
        assertThat(page.get("totalElements").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void csvPoolIsAcceptedWithCallRulesFromTheQuery() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, "text/csv");
        String csv = rest.exchange("/api/v1/demo-data/SMALL", HttpMethod.GET, new HttpEntity<>(headers),
                String.class).getBody();
        ResponseEntity<String> response = post(RUNS + "?name=From-CSV&populationThreshold=150000"
                + "&movedCountry=MX:NORTH_AMERICA&spentLimit=PT1S", "text/csv", csv);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(202);
        JsonNode metadata = json(response.getBody());
        assertThat(metadata.get("name").asText()).isEqualTo("From-CSV");
        assertThat(metadata.get("applicantCount").asInt()).isEqualTo(40);
        // A higher threshold makes more applicants ineligible than the JSON demo (37 eligible).
        assertThat(metadata.get("eligibleCount").asInt()).isLessThan(37);
        UUID id = UUID.fromString(metadata.get("id").asText());
        awaitMetadata(id, m -> hasStatus(m, "COMPLETED"));
        JsonNode result = json(rest.getForEntity(RUNS + "/" + id, String.class).getBody());
        result.get("pairs").forEach(pair -> {
            if (pair.at("/partner/country").asText().equals("MX")) {
                assertThat(pair.at("/partner/region").asText()).isEqualTo("NORTH_AMERICA");
            }
        });
    }

    /** The rows of a CSV with a header, each as column name to value. */
    private static List<Map<String, String>> csvRows(String text) {
        List<eu.iucplanner.csv.CsvRecord> records = eu.iucplanner.csv.CsvTable.read(text).stream()
                .filter(record -> !record.isBlank()).toList();
        List<String> header = records.get(0).cells();
        List<Map<String, String>> rows = new ArrayList<>();
        for (eu.iucplanner.csv.CsvRecord record : records.subList(1, records.size())) {
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), i < record.cells().size() ? record.cells().get(i) : "");
            }
            rows.add(row);
        }
        return rows;
    }

    private UUID solvedSmallRun() throws InterruptedException {
        ObjectNode request = demo("SMALL");
        request.set("termination", JSON.createObjectNode().put("unimprovedSpentLimit", "PT1S"));
        UUID id = submit(request);
        awaitMetadata(id, metadata -> hasStatus(metadata, "COMPLETED"));
        return id;
    }

    /**
     * The most pairs the pool allows, by an exact b-matching over the compatible pairs (every pair weighs 1); pinned
     * pairs count as formed and take their places.
     */
    private static int maximumCardinality(PairingSolution problem) {
        List<Applicant> eu = problem.getApplicants().stream().filter(a -> a.isEligible() && a.isEuSide()).toList();
        List<Applicant> partners = problem.getPartnerCandidates();
        int[] left = eu.stream().mapToInt(Applicant::getMaxPartners).toArray();
        int[] right = partners.stream().mapToInt(Applicant::getMaxPartners).toArray();
        int pinned = 0;
        Set<String> pinnedPairs = new HashSet<>();
        for (var slot : problem.getSlots()) {
            if (slot.isPinned() && slot.getPartner() != null) {
                pinned++;
                left[eu.indexOf(slot.getOwner())]--;
                right[partners.indexOf(slot.getPartner())]--;
                pinnedPairs.add(slot.getOwner().getId() + "|" + slot.getPartner().getId());
            }
        }
        long[] weights = new long[eu.size() * partners.size()];
        for (int i = 0; i < eu.size(); i++) {
            for (int j = 0; j < partners.size(); j++) {
                boolean allowed = !eu.get(i).excludes(partners.get(j)) && !partners.get(j).excludes(eu.get(i))
                        && !pinnedPairs.contains(eu.get(i).getId() + "|" + partners.get(j).getId());
                weights[i * partners.size() + j] = allowed ? 1 : MaxWeightBMatching.FORBIDDEN;
            }
        }
        return pinned + MaxWeightBMatching.solve(left, right, weights).pairs().size();
    }

    private List<String> followEvents(UUID id) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + RUNS + "/" + id
                + "/events")).header("Accept", "text/event-stream")
                .header("Authorization", eu.iucplanner.TestCredentials.admin()).timeout(Duration.ofMinutes(2)).build();
        HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> events = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
            String name = null;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("event:")) {
                    name = line.substring("event:".length());
                } else if (line.startsWith("data:")) {
                    events.add(name + " " + line.substring("data:".length()));
                }
            }
        }
        return events;
    }
}
