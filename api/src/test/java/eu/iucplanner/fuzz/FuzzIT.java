package eu.iucplanner.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.iucplanner.app.IucPlannerApplication;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * A fuzz suite against the real service (embedded PostgreSQL, every run capped at PT2S): requests generated from the
 * request records' rules (mostly valid, so some are accepted) and hostile mutations of valid ones (wrong types, nulls,
 * huge, negative and non-finite numbers, overflowing weights, long and control-character strings, deep nesting,
 * duplicate keys, trailing tokens, byte-order marks, truncation, CSV quirks), for pairing and schedule runs, in JSON
 * and CSV. Properties: never a 5xx; every refusal is a problem detail and stores nothing; health answers throughout;
 * every accepted run ends COMPLETED, TERMINATED or INCOMPLETE within its limit; and at least a third of the requests
 * get past the parser to the field rules (a generator whose requests all die at the parser proves nothing).
 * <p>
 * Fixed seeds in CI; a longer run: {@code ./mvnw -B -pl api -am verify -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=FuzzIT -Djqwik.tries.default=3000}.
 */
class FuzzIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String PAIRING = "/api/v1/pairing-runs";
    private static final String SCHEDULE = "/api/v1/schedule-runs";
    private static final List<String> SPENT = List.of("PT0.2S", "PT0.5S", "PT1S", "PT2S");

    private static ConfigurableApplicationContext context;
    private static HttpClient http;
    private static String base;
    private static String health;
    private static JdbcTemplate jdbc;
    private static ObjectNode small;
    private static String smallCsv;
    private static final Map<UUID, String> accepted = new ConcurrentHashMap<>();
    private static final AtomicInteger total = new AtomicInteger();
    private static final AtomicInteger refusedByFieldRules = new AtomicInteger();
    private static final AtomicInteger refusedByParser = new AtomicInteger();
    private static final AtomicInteger refusedOther = new AtomicInteger();

    @BeforeContainer
    static void start() throws Exception {
        context = new SpringApplicationBuilder(IucPlannerApplication.class).run("--server.port=0",
                "--management.server.port=0", "--iuc.embedded-db.data-dir=target/it-postgres-fuzz-" + UUID.randomUUID(),
                "--iuc.runs.max-spent-limit=PT2S", "--iuc.runs.parallel-runs=2", "--iuc.pairing.max-applicants=200",
                "--iuc.max-request-bytes=3000000");
        base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
        health = "http://localhost:" + context.getEnvironment().getProperty("local.management.port")
                + "/actuator/health";
        jdbc = context.getBean(JdbcTemplate.class);
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        small = (ObjectNode) JSON.readTree(get("/api/v1/demo-data/SMALL", "application/json").body());
        smallCsv = get("/api/v1/demo-data/SMALL", "text/csv").body();
    }

    @AfterContainer
    static void everyAcceptedRunEndsAndEnoughRequestsReachTheFieldRules() throws Exception {
        try {
            for (Map.Entry<UUID, String> run : accepted.entrySet()) {
                String path = run.getValue() + "/" + run.getKey() + "/metadata";
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                        .until(() -> status(path).matches("COMPLETED|TERMINATED|INCOMPLETE|FAILED"));
                assertThat(status(path)).as(path).isIn("COMPLETED", "TERMINATED", "INCOMPLETE");
            }
            int throughParser = accepted.size() + refusedByFieldRules.get();
            System.out.printf("FuzzIT: %d requests, %d accepted, %d refused by field rules, %d by the parser, "
                    + "%d otherwise (size, media type)%n", total.get(), accepted.size(), refusedByFieldRules.get(),
                    refusedByParser.get(), refusedOther.get());
            assertThat(throughParser * 3).as("requests that reached the field rules").isGreaterThanOrEqualTo(
                    total.get());
            assertThat(accepted).as("some generated requests are accepted").isNotEmpty();
            assertThat(refusedByFieldRules.get()).isPositive();
        } finally {
            context.close();
        }
    }

    // ************************************************************************
    // Properties
    // ************************************************************************

    @Property(seed = "20261130")
    void pairingRequestsInJson(@ForAll("pairingBodies") String body) throws Exception {
        check(PAIRING, "application/json", body);
    }

    @Property(seed = "20261131", tries = 60)
    void pairingPoolsInCsv(@ForAll("csvBodies") String csv, @ForAll("csvQueries") String query) throws Exception {
        check(PAIRING + query, "text/csv", csv);
    }

    @Property(seed = "20261132", tries = 60)
    void scheduleRequestsInJson(@ForAll("scheduleBodies") String body) throws Exception {
        check(SCHEDULE, "application/json", body);
    }

    // ************************************************************************
    // Generators
    // ************************************************************************

    @Provide
    Arbitrary<String> pairingBodies() {
        return Arbitraries.randomValue(random -> switch (random.nextInt(4)) {
            case 0 -> validPairing(random).toString();
            case 1 -> mutate(validPairing(random), random).toString();
            case 2 -> mutate(mutate(validPairing(random), random), random).toString();
            default -> mutateText(validPairing(random).toString(), random);
        });
    }

    @Provide
    Arbitrary<String> scheduleBodies() {
        return Arbitraries.randomValue(random -> switch (random.nextInt(4)) {
            case 0, 1 -> validSchedule(random).toString();
            case 2 -> mutate(validSchedule(random), random).toString();
            default -> mutateText(validSchedule(random).toString(), random);
        });
    }

    @Provide
    Arbitrary<String> csvBodies() {
        return Arbitraries.randomValue(random -> {
            String[] lines = smallCsv.split("\r\n");
            StringBuilder csv = new StringBuilder(random.nextInt(8) == 0 ? "\uFEFF" : "").append(lines[0])
                    .append("\r\n");
            for (int i = 1; i < lines.length; i++) {
                if (random.nextInt(3) > 0) {
                    csv.append(random.nextInt(10) == 0 ? csvQuirk(lines[i], random) : lines[i])
                            .append(random.nextInt(6) == 0 ? "\n" : "\r\n");
                }
            }
            return csv.toString().replaceAll("excluded_partners", random.nextInt(4) == 0 ? "colour"
                    : "excluded_partners");
        });
    }

    @Provide
    Arbitrary<String> csvQueries() {
        return Arbitraries.randomValue(random -> switch (random.nextInt(6)) {
            case 0 -> "?spentLimit=PT9S";
            case 1 -> "?populationThreshold=" + (random.nextBoolean() ? "-5" : "abc");
            case 2 -> "?movedCountry=ZZ:ASIA&targetPairs=EU:3";
            case 3 -> "?name=" + "x".repeat(random.nextInt(400));
            default -> "?spentLimit=" + SPENT.get(random.nextInt(SPENT.size())) + "&name=fuzz";
        });
    }

    /** A pool drawn from the SMALL demo pool, as a coordinator could submit it. */
    private static ObjectNode validPairing(Random random) {
        ObjectNode request = small.deepCopy();
        ArrayNode applicants = (ArrayNode) request.get("applicants");
        ArrayNode kept = NODES.arrayNode();
        for (JsonNode applicant : applicants) {
            if (random.nextInt(4) > 0) {
                ((ObjectNode) applicant).remove("excludedPartnerIds");
                kept.add(applicant);
            }
        }
        request.set("applicants", kept.isEmpty() ? applicants : kept);
        request.put("name", "fuzz " + random.nextInt(1_000));
        request.putObject("termination").put("spentLimit", SPENT.get(random.nextInt(SPENT.size())));
        if (random.nextBoolean()) {
            request.putObject("weights").put("Size similarity", random.nextInt(5))
                    .put("Shared challenges", random.nextInt(200));
        }
        return request;
    }

    private static ObjectNode validSchedule(Random random) throws RuntimeException {
        String[][] pairs = { { "lyon", "Lyon", "FR", "45.76", "4.84", "boston", "Boston", "US", "42.36", "-71.06",
                "NORTH_AMERICA" }, { "porto", "Porto", "PT", "41.15", "-8.61", "kyoto", "Kyoto", "JP", "35.01",
                        "135.77", "ASIA" }, { "gdansk", "Gdańsk", "PL", "54.35", "18.65", "lima", "Lima", "PE",
                                "-12.05", "-77.04", "LATIN_AMERICA_CARIBBEAN" } };
        ObjectNode request = NODES.objectNode();
        request.put("startDate", (2025 + random.nextInt(3)) + "-0" + (1 + random.nextInt(9)) + "-0"
                + (1 + random.nextInt(9)));
        ArrayNode list = request.putArray("pairs");
        for (int i = 0; i <= random.nextInt(pairs.length); i++) {
            String[] p = pairs[i];
            ObjectNode pair = list.addObject().put("id", p[0] + "-" + p[5]).put("region", p[10]).put("language", "en");
            pair.putObject("euCity").put("id", p[0]).put("name", p[1]).put("country", p[2])
                    .put("latitude", Double.parseDouble(p[3])).put("longitude", Double.parseDouble(p[4]));
            pair.putObject("partnerCity").put("id", p[5]).put("name", p[6]).put("country", p[7])
                    .put("latitude", Double.parseDouble(p[8])).put("longitude", Double.parseDouble(p[9]));
        }
        ObjectNode expert = request.putArray("experts").addObject().put("id", "anna").put("maxEventsPerMonth", 6);
        expert.putArray("regions").add("NORTH_AMERICA").add("ASIA").add("LATIN_AMERICA_CARIBBEAN");
        expert.putArray("languages").add("en");
        request.putObject("termination").put("spentLimit", SPENT.get(random.nextInt(SPENT.size())));
        return request;
    }

    /** Replaces one value somewhere in the document with a hostile one. */
    private static ObjectNode mutate(ObjectNode request, Random random) {
        List<JsonNode[]> slots = new ArrayList<>();
        collect(request, slots);
        JsonNode[] slot = slots.get(random.nextInt(slots.size()));
        JsonNode hostile = hostileValue(random);
        if (slot[0] instanceof ObjectNode object) {
            object.set(slot[1].asText(), hostile);
        } else if (slot[0] instanceof ArrayNode array) {
            array.set(slot[1].asInt(), hostile);
        }
        if (random.nextInt(8) == 0) {
            request.putObject("weights").put(random.nextBoolean() ? "Shared challenges" : "Cross-region pair",
                    random.nextBoolean() ? 4611686018427387904L : -1);
        }
        return request;
    }

    private static void collect(JsonNode node, List<JsonNode[]> slots) {
        if (node instanceof ObjectNode object) {
            Iterator<String> names = object.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                slots.add(new JsonNode[] { object, NODES.textNode(name) });
                collect(object.get(name), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new JsonNode[] { array, NODES.numberNode(i) });
                collect(array.get(i), slots);
            }
        }
    }

    private static JsonNode hostileValue(Random random) {
        return switch (random.nextInt(16)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.textNode("");
            case 2 -> NODES.textNode("x".repeat(1 + random.nextInt(20_000)));
            case 3 -> NODES.textNode("name\u0000with\r\nnul\u0007and\u2028breaks");
            case 4 -> NODES.numberNode(-1 - random.nextInt(1_000_000));
            case 5 -> NODES.numberNode(Long.MAX_VALUE);
            case 6 -> NODES.numberNode(new java.math.BigInteger("9".repeat(40)));
            case 7 -> NODES.numberNode(random.nextDouble() * 1e9);
            case 8 -> NODES.textNode(String.valueOf(random.nextInt(1_000_000)));
            case 9 -> NODES.booleanNode(random.nextBoolean());
            case 10 -> NODES.arrayNode().add(1).add("two");
            case 11 -> NODES.objectNode().put("unexpected", true);
            case 12 -> NODES.textNode("=HYPERLINK(\"http://evil\")");
            case 13 -> NODES.textNode("PT" + random.nextInt(100_000) + "S");
            case 14 -> NODES.numberNode(0);
            default -> NODES.textNode("{${jndi:ldap://x}} \\ $ %s %n");
        };
    }

    /** Damages the text of a valid document. */
    private static String mutateText(String json, Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> json + " {\"trailing\": true}";
            case 1 -> json.replaceFirst("\\{\"name\":", "{\"name\":\"twice\",\"name\":");
            case 2 -> "\uFEFF" + json;
            case 3 -> json.substring(0, random.nextInt(Math.max(1, json.length())));
            case 4 -> json.replaceFirst("\"termination\"", "\"deep\":" + "[".repeat(3_000) + "]".repeat(3_000)
                    + ",\"termination\"");
            case 5 -> json.replaceFirst("\"latitude\":[-0-9.]+", "\"latitude\":NaN");
            case 6 -> json.replaceFirst(":(\\d+)", ":1e999999");
            case 7 -> json.replace("\"en\"", "\"e\\u0000n\"");
            default -> json.replaceFirst(",", ",,");
        };
    }

    private static String csvQuirk(String line, Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> line + ",extra";
            case 1 -> line.substring(0, line.lastIndexOf(','));
            case 2 -> "\"unclosed," + line;
            case 3 -> "=cmd|' /C calc'!A0," + line.substring(line.indexOf(',') + 1);
            case 4 -> line.replaceFirst(",[0-9]+,", ",\"12\r\n34\",");
            case 5 -> line.replaceFirst(",[A-Z]{2},", "," + "Q".repeat(500) + ",");
            default -> line.replace(",", ",\u0000");
        };
    }

    // ************************************************************************
    // Checks
    // ************************************************************************

    private void check(String path, String contentType, String body) throws Exception {
        int before = stored();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", contentType)
                .header("Authorization", eu.iucplanner.TestCredentials.admin())
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        total.incrementAndGet();
        assertThat(response.statusCode()).as(response.body()).isLessThan(500);
        if (response.statusCode() == 202) {
            String runs = path.startsWith(SCHEDULE) ? SCHEDULE : PAIRING;
            accepted.put(UUID.fromString(JSON.readTree(response.body()).get("id").asText()), runs);
        } else {
            assertThat(response.headers().firstValue("Content-Type")).as(response.body())
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            String type = JSON.readTree(response.body()).path("type").asText();
            if (type.endsWith(":validation")) {
                refusedByFieldRules.incrementAndGet();
            } else if (type.endsWith(":malformed-body")) {
                refusedByParser.incrementAndGet();
            } else {
                refusedOther.incrementAndGet();
            }
            assertThat(stored()).as("a refused request stores nothing").isEqualTo(before);
        }
        if (total.get() % 10 == 0) {
            HttpResponse<String> up = http.send(HttpRequest.newBuilder(URI.create(health))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(up.statusCode()).isEqualTo(200);
        }
    }

    private static int stored() {
        return jdbc.queryForObject("select count(*) from run", Integer.class);
    }

    private static String status(String path) throws Exception {
        return JSON.readTree(get(path, "application/json").body()).path("status").asText();
    }

    private static HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", accept).header("Authorization", eu.iucplanner.TestCredentials.admin()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
