package eu.iucplanner.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Three replicas, each in its own JVM, on one PostgreSQL that they treat as external: they share one queue of runs
 * (every run solved exactly once), any replica stops any run and streams any run's events, a replica killed with
 * SIGKILL leaves its run to another that continues it from its stored best solution, and a rolling restart loses no
 * run. Outcomes are asserted with generous bounds; the times measured (stop, failover) go to
 * {@code target/replicas/measured.txt} (the scale-out command measures them properly).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final Pattern SOLVING = Pattern.compile("pairing ([0-9a-f-]{36}) solving on replica (\\S+)");
    private static final String RUN_ID = UUID.randomUUID().toString().substring(0, 6);

    private static EmbeddedPostgres postgres;
    private static JdbcTemplate jdbc;
    private static String jdbcUrl;
    private static final List<Replica> replicas = new CopyOnWriteArrayList<>();
    private static final List<Replica> retired = new CopyOnWriteArrayList<>();
    private static final List<String> measured = new CopyOnWriteArrayList<>();
    private static int generation;

    @BeforeAll
    static void startDatabaseAndReplicas() throws Exception {
        Path dataDirectory = Files.createTempDirectory(Path.of("target"), "it-postgres-replicas-");
        postgres = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(true).start();
        jdbcUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        // Replicas are separate processes: if this JVM is stopped, they must not outlive it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            replicas.forEach(Replica::destroy);
            retired.forEach(Replica::destroy);
        }));
        // The first one migrates the empty database; the other two start beside it.
        replicas.add(startReplica());
        awaitReady(replicas.get(0));
        replicas.add(startReplica());
        replicas.add(startReplica());
        replicas.forEach(ReplicasIT::awaitReady);
    }

    @AfterAll
    static void stopAll() throws Exception {
        for (Replica replica : replicas) {
            replica.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        Files.write(Path.of("target", "replicas", "measured-" + RUN_ID + ".txt"), measured);
    }

    @Test
    @Order(1)
    void thirtyRunsOnThreeReplicasAreEachSolvedExactlyOnce() throws Exception {
        ObjectNode small = demo("SMALL", "PT1S");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            small.put("name", "queued " + i);
            ids.add(submit(replicas.get(i % replicas.size()), small));
        }
        long started = System.nanoTime();
        for (String id : ids) {
            await().atMost(PATIENCE).until(() -> status(id).equals("COMPLETED"));
        }
        measured.add(String.format("30 SMALL runs (PT1S each) on 3 replicas: %.1f s", seconds(started)));

        Map<String, List<String>> solvedBy = solvingLines();
        for (String id : ids) {
            assertThat(solvedBy.get(id)).as("solved exactly once: " + id).hasSize(1);
            JsonNode metadata = metadata(replicas.get(0), id);
            assertThat(metadata.has("resumes")).isFalse();
            assertThat(metadata.get("replica").asText()).isEqualTo(solvedBy.get(id).get(0));
        }
        Set<String> solvers = ids.stream().map(id -> solvedBy.get(id).get(0)).collect(Collectors.toSet());
        assertThat(solvers).as("the queue is shared").hasSizeGreaterThanOrEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks", Integer.class))
                .as("the job runner's table agrees: nothing left in it").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM run WHERE status <> 'COMPLETED' AND name LIKE 'queued%'",
                Integer.class)).isZero();
    }

    @Test
    @Order(2)
    void aStopSentToAnotherReplicaEndsTheRunAndAStreamOnAThirdOneSeesItAll() throws Exception {
        String id = submit(replicas.get(0), demo("MEDIUM", "PT5M"));
        await().atMost(PATIENCE).until(() -> metadata(replicas.get(0), id).path("status").asText().equals("SOLVING"));
        String solver = metadata(replicas.get(0), id).get("replica").asText();
        List<Replica> others = replicas.stream().filter(replica -> !replica.name.equals(solver)).toList();
        Replica watcher = others.get(0);
        Replica stopper = others.get(others.size() - 1);

        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> watcher.stream("/api/v1/pairing-runs/" + id + "/events").body()
                .forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        await().atMost(PATIENCE).until(() -> lines.contains("event:best-solution"));

        long asked = System.nanoTime();
        assertThat(stopper.send("DELETE", "/api/v1/pairing-runs/" + id, null, null).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> status(id).equals("TERMINATED"));
        measured.add(String.format("stop sent to %s, run solved on %s: TERMINATED after %.2f s", stopper.name,
                solver, seconds(asked)));
        reader.join(Duration.ofSeconds(60).toMillis());
        assertThat(reader.isAlive()).as("the stream on " + watcher.name + " ended with the run").isFalse();
        String last = lines.stream().filter(line -> line.startsWith("data:")).reduce((a, b) -> b).orElseThrow();
        assertThat(JSON.readTree(last.substring(5)).get("status").asText()).isEqualTo("TERMINATED");
        JsonNode done = metadata(stopper, id);
        assertThat(done.get("pairCount").asInt()).as("the best solution is kept").isPositive();
    }

    @Test
    @Order(3)
    void aRunOfAKilledReplicaIsContinuedByAnotherFromItsStoredBestSolution() throws Exception {
        String id = submit(replicas.get(1), demo("MEDIUM", "PT15S"));
        await().atMost(PATIENCE).until(() -> {
            JsonNode metadata = metadata(replicas.get(1), id);
            return metadata.path("status").asText().equals("SOLVING") && storedScore(id) != null;
        });
        String victimName = metadata(replicas.get(1), id).get("replica").asText();
        Replica victim = replicas.stream().filter(replica -> replica.name.equals(victimName)).findFirst()
                .orElseThrow();
        HardMediumSoftLongScore stored = HardMediumSoftLongScore.parseScore(storedScore(id));
        victim.kill();
        long killed = System.nanoTime();
        replicas.remove(victim);
        retired.add(victim);

        Replica survivor = replicas.get(0);
        await().atMost(PATIENCE).until(() -> !victimName.equals(metadata(survivor, id).path("replica").asText()));
        measured.add(String.format("kill -9 of %s: its run taken up by %s after %.1f s", victimName,
                metadata(survivor, id).get("replica").asText(), seconds(killed)));
        await().atMost(PATIENCE).until(() -> status(id).equals("COMPLETED"));
        JsonNode done = metadata(survivor, id);
        assertThat(done.get("resumes").asInt()).isEqualTo(1);
        assertThat(HardMediumSoftLongScore.parseScore(done.get("score").asText()))
                .as("not worse than the last stored best").isGreaterThanOrEqualTo(stored);
        replicas.add(startReplica());
        awaitReady(replicas.get(replicas.size() - 1));
    }

    @Test
    @Order(4)
    void aRollingRestartOfEveryReplicaLosesNoRun() throws Exception {
        // As a rolling update with a surge does: the new replicas start beside the old ones; then 20 runs of 8 s are
        // queued, and each old replica gets SIGTERM, one after the other, while it solves one of them.
        List<Replica> old = List.copyOf(replicas);
        List<Replica> fresh = new ArrayList<>();
        for (int i = 0; i < old.size(); i++) {
            fresh.add(startReplica());
        }
        fresh.forEach(ReplicasIT::awaitReady);
        replicas.addAll(fresh);
        ObjectNode small = demo("SMALL", "PT8S");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            small.put("name", "rolling " + i);
            ids.add(submit(replicas.get(i % replicas.size()), small));
        }
        int stoppedWhileSolving = 0;
        for (Replica replica : old) {
            boolean solving;
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM run "
                        + "WHERE status = 'SOLVING' AND claimed_by = ?", Integer.class, replica.name) > 0);
                solving = true;
            } catch (org.awaitility.core.ConditionTimeoutException nothingLeft) {
                solving = false;
            }
            replica.stopGracefully();
            stoppedWhileSolving += solving ? 1 : 0;
            replicas.remove(replica);
            retired.add(replica);
        }
        for (String id : ids) {
            await().atMost(PATIENCE).until(() -> status(id).equals("COMPLETED"));
        }
        assertThat(jdbc.queryForList("SELECT status FROM run WHERE name LIKE 'rolling%'", String.class))
                .hasSize(20).containsOnly("COMPLETED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks", Integer.class)).isZero();
        int handedBack = jdbc.queryForObject("SELECT COALESCE(SUM(resume_count), 0) FROM run WHERE name LIKE "
                + "'rolling%'", Integer.class);
        measured.add("rolling restart of 3 replicas during 20 queued runs: all completed; " + stoppedWhileSolving
                + " replicas stopped while solving, " + handedBack + " runs handed back and taken up again");
        assertThat(stoppedWhileSolving).as("the restarts met solving runs").isPositive();
        assertThat(handedBack).as("runs solving at a SIGTERM were handed back, not lost").isPositive();
    }

    // ************************************************************************

    private static Replica startReplica() {
        return Replica.start("replica-" + RUN_ID + "-" + (++generation), jdbcUrl);
    }

    private static void awaitReady(Replica replica) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!replica.isAlive()) {
                throw new AssertionError(replica.name + " died:\n" + replica.output());
            }
            return replica.isReady();
        });
    }

    private static ObjectNode demo(String pool, String spentLimit) throws Exception {
        ObjectNode request = (ObjectNode) JSON.readTree(replicas.get(0).send("GET", "/api/v1/demo-data/" + pool,
                null, null).body());
        request.putObject("termination").put("spentLimit", spentLimit);
        request.put("stopAtProvenOptimum", false); // these runs solve until their limit, a stop or a kill
        return request;
    }

    private static String submit(Replica replica, JsonNode request) throws Exception {
        HttpResponse<String> answer = replica.send("POST", "/api/v1/pairing-runs", "application/json",
                request.toString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        return JSON.readTree(answer.body()).get("id").asText();
    }

    private static JsonNode metadata(Replica replica, String id) throws Exception {
        return JSON.readTree(replica.send("GET", "/api/v1/pairing-runs/" + id + "/metadata", null, null).body());
    }

    private static String status(String id) {
        return jdbc.queryForObject("SELECT status FROM run WHERE id = ?::uuid", String.class, id);
    }

    private static String storedScore(String id) {
        List<String> scores = jdbc.queryForList("SELECT r.score FROM run r JOIN run_payload p ON p.run_id = r.id "
                + "WHERE r.id = ?::uuid AND p.best_solution_json IS NOT NULL AND r.score IS NOT NULL", String.class,
                id);
        return scores.isEmpty() ? null : scores.get(0);
    }

    /** Which replica logged "solving" for which run, over every replica this test started. */
    private static Map<String, List<String>> solvingLines() {
        Map<String, List<String>> solvedBy = new java.util.HashMap<>();
        List<Replica> all = new ArrayList<>(replicas);
        all.addAll(retired);
        for (Replica replica : all) {
            Matcher matcher = SOLVING.matcher(replica.output());
            while (matcher.find()) {
                solvedBy.computeIfAbsent(matcher.group(1), key -> new ArrayList<>()).add(matcher.group(2));
            }
        }
        return solvedBy;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static Set<String> names(List<Replica> list) {
        return list.stream().map(replica -> replica.name).collect(Collectors.toCollection(TreeSet::new));
    }
}
