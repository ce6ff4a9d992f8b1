package eu.iucplanner.pairing.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every class of bad input answers 400, 404, 413 or 415 with an RFC 9457 problem detail naming each offending field,
 * and stores nothing. A valid run stored before stays as it was.
 */
class PairingRunBadInputIT extends PairingApiTestSupport {

    private int runsBefore;

    @BeforeEach
    void countRuns() {
        runsBefore = storedRuns();
    }

    @Test
    void malformedJson() {
        JsonNode problem = rejected(post(RUNS, "application/json", "{\"applicants\": ["), 400, "malformed-body");
        assertThat(fields(problem)).containsExactly("$");
        assertThat(message(problem, "$")).contains("line 1");
    }

    @Test
    void wrongTypes() {
        ObjectNode request = smallPool();
        applicant(request, 2).put("population", "many");
        JsonNode problem = rejected(postJson(RUNS, request), 400, "malformed-body");
        assertThat(fields(problem)).containsExactly("applicants[2].population");
        assertThat(message(problem, "applicants[2].population")).contains("'many' is not a valid number");

        ObjectNode list = smallPool();
        list.put("applicants", "not a list");
        assertThat(fields(rejected(postJson(RUNS, list), 400, "malformed-body"))).containsExactly("applicants");
    }

    @Test
    void unknownFieldIsNotIgnored() {
        ObjectNode request = smallPool();
        applicant(request, 0).put("populaton", 5);
        JsonNode problem = rejected(postJson(RUNS, request), 400, "malformed-body");
        assertThat(fields(problem)).containsExactly("applicants[0].populaton");
    }

    @Test
    void missingRequiredFields() {
        ObjectNode request = smallPool();
        applicant(request, 0).remove(List.of("id", "name", "country", "population"));
        JsonNode problem = rejected(postJson(RUNS, request), 400, "validation");
        assertThat(fields(problem)).containsExactlyInAnyOrder("applicants[0].id", "applicants[0].name",
                "applicants[0].country", "applicants[0].population");
        assertThat(fields(rejected(postJson(RUNS, "{}"), 400, "validation"))).containsExactly("applicants");
        assertThat(fields(rejected(post(RUNS, "application/json", ""), 400, "malformed-body")))
                .containsExactly("$");
    }

    @Test
    void unknownCountryRegionThemeAndLanguageCodes() {
        ObjectNode request = smallPool();
        applicant(request, 0).put("country", "QQ");
        applicant(request, 1).put("country", "fr");
        ((ArrayNode) applicant(request, 2).get("languages")).add("xx");
        ((ObjectNode) applicant(request, 3).get("challenges").get(0)).put("theme", "Space travel");
        request.putObject("call").putObject("movedCountries").put("ZZ", "NORTH_AMERICA");
        JsonNode problem = rejected(postJson(RUNS, request), 400, "validation");
        int language = applicant(request, 2).get("languages").size() - 1;
        assertThat(fields(problem)).containsExactlyInAnyOrder("applicants[0].country", "applicants[1].country",
                "applicants[2].languages[" + language + "]", "applicants[3].challenges[0].theme",
                "call.movedCountries.ZZ");

        ObjectNode region = smallPool();
        applicant(region, 0).put("region", "EUROPE");
        JsonNode regionProblem = rejected(postJson(RUNS, region), 400, "malformed-body");
        assertThat(fields(regionProblem)).containsExactly("applicants[0].region");
        assertThat(message(regionProblem, "applicants[0].region")).contains("NORTH_AMERICA");
    }

    /**
     * "Also found": an applicant's own region that contradicts its country's region in the call is refused, naming
     * the field (a US city marked EU used to be paired as an EU city); the call may allow overrides explicitly.
     */
    @Test
    void aRegionThatContradictsTheCallsMappingIsRefusedUnlessTheCallAllowsIt() {
        ObjectNode request = smallPool();
        int us = -1;
        for (int i = 0; i < request.get("applicants").size() && us < 0; i++) {
            us = "US".equals(applicant(request, i).get("country").asText()) ? i : -1;
        }
        applicant(request, us).put("region", "EU");
        JsonNode problem = rejected(postJson(RUNS, request), 400, "validation");
        assertThat(fields(problem)).containsExactly("applicants[" + us + "].region");
        assertThat(message(problem, "applicants[" + us + "].region")).contains("US counts in NORTH_AMERICA")
                .contains("call.allowRegionOverride");

        ((ObjectNode) request.get("call")).put("allowRegionOverride", true);
        assertThat(postJson(RUNS, request).getStatusCode().value()).isEqualTo(202);
    }

    @Test
    void populationPolicyFieldsAreCheckedTogether() {
        ObjectNode request = smallPool();
        ((ObjectNode) request.get("call")).put("populationPolicy", "PREFERENCE").put("populationFloor", 150_000);
        applicant(request, 0).putArray("declaredPopulations").addObject().put("population", 2_000_000);
        applicant(request, 1).putArray("declaredPopulations").addObject().put("population", -5)
                .put("basis", "METROPOLITAN");
        JsonNode problem = rejected(postJson(RUNS, request), 400, "validation");
        assertThat(fields(problem)).containsExactlyInAnyOrder("call.populationFloor",
                "applicants[0].declaredPopulations[0].basis", "applicants[1].declaredPopulations[0].population");
        assertThat(message(problem, "call.populationFloor")).contains("not be more than the population threshold");

        ObjectNode hardWithFloor = smallPool();
        ((ObjectNode) hardWithFloor.get("call")).put("populationFloor", 50_000);
        assertThat(message(rejected(postJson(RUNS, hardWithFloor), 400, "validation"), "call.populationFloor"))
                .contains("only with populationPolicy PREFERENCE");
        ObjectNode unknownBasis = smallPool();
        ((ObjectNode) unknownBasis.get("call")).putArray("countedPopulationBases").add("CITY");
        assertThat(fields(rejected(postJson(RUNS, unknownBasis), 400, "malformed-body")))
                .containsExactly("call.countedPopulationBases[0]");
    }

    @Test
    void countryCapsRefusePinsBeyondThemAndRegionOverrides() {
        ObjectNode request = smallPool();
        String eu = idOfRegion(request, true, 0);
        String country = null;
        for (JsonNode applicant : request.get("applicants")) {
            country = applicant.get("id").asText().equals(eu) ? applicant.get("country").asText() : country;
        }
        ((ObjectNode) request.get("call")).putObject("maxPairsByCountry").put(country, 0);
        request.putArray("pinnedPairs").addObject().put("first", eu).put("second", idOfRegion(request, false, 0));
        JsonNode problem = rejected(postJson(RUNS, request), 400, "validation");
        assertThat(fields(problem)).containsExactly("pinnedPairs[0]");
        assertThat(message(problem, "pinnedPairs[0]")).isEqualTo("pins put " + country
                + " in more pairs than the call's cap for it (0)");

        ObjectNode overrides = smallPool();
        ((ObjectNode) overrides.get("call")).put("allowRegionOverride", true).put("maxPairsPerCountry", 3);
        assertThat(fields(rejected(postJson(RUNS, overrides), 400, "validation")))
                .containsExactly("call.allowRegionOverride");
    }

    @Test
    void duplicateApplicantIds() {
        ObjectNode request = smallPool();
        applicant(request, 5).put("id", applicant(request, 1).get("id").asText());
        JsonNode problem = rejected(postJson(RUNS, request), 400, "validation");
        assertThat(fields(problem)).containsExactly("applicants[5].id");
        assertThat(message(problem, "applicants[5].id")).contains("applicants[1]");
    }

    @Test
    void populationOfZeroOrLess() {
        ObjectNode request = smallPool();
        applicant(request, 0).put("population", 0);
        applicant(request, 1).put("population", -5);
        assertThat(fields(rejected(postJson(RUNS, request), 400, "validation")))
                .containsExactly("applicants[0].population", "applicants[1].population");
    }

    @Test
    void groupWithoutMembers() {
        ObjectNode request = smallPool();
        applicant(request, 0).put("kind", "MUNICIPALITY_GROUP");
        applicant(request, 0).remove("members");
        ObjectNode withBadMember = applicant(request, 1);
        withBadMember.put("kind", "MUNICIPALITY_GROUP").remove("population");
        withBadMember.putArray("members").addObject().put("name", "Nowhere").put("population", 0);
        assertThat(fields(rejected(postJson(RUNS, request), 400, "validation")))
                .containsExactly("applicants[0].members", "applicants[1].members[0].population");
    }

    @Test
    void pinsAndExclusionsNamingUnknownIdsOrBreakingHardRules() {
        ObjectNode request = smallPool();
        String euA = idOfRegion(request, true, 0);
        String euB = idOfRegion(request, true, 1);
        String partner = idOfRegion(request, false, 0);
        String ineligible = ineligibleId(request);
        ArrayNode pins = request.putArray("pinnedPairs");
        pins.addObject().put("first", euA).put("second", "nobody");
        pins.addObject().put("first", euA).put("second", euB);
        pins.addObject().put("first", partner).put("second", ineligible);
        request.putArray("excludedPairs").addObject().put("first", "ghost").put("second", euA);
        JsonNode problem = rejected(postJson(RUNS, request), 400, "validation");
        assertThat(fields(problem)).contains("pinnedPairs[0].second", "pinnedPairs[1]", "pinnedPairs[2]",
                "excludedPairs[0].first");
        assertThat(message(problem, "pinnedPairs[1]")).contains("cross-region");
        assertThat(messages(problem, "pinnedPairs[2]")).anyMatch(m -> m.contains("not eligible"));

        ObjectNode excludedAndPinned = smallPool();
        excludedAndPinned.putArray("pinnedPairs").addObject().put("first", euA).put("second", partner);
        excludedAndPinned.putArray("excludedPairs").addObject().put("first", partner).put("second", euA);
        JsonNode both = rejected(postJson(RUNS, excludedAndPinned), 400, "validation");
        assertThat(fields(both)).containsExactly("pinnedPairs[0]");
        assertThat(message(both, "pinnedPairs[0]")).contains("also excluded");
    }

    @Test
    void weightsAndTerminationOutOfRange() {
        ObjectNode request = smallPool();
        request.putObject("weights").put("Cross-region pair", 3).put("Size similarity", -1).put("Typo", 1);
        request.putObject("termination").put("spentLimit", "PT0S");
        assertThat(fields(rejected(postJson(RUNS, request), 400, "validation"))).containsExactlyInAnyOrder(
                "weights.Cross-region pair", "weights.Size similarity", "weights.Typo", "termination.spentLimit");
        ObjectNode notADuration = smallPool();
        notADuration.putObject("termination").put("spentLimit", "30 seconds");
        assertThat(fields(rejected(postJson(RUNS, notADuration), 400, "malformed-body")))
                .containsExactly("termination.spentLimit");
    }

    @Test
    void poolAboveTheConfiguredSizeLimit() {
        JsonNode problem = rejected(postJson(RUNS, demo("MEDIUM")), 413, "pool-too-large");
        assertThat(fields(problem)).containsExactly("applicants");
        assertThat(problem.get("detail").asText()).contains("200").contains("100");
    }

    @Test
    void bodyAboveTheConfiguredByteLimitAndNumbersOutOfRange() throws Exception {
        String huge = "id,name,country,population\n" + "x,X,FR,200000\n".repeat(200_000);
        // Refused by its declared length before it is read, with the connection closed: a client that sends the
        // whole body before it reads the answer may meet the closed connection first (RestTemplate did, once, on a
        // loaded machine), so this one reads the answer while it sends, as the JDK's client does.
        java.net.http.HttpResponse<String> response = sendCsv(
                java.net.http.HttpRequest.BodyPublishers.ofString(huge));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        JsonNode problem = json(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("urn:iuc-planner:problem:pool-too-large");
        assertThat(problem.get("detail").asText()).contains("iuc.max-request-bytes").contains(
                String.valueOf(huge.getBytes(java.nio.charset.StandardCharsets.UTF_8).length));

        ObjectNode request = smallPool();
        applicant(request, 0).put("population", new java.math.BigInteger("1000000000000000000000000000000"));
        JsonNode outOfRange = rejected(postJson(RUNS, request), 400, "malformed-body");
        assertThat(fields(outOfRange)).containsExactly("applicants[0].population");
        assertThat(message(outOfRange, "applicants[0].population")).contains("out of range");
    }

    @Test
    void aChunkedBodyWithoutLengthCountsAgainstTheByteLimitToo() throws Exception {
        byte[] row = "x,X,FR,200000\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.io.InputStream endless = new java.io.InputStream() {
            private long sent;

            @Override
            public int read() {
                return sent < 3_000_000 ? row[(int) (sent++ % row.length)] : -1;
            }
        };
        java.net.http.HttpResponse<String> response = sendCsv(
                java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> endless));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response.body()).get("type").asText()).isEqualTo("urn:iuc-planner:problem:pool-too-large");
        assertThat(json(response.body()).get("detail").asText()).contains("iuc.max-request-bytes");
        assertThat(storedRuns()).isEqualTo(runsBefore);
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    private java.net.http.HttpResponse<String> sendCsv(java.net.http.HttpRequest.BodyPublisher body)
            throws Exception {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://localhost:" + port + RUNS)).header("Content-Type", "text/csv")
                .header("Authorization", eu.iucplanner.TestCredentials.admin())
                .header("Accept", "application/json, application/problem+json")
                .POST(body).build();
        return java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void malformedCsv() {
        JsonNode unclosed = rejected(post(RUNS, "text/csv", "id,name,country,population\nx,\"Lyon,FR,5\n"), 400,
                "validation");
        assertThat(fields(unclosed)).containsExactly("$");
        JsonNode badRows = rejected(post(RUNS, "text/csv",
                "id,name,country,population,covenant_signatory,colour\na,A,FR,lots,maybe,red\n"), 400, "validation");
        assertThat(fields(badRows)).containsExactly("header[5]");
        JsonNode badValues = rejected(post(RUNS, "text/csv",
                "id,name,country,population,covenant_signatory\na,A,FR,lots,maybe\nb,B,US,300000\n"), 400,
                "validation");
        assertThat(fields(badValues)).containsExactly("applicants[0].population", "applicants[0].covenant_signatory",
                "applicants[1]");
        assertThat(message(badValues, "applicants[0].population")).startsWith("line 2:");
        JsonNode badQuery = rejected(post(RUNS + "?spentLimit=soon", "text/csv", "id,name,country\n"), 400,
                "validation");
        assertThat(fields(badQuery)).containsExactly("spentLimit");
    }

    @Test
    void wrongContentTypes() {
        JsonNode problem = rejected(post(RUNS, "application/xml", "<pool/>"), 415, "unsupported-media-type");
        assertThat(fields(problem)).containsExactly("Content-Type");
        rejected(post(RUNS, "text/plain", "hello"), 415, "unsupported-media-type");
    }

    @Test
    void unknownRunIds() {
        String unknown = RUNS + "/" + UUID.randomUUID();
        rejected(rest.getForEntity(unknown, String.class), 404, "not-found");
        rejected(rest.getForEntity(unknown + "/metadata", String.class), 404, "not-found");
        rejected(rest.getForEntity(unknown + "/score-analysis", String.class), 404, "not-found");
        rejected(rest.exchange(unknown, HttpMethod.DELETE, null, String.class), 404, "not-found");
        rejected(postJson(unknown + "/rerun", "{}"), 404, "not-found");
        rejected(postJson(unknown + "/recommendations", "{\"applicantId\":\"a\"}"), 404, "not-found");
        rejected(rest.getForEntity(RUNS + "/not-a-uuid", String.class), 404, "not-found");
        rejected(rest.getForEntity("/api/v1/demo-data/GIGANTIC", String.class), 404, "not-found");
    }

    @Test
    void rejectedRequestsLeaveStoredRunsAsTheyWere() throws InterruptedException {
        ObjectNode valid = smallPool();
        valid.putObject("termination").put("spentLimit", "PT1S");
        UUID id = submit(valid);
        JsonNode done = awaitMetadata(id, metadata -> hasStatus(metadata, "COMPLETED"));
        int stored = storedRuns();
        runsBefore = stored;
        ObjectNode invalid = smallPool();
        applicant(invalid, 0).put("population", -1);
        rejected(postJson(RUNS, invalid), 400, "validation");
        rejected(postJson(RUNS + "/" + id + "/recommendations", "{\"applicantId\":\"nobody\"}"), 400, "validation");
        rejected(postJson(RUNS + "/" + id + "/rerun", "{\"pinnedPairs\":[{\"first\":\"x\",\"second\":\"y\"}]}"), 400,
                "validation");
        assertThat(storedRuns()).isEqualTo(stored);
        assertThat(metadata(id)).isEqualTo(done);
    }

    // ************************************************************************
    // Hostile input: no overflow, no coercion, no unbounded text, bounded answers
    // ************************************************************************

    @Test
    void aWeightThatWouldOverflowTheScoreIsRefusedNamingTheWeight() {
        ObjectNode request = smallPool();
        request.putObject("weights").put("Shared challenges", 4611686018427387904L).put("Size similarity", 10);
        request.putObject("termination").put("spentLimit", "PT1S");
        JsonNode problem = rejected(postJson(RUNS, request), 400, "validation");
        assertThat(fields(problem)).containsExactly("weights.Shared challenges");
        assertThat(message(problem, "weights.Shared challenges")).contains("at most 1000000");
    }

    @Test
    void numbersAreNeverCoercedFromStringsOrFractions() {
        ObjectNode asString = smallPool();
        applicant(asString, 0).put("population", "200000");
        assertThat(fields(rejected(postJson(RUNS, asString), 400, "malformed-body")))
                .containsExactly("applicants[0].population");
        ObjectNode asFraction = smallPool();
        applicant(asFraction, 1).put("population", 200000.5);
        assertThat(fields(rejected(postJson(RUNS, asFraction), 400, "malformed-body")))
                .containsExactly("applicants[1].population");
        ObjectNode booleanAsString = smallPool();
        applicant(booleanAsString, 2).put("covenantSignatory", "yes");
        assertThat(fields(rejected(postJson(RUNS, booleanAsString), 400, "malformed-body")))
                .containsExactly("applicants[2].covenantSignatory");
    }

    @Test
    void trailingGarbageAndDuplicateKeysAreRefused() {
        String valid = smallPool().toString();
        JsonNode trailing = rejected(post(RUNS, "application/json", valid + " {\"more\": 1}"), 400, "malformed-body");
        assertThat(message(trailing, "$")).contains("Not valid JSON");
        String duplicated = valid.replaceFirst("\\{\"id\":", "{\"id\":\"twice\",\"id\":");
        JsonNode duplicate = rejected(post(RUNS, "application/json", duplicated), 400, "malformed-body");
        assertThat(fields(duplicate)).singleElement().asString().startsWith("applicants[0]");
        assertThat(duplicate.get("errors").get(0).get("message").asText()).contains("Duplicate field 'id'");
    }

    @Test
    void aGroupWhoseMembersWouldOverflowTheTotalIsRefused() {
        ObjectNode request = smallPool();
        ObjectNode group = applicant(request, 0);
        group.put("kind", "MUNICIPALITY_GROUP").put("leadAuthorityContact", "Lead city").remove("population");
        ArrayNode members = group.putArray("members");
        members.addObject().put("name", "Huge A").put("population", 4611686018427387904L);
        members.addObject().put("name", "Huge B").put("population", 4611686018427387904L);
        JsonNode problem = rejected(postJson(RUNS, request), 400, "validation");
        assertThat(fields(problem)).containsExactly("applicants[0].members[0].population",
                "applicants[0].members[1].population");
        assertThat(message(problem, "applicants[0].members[0].population")).contains("at most 2000000000");
    }

    @Test
    void controlCharactersAndOverlongTextInNamesAreRefusedWithABoundedAnswer() {
        ObjectNode nul = smallPool();
        nul.put("name", "run\u0000name");
        applicant(nul, 0).put("name", "Lyon\r\nINFO forged log line");
        JsonNode problem = rejected(postJson(RUNS, nul), 400, "validation");
        assertThat(fields(problem)).containsExactlyInAnyOrder("name", "applicants[0].name");

        ObjectNode longName = smallPool();
        longName.put("name", "x".repeat(300_000));
        ResponseEntity<String> response = postJson(RUNS, longName);
        JsonNode tooLong = rejected(response, 400, "validation");
        assertThat(fields(tooLong)).containsExactly("name");
        assertThat(response.getBody().length()).isLessThan(2_000);
    }

    @Test
    void thousandsOfBadFieldsGiveTheFirstHundredAndTheirCount() {
        ObjectNode request = smallPool();
        ArrayNode applicants = (ArrayNode) request.get("applicants");
        ObjectNode template = (ObjectNode) applicants.get(0);
        template.remove("excludedPartnerIds");
        applicants.removeAll();
        // The test service accepts 100 applicants; every one of them has three wrong fields.
        for (int i = 0; i < 100; i++) {
            applicants.add(template.deepCopy().put("id", "a" + i).put("country", "Q" + "y".repeat(200))
                    .put("population", -1).put("name", ""));
        }
        ResponseEntity<String> many = postJson(RUNS, request);
        JsonNode problem = rejected(many, 400, "validation");
        assertThat(problem.get("errors")).hasSize(100);
        assertThat(problem.get("errorCount").asInt()).isEqualTo(300);
        assertThat(problem.get("detail").asText()).contains("first 100 of 300");
        assertThat(many.getBody().length()).isLessThan(40_000);
    }

    @Test
    void requestsTomcatRefusesItselfStillGetProblemDetails() throws Exception {
        for (String path : List.of(RUNS + "/%00", RUNS + "/a%2Fb/metadata", "/api/v1/demo-data/%ZZ",
                RUNS + "/x\u0001y")) {
            String[] response = rawGet(path);
            int status = Integer.parseInt(response[0].split(" ")[1]);
            assertThat(status).as(path).isBetween(400, 499);
            assertThat(response[1].toLowerCase(java.util.Locale.ROOT)).as(path)
                    .contains("content-type: application/problem+json");
            JsonNode problem = json(response[2]);
            assertThat(problem.get("status").asInt()).isEqualTo(status);
            assertThat(problem.get("type").asText()).startsWith("urn:iuc-planner:problem:");
            assertThat(response[2]).doesNotContain("<html").doesNotContain("Exception");
        }
    }

    /** A GET sent byte for byte (no client library to clean up the path): status line, headers, body. */
    private String[] rawGet(String path) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: " + eu.iucplanner.TestCredentials.admin() + "\r\n"
                    + "Accept: application/json\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String all = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int headersEnd = all.indexOf("\r\n\r\n");
            String head = all.substring(0, headersEnd);
            String body = all.substring(headersEnd + 4);
            if (head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
                StringBuilder unchunked = new StringBuilder();
                int at = 0;
                while (true) {
                    int lineEnd = body.indexOf("\r\n", at);
                    int size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
                    if (size == 0) {
                        break;
                    }
                    unchunked.append(body, lineEnd + 2, lineEnd + 2 + size);
                    at = lineEnd + 2 + size + 2;
                }
                body = unchunked.toString();
            }
            return new String[] { head.substring(0, head.indexOf("\r\n")), head, body };
        }
    }

    // ************************************************************************
    // Helpers
    // ************************************************************************

    /** Asserts the status, the problem-detail shape and that no run was stored; returns the problem detail. */
    private JsonNode rejected(ResponseEntity<String> response, int status, String type) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        JsonNode problem = json(response.getBody());
        assertThat(problem.get("type").asText()).isEqualTo("urn:iuc-planner:problem:" + type);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("errors").isArray()).isTrue();
        assertThat(storedRuns()).isEqualTo(runsBefore);
        return problem;
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> {
            assertThat(error.get("message").asText()).isNotBlank();
            if (!fields.contains(error.get("field").asText())) {
                fields.add(error.get("field").asText());
            }
        });
        return fields;
    }

    private static String message(JsonNode problem, String field) {
        return messages(problem, field).get(0);
    }

    private static List<String> messages(JsonNode problem, String field) {
        List<String> messages = new ArrayList<>();
        problem.get("errors").forEach(error -> {
            if (error.get("field").asText().equals(field)) {
                messages.add(error.get("message").asText());
            }
        });
        assertThat(messages).as("errors for " + field).isNotEmpty();
        return messages;
    }

    private ObjectNode smallPool() {
        return demo("SMALL");
    }

    private static ObjectNode applicant(ObjectNode request, int index) {
        return (ObjectNode) request.get("applicants").get(index);
    }

    private static String idOfRegion(ObjectNode request, boolean eu, int nth) {
        List<String> ids = new ArrayList<>();
        request.get("applicants").forEach(applicant -> {
            boolean isEu = List.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
                    "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE")
                    .contains(applicant.get("country").asText());
            if (isEu == eu && "CITY".equals(applicant.path("kind").asText()) && applicant.path("population")
                    .asLong() > 100_000 && applicant.path("committedMonths").asInt() >= 18) {
                ids.add(applicant.get("id").asText());
            }
        });
        return ids.get(nth);
    }

    private static String ineligibleId(ObjectNode request) {
        for (JsonNode applicant : request.get("applicants")) {
            if ("CITY".equals(applicant.path("kind").asText()) && applicant.path("population").asLong() <= 100_000) {
                return applicant.get("id").asText();
            }
        }
        throw new AssertionError("The SMALL demo pool has no small town");
    }
}
