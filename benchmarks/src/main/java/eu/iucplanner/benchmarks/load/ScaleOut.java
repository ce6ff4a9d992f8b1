package eu.iucplanner.benchmarks.load;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The scale-out command (issue 13): several replicas of the service, each its own process from the service jar, on
 * one PostgreSQL that this tool starts and owns (zonky's embedded server in the tool's JVM, so no replica's death takes
 * the database with it), measured from outside over HTTP:
 * <ol>
 * <li>throughput: a batch of SMALL runs (the demo pool as served) submitted at once, round robin over 1, 2 and 3
 * replicas, and over 1 replica with {@code parallel-runs} 2 for comparison: completed runs per minute of the batch's
 * makespan, by the service's own timestamps;</li>
 * <li>a stop sent to a replica other than the solving one: until the run ends TERMINATED;</li>
 * <li>a HUGE run submitted, its result read, exported and read as CSV: latency of each, p95 over the tries;</li>
 * <li>failover: kill -9 of the replica solving a MEDIUM run; until another replica takes it up, and until it
 * completes; with the default heartbeat settings and with a faster setting.</li>
 * </ol>
 * It writes {@code results/scale-out-report.md}. Started through {@link FaultAndLoad} with the argument
 * {@code scale-out}: {@code ./mvnw -B -Pfault-load -pl api,benchmarks -am verify -DskipTests
 * -Dfault-load.args=scale-out}. Like the fault and load command it fixes nothing: what it finds goes into the report.
 */
public final class ScaleOut {

    /** The argument that selects this command. */
    static final String ARGUMENT = "scale-out";
    static final String COMMAND = "./mvnw -B -Pfault-load -pl api,benchmarks -am verify -DskipTests "
            + "-Dfault-load.args=scale-out";
    /** The victim of a failover: a MEDIUM run that solves long enough to be killed and taken up. */
    static final String FAILOVER_TERMINATION = "{\"spentLimit\":\"PT20S\"}";
    /** The service's defaults, which operators get. */
    static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(5);
    static final int DEFAULT_MISSED_HEARTBEATS = 6;
    /** A faster failover, for comparison (the service allows 4 missed heartbeats at least). */
    static final Duration FAST_HEARTBEAT = Duration.ofSeconds(1);
    static final int FAST_MISSED_HEARTBEATS = 4;
    /** The replicas' database password, in their environment (not on their command line). */
    static final String PASSWORD_VARIABLE = "SPRING_DATASOURCE_PASSWORD";
    /**
     * The first administrator's password, random and in the environment too: without it the first replica prints a
     * generated one in its log, which the report quotes.
     */
    static final String ADMIN_PASSWORD_VARIABLE = "IUC_ADMIN_PASSWORD";
    /** The targets, which the report compares with (never asserted). */
    static final double STOP_TARGET_SECONDS = 2;
    static final double FAILOVER_TARGET_SECONDS = 60;
    static final double ENDPOINT_TARGET_MILLIS = 1_000;
    private static final Duration SUBMIT_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    /**
     * What to run.
     *
     * @param smallRuns         SMALL runs in each throughput batch
     * @param hugeRuns          HUGE runs in each CPU-bound throughput batch
     * @param stopTries         stops sent to another replica
     * @param hugeTries         HUGE runs submitted, and reads, exports and CSV reads of them
     * @param failoverTries     kills with the default heartbeat settings
     * @param fastFailoverTries kills with the faster setting
     */
    record Options(Path jar, Path report, Path work, boolean quick, int smallRuns, int hugeRuns, int stopTries,
            int hugeTries,
            int failoverTries, int fastFailoverTries, List<String> jvmArguments) {

        static Options parse(String[] args) {
            Path jar = Path.of("../api/target/iuc-planner-api.jar");
            boolean quick = false;
            List<String> jvm = new ArrayList<>();
            for (String option : FaultAndLoad.options(args)) {
                if (option.startsWith("jar=")) {
                    jar = Path.of(option.substring(4));
                } else if (option.equals("quick")) {
                    quick = true;
                } else if (option.startsWith("jvm-arg=")) {
                    jvm.add(option.substring(8));
                } else if (!option.equals(ARGUMENT)) {
                    throw new IllegalArgumentException("Unknown argument '" + option + "' for " + ARGUMENT
                            + "; known: jar=PATH, quick, jvm-arg=-Xmx2g");
                }
            }
            Path work = Path.of("target", "fault-load", "scale-out");
            if (quick) {
                return new Options(jar, work.resolve("quick-report.md"), work, true, 6, 2, 3, 3, 1, 1,
                        List.copyOf(jvm));
            }
            return new Options(jar, Path.of("results", "scale-out-report.md"), work, false, 30, 8, 10, 20, 3, 3,
                    List.copyOf(jvm));
        }
    }

    /** Whether the arguments select this command. */
    static boolean selected(String[] args) {
        return FaultAndLoad.options(args).contains(ARGUMENT);
    }

    /**
     * One replica: its process, its API with the tool's token, its log.
     *
     * @param startedNanos when its process was started
     */
    record Replica(String name, ServiceProcess process, Api api, Path log, long startedNanos) {
    }

    /**
     * A stop sent to a replica other than the one solving the run.
     *
     * @param answerSeconds DELETE's answer
     * @param endedSeconds  from sending the DELETE until the run's {@code completedAt} (the solving replica's end)
     * @param seenSeconds   until the stopping replica's metadata showed the run ended (polled every 50 ms)
     */
    record StopTry(String solver, String stopper, String answer, double answerSeconds, double endedSeconds,
            double seenSeconds, String status, String load) {
    }

    /**
     * A kill -9 of the replica solving a run.
     *
     * @param heartbeatAgeSeconds how long before the kill the run's execution last had a heartbeat (the job runner's
     *                            table)
     * @param detectedSeconds     from the kill until a replica logged the execution dead
     * @param takenUpSeconds      until a replica logged it taken up again
     * @param seenSeconds         until the metadata named another replica (polled every 100 ms)
     * @param completedSeconds    until the metadata showed it ended
     */
    record FailoverTry(String setting, String victim, String successor, double heartbeatAgeSeconds,
            double detectedSeconds, double takenUpSeconds, double seenSeconds, double completedSeconds,
            String status, int resumes, String scoreBefore, String scoreAfter, String load) {

        /** Whether the run ended with a score not worse than the one stored before the kill. */
        boolean notWorse() {
            return scoreBefore != null && scoreAfter != null && RunTimes.compareScores(scoreAfter, scoreBefore) >= 0;
        }
    }

    /**
     * Requests of the HUGE measurement, by what they were: latencies and answer sizes.
     *
     * @param loads the machine's load average before and after these requests
     */
    record Endpoint(String what, List<Sample> samples, List<Integer> sizes, List<String> loads) {
    }

    private final Options options;
    private final Path dataRoot;
    private final String token;
    private final String databasePassword;
    private final String adminPassword;
    private final List<Replica> replicas = new CopyOnWriteArrayList<>();
    private final List<Replica> started = new CopyOnWriteArrayList<>();
    private final Runs runs = new Runs(this::reader);
    private final AtomicBoolean cleanedUp = new AtomicBoolean();
    private final long startNanos = System.nanoTime();
    private final List<Throughput> throughputs = new ArrayList<>();
    private final List<StopTry> stops = new ArrayList<>();
    private final List<FailoverTry> failovers = new ArrayList<>();
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> findings = new ArrayList<>();
    private EmbeddedPostgres postgres;
    private DataSource database;
    private boolean migrated;
    private int replicaNumber;
    private String smallBody;
    private String mediumBody;
    private String longBody;
    private String hugeBody;

    private ScaleOut(Options options, Path dataRoot) {
        this.options = options;
        this.dataRoot = dataRoot;
        this.token = Api.newToken();
        this.databasePassword = randomSecret();
        this.adminPassword = randomSecret();
    }

    private static String randomSecret() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    public static void main(String[] args) throws Exception {
        // The replicas close a connection idle for 20 s (Tomcat's connection-timeout); the JDK's client keeps idle
        // connections 20 minutes, and a request sent on one just as a replica closes it meets an empty answer (the
        // first full run of this command had one stop of 10 answered so, most likely this race). The tool drops idle
        // connections sooner.
        System.setProperty("jdk.httpclient.keepalive.timeout", "10");
        Options options = Options.parse(args);
        Path jar = options.jar().toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            System.err.println("No service jar at " + jar + ": build it first (./mvnw -B -q -DskipTests package), or "
                    + "run " + COMMAND + ", which builds it.");
            System.exit(2);
        }
        Files.createDirectories(options.work());
        Path data = Files.createTempDirectory("iuc-scale-out-");
        ScaleOut tool = new ScaleOut(options, data);
        Runtime.getRuntime().addShutdownHook(new Thread(tool::cleanUp, "scale-out-clean-up"));
        try {
            Path report = tool.run();
            System.out.println("Scale-out report: " + report.toAbsolutePath().normalize());
        } finally {
            tool.cleanUp();
            Host.deleteTree(data);
        }
    }

    private Path run() throws Exception {
        String date = OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE);
        String loadBefore = Host.loadAverage();
        startDatabase();
        List<String> defaults = List.of();

        startReplicas(1, defaults);
        smallBody = reader().demoRequest("SMALL");
        // The stop and failover targets must still be solving when they are stopped or their replica killed: a run
        // proven optimal would otherwise end at once.
        mediumBody = FaultAndLoad.keepSolving(reader().demoRequest("MEDIUM", FAILOVER_TERMINATION));
        longBody = FaultAndLoad.keepSolving(reader().demoRequest("SMALL", FaultAndLoad.LONG_TERMINATION));
        hugeBody = reader().demoRequest("HUGE");
        throughput("1 replica", 1, "SMALL", smallBody, options.smallRuns());
        throughput("1 replica", 1, "HUGE", hugeBody, options.hugeRuns());
        startReplicas(1, defaults);
        throughput("2 replicas", 1, "SMALL", smallBody, options.smallRuns());
        throughput("2 replicas", 1, "HUGE", hugeBody, options.hugeRuns());
        startReplicas(1, defaults);
        throughput("3 replicas", 1, "SMALL", smallBody, options.smallRuns());
        throughput("3 replicas", 1, "HUGE", hugeBody, options.hugeRuns());

        stopLatency();
        hugeEndpoints();
        failovers(setting(DEFAULT_HEARTBEAT, DEFAULT_MISSED_HEARTBEATS, true), defaults, options.failoverTries());

        stopAll();
        List<String> fast = List.of("--iuc.runs.heartbeat-interval=" + FAST_HEARTBEAT,
                "--iuc.runs.missed-heartbeats-limit=" + FAST_MISSED_HEARTBEATS);
        startReplicas(3, fast);
        failovers(setting(FAST_HEARTBEAT, FAST_MISSED_HEARTBEATS, false), fast, options.fastFailoverTries());

        stopAll();
        startReplicas(1, List.of("--iuc.runs.parallel-runs=2"));
        throughput("1 replica, parallel-runs 2", 2, "SMALL", smallBody, options.smallRuns());
        throughput("1 replica, parallel-runs 2", 2, "HUGE", hugeBody, options.hugeRuns());

        finalChecks();
        String loadAfter = Host.loadAverage();
        String machine = Host.machine() + "; load average (1, 5, 15 min) " + loadBefore + " at the start and "
                + loadAfter + " at the end: the machine is shared, so other engineers' builds ran beside the replicas";
        Map<String, List<ServiceLog.Group>> logs = new LinkedHashMap<>();
        for (Replica replica : started) {
            logs.put(replica.name(), ServiceLog.notable(ServiceLog.readAll(replica.log())));
        }
        String report = ScaleOutReport.render(date, machine, settings(), throughputs, stops, failovers,
                List.copyOf(endpoints.values()), notes, findings, logs);
        Files.createDirectories(options.report().toAbsolutePath().getParent());
        Files.writeString(options.report(), report, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(ScaleOutReport.summary(throughputs, stops, failovers, List.copyOf(endpoints.values())));
        return options.report();
    }

    private static String setting(Duration heartbeat, int missed, boolean defaults) {
        return String.format(Locale.ROOT, "%s: %d × %s", defaults ? "defaults" : "faster", missed, heartbeat);
    }

    // ************************************************************************
    // Measurements
    // ************************************************************************

    /** A batch of runs of a demo pool as served, submitted at once round robin over the replicas that are up. */
    private void throughput(String label, int parallelRuns, String pool, String body, int count) throws Exception {
        progress("throughput, " + label + ": " + count + " " + pool + " runs");
        settle();
        List<Replica> up = List.copyOf(replicas);
        String loadBefore = Host.loadAverage();
        double cpuBefore = cpuSeconds(up);
        List<CompletableFuture<Api.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Api api = up.get(i % up.size()).api();
            answers.add(api.sendAsync(api.postJson(Api.RUNS, body, SUBMIT_TIMEOUT)));
        }
        List<Runs.Run> batch = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            accepted(up.get(i % up.size()), label, pool + " as served", answers.get(i).join()).ifPresent(batch::add);
        }
        if (!runs.awaitEnded(batch, Duration.ofMinutes(20))) {
            finding("throughput, " + label + ": runs had not ended 20 minutes after the submissions");
        }
        double cpu = cpuSeconds(up) - cpuBefore;
        String loadAfter = Host.loadAverage();
        List<RunTimes> times = batch.stream().map(run -> metadata(reader(), run.id())).toList();
        Throughput result = new Throughput(label, pool, up.size(), parallelRuns, times, cpu, loadBefore, loadAfter);
        throughputs.add(result);
        long notCompleted = times.size() - result.completed();
        if (notCompleted > 0 || times.size() < count) {
            finding("throughput, " + label + ", " + pool + ": " + notCompleted + " of " + times.size() + " accepted runs did not "
                    + "end COMPLETED");
        }
        if (result.resumes() > 0) {
            finding("throughput, " + label + ", " + pool + ": " + result.resumes() + " resumes in a batch without faults");
        }
        System.out.printf(Locale.ROOT, "  %d completed in %.1f s: %.1f runs/min; by replica %s; load %s -> %s%n",
                result.completed(), result.makespanSeconds(), result.runsPerMinute(), result.byReplica(),
                loadBefore, loadAfter);
    }

    /** Stops sent to a replica other than the solving one. */
    private void stopLatency() throws Exception {
        progress("stop sent to another replica: " + options.stopTries() + " tries on " + replicas.size()
                + " replicas");
        for (int t = 0; t < options.stopTries(); t++) {
            settle();
            Optional<Runs.Run> run = submit(replicas.get(t % replicas.size()), "stop", "SMALL, 60 s", longBody);
            if (run.isEmpty()) {
                continue;
            }
            Optional<RunTimes> solving = awaitSolving(run.get().id(), Duration.ofMinutes(3));
            if (solving.isEmpty()) {
                finding("stop: run " + run.get().id() + " was not SOLVING within 3 minutes");
                continue;
            }
            Thread.sleep(1_000);
            List<Replica> others = replicas.stream().filter(r -> !r.name().equals(solving.get().replica())).toList();
            Replica stopper = others.get(t % others.size());
            String load = Host.loadAverage();
            Instant sentAt = Instant.now();
            long sent = System.nanoTime();
            Api.Answer answer = stopper.api().send(stopper.api().delete(Api.RUNS + "/" + run.get().id(),
                    Duration.ofSeconds(30)));
            RunTimes ended = null;
            double seen = Double.NaN;
            long deadline = sent + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline) {
                RunTimes now = metadata(stopper.api(), run.get().id());
                if (now.ended()) {
                    seen = FaultAndLoad.seconds(System.nanoTime() - sent);
                    ended = now;
                    break;
                }
                Thread.sleep(50);
            }
            double endedAfter = ended == null || ended.completedAt() == null ? Double.NaN
                    : RunTimes.seconds(sentAt, ended.completedAt());
            StopTry result = new StopTry(solving.get().replica(), stopper.name(), answer.describe(),
                    FaultAndLoad.seconds(answer.latencyNanos()), endedAfter, seen,
                    ended == null ? "not ended after 90 s" : ended.status(), load);
            stops.add(result);
            System.out.printf(Locale.ROOT, "  solving on %s, stop sent to %s: %s after %.2f s, ended %.2f s, seen "
                    + "%.2f s, %s%n", result.solver(), result.stopper(), result.answer(), result.answerSeconds(),
                    endedAfter, seen, result.status());
            if (!"TERMINATED".equals(result.status())) {
                finding("stop: the run " + run.get().id() + " stopped through " + stopper.name() + " ended "
                        + result.status() + " instead of TERMINATED");
            } else if (!(endedAfter <= STOP_TARGET_SECONDS)) {
                finding(String.format(Locale.ROOT, "stop: run %s ended %.2f s after the stop was sent to %s "
                        + "(target: within %.0f s)", run.get().id(), endedAfter, stopper.name(), STOP_TARGET_SECONDS));
            }
        }
    }

    /**
     * HUGE runs as served: submitted one at a time, each once the previous one has ended and the replicas are idle,
     * then each one's result read, exported and read as CSV.
     */
    private void hugeEndpoints() throws Exception {
        progress("HUGE run: " + options.hugeTries() + " submissions, reads, exports and CSV reads");
        Endpoint submit = endpoint("submit (POST, 202)");
        submit.loads().add(Host.loadAverage());
        List<Runs.Run> huge = new ArrayList<>();
        for (int t = 0; t < options.hugeTries(); t++) {
            settle();
            Replica via = replicas.get(t % replicas.size());
            Api.Answer answer = via.api().send(via.api().postJson(Api.RUNS, hugeBody, SUBMIT_TIMEOUT));
            record(submit, answer, 202);
            Optional<Runs.Run> run = accepted(via, "HUGE", "HUGE as served", answer);
            if (run.isPresent()) {
                huge.add(run.get());
                if (!runs.awaitEnded(run.stream().toList(), Duration.ofMinutes(5))) {
                    finding("HUGE: run " + run.get().id() + " had not ended 5 minutes after its submission");
                }
            }
        }
        submit.loads().add(Host.loadAverage());
        settle();
        Endpoint read = endpoint("read the result (GET, JSON)");
        Endpoint export = endpoint("export (GET .../export)");
        Endpoint csv = endpoint("read the result as CSV (GET, text/csv)");
        String readsBefore = Host.loadAverage();
        for (int t = 0; t < huge.size(); t++) {
            Api api = replicas.get(t % replicas.size()).api();
            record(read, api.send(api.get(Api.RUNS + "/" + huge.get(t).id(), READ_TIMEOUT)), 200);
        }
        for (int t = 0; t < huge.size(); t++) {
            Api api = replicas.get(t % replicas.size()).api();
            record(export, api.send(api.get(Api.RUNS + "/" + huge.get(t).id() + "/export", READ_TIMEOUT)), 200);
        }
        for (int t = 0; t < huge.size(); t++) {
            Api api = replicas.get(t % replicas.size()).api();
            HttpRequest request = api.authorized(api.api(Api.RUNS + "/" + huge.get(t).id()), READ_TIMEOUT)
                    .header("Accept", "text/csv").GET().build();
            record(csv, api.send(request), 200);
        }
        String readsAfter = Host.loadAverage();
        for (Endpoint endpoint : List.of(read, export, csv)) {
            endpoint.loads().addAll(List.of(readsBefore, readsAfter));
        }
        Map<String, Long> statuses = new LinkedHashMap<>();
        huge.forEach(run -> statuses.merge(String.valueOf(metadata(reader(), run.id()).status()), 1L, Long::sum));
        notes.add("HUGE runs: " + huge.size() + " accepted, request body " + hugeBody.length() + " characters; they "
                + "ended " + statuses);
        for (Endpoint endpoint : List.of(submit, read, export, csv)) {
            double p95 = ScaleOutReport.p95(endpoint);
            System.out.printf(Locale.ROOT, "  %s: p95 %s%n", endpoint.what(), LatencyStats.millis(p95));
            if (!(p95 < ENDPOINT_TARGET_MILLIS)) {
                finding(String.format(Locale.ROOT, "HUGE: %s took %s at the 95th percentile of %d (target: under "
                        + "1 s)", endpoint.what(), LatencyStats.millis(p95), endpoint.samples().size()));
            }
            long unexpected = endpoint.samples().stream().filter(sample -> !sample.ok()).count();
            if (unexpected > 0) {
                finding("HUGE: " + endpoint.what() + ": " + unexpected + " answers without the expected status ("
                        + LatencyStats.of(endpoint.samples()).outcomesText() + ")");
            }
        }
    }

    /** Kills the replica solving a MEDIUM run, with 3 replicas up each time (a new one replaces the killed one). */
    private void failovers(String setting, List<String> arguments, int tries) throws Exception {
        for (int t = 0; t < tries; t++) {
            if (replicas.size() < 3) {
                startReplicas(3 - replicas.size(), arguments);
            }
            progress("failover (" + setting + "), try " + (t + 1) + " of " + tries);
            settle();
            String load = Host.loadAverage();
            Optional<Runs.Run> run = submit(replicas.get(t % replicas.size()), "failover", "MEDIUM, 20 s",
                    mediumBody);
            if (run.isEmpty()) {
                continue;
            }
            String id = run.get().id();
            Optional<RunTimes> solving = awaitSolving(id, Duration.ofMinutes(3));
            if (solving.isEmpty()) {
                finding("failover: run " + id + " was not SOLVING within 3 minutes");
                continue;
            }
            Replica victim = replicas.stream().filter(r -> r.name().equals(solving.get().replica())).findFirst()
                    .orElseThrow();
            Replica watcher = replicas.stream().filter(r -> r != victim).findFirst().orElseThrow();
            // A best solution stored (the watcher reads the database, not the solver's memory), then some solving.
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (metadata(watcher.api(), id).score() == null && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(3_000);
            String scoreBefore = metadata(watcher.api(), id).score();
            Optional<Instant> heartbeat = lastHeartbeat(id);
            Instant killAt = Instant.now();
            long killed = System.nanoTime();
            victim.process().kill();
            victim.process().awaitExit(Duration.ofSeconds(30));
            replicas.remove(victim);
            double seen = Double.NaN;
            RunTimes last = metadata(watcher.api(), id);
            double completed = Double.NaN;
            deadline = killed + Duration.ofMinutes(5).toNanos();
            while (System.nanoTime() < deadline) {
                last = metadata(watcher.api(), id);
                if (Double.isNaN(seen) && last.replica() != null && !last.replica().equals(victim.name())) {
                    seen = FaultAndLoad.seconds(System.nanoTime() - killed);
                }
                if (last.ended()) {
                    completed = FaultAndLoad.seconds(System.nanoTime() - killed);
                    break;
                }
                Thread.sleep(100);
            }
            List<String> survivorLines = new ArrayList<>();
            replicas.forEach(replica -> survivorLines.addAll(ServiceLog.readAll(replica.log())));
            String victimName = victim.name();
            Optional<Instant> detected = ServiceLog.firstAt(survivorLines, message -> message.contains(
                    "stopped sending heartbeats") && message.contains("replica " + victimName + ","));
            Optional<Instant> takenUp = ServiceLog.firstAt(survivorLines, message -> message.contains(id
                    + " taken up again"));
            FailoverTry result = new FailoverTry(setting, victimName, last.replica(),
                    heartbeat.map(at -> RunTimes.seconds(at, killAt)).orElse(Double.NaN),
                    detected.map(at -> RunTimes.seconds(killAt, at)).orElse(Double.NaN),
                    takenUp.map(at -> RunTimes.seconds(killAt, at)).orElse(Double.NaN), seen, completed,
                    last.ended() ? last.status() : "not ended after 5 min", last.resumes(), scoreBefore, last.score(),
                    load);
            failovers.add(result);
            System.out.printf(Locale.ROOT, "  %s killed (last heartbeat %.1f s before): dead logged %.1f s, taken up "
                    + "%.1f s (seen %.1f s) by %s, ended %s %.1f s after the kill, resumes %d%n", victimName,
                    result.heartbeatAgeSeconds(), result.detectedSeconds(), result.takenUpSeconds(), seen,
                    result.successor(), result.status(), completed, result.resumes());
            if (!"COMPLETED".equals(result.status())) {
                finding("failover (" + setting + "): the run " + id + " of the killed " + victimName + " ended "
                        + result.status() + " instead of COMPLETED");
            }
            if (result.resumes() != 1) {
                finding("failover (" + setting + "): the run " + id + " has " + result.resumes() + " resumes, not 1");
            }
            if (!result.notWorse()) {
                finding("failover (" + setting + "): the run " + id + " ended with " + result.scoreAfter()
                        + ", not at least the " + scoreBefore + " stored before the kill");
            }
            if (!(seen <= FAILOVER_TARGET_SECONDS)) {
                finding(String.format(Locale.ROOT, "failover (%s): run %s taken up %.1f s after the kill (target: "
                        + "under %.0f s)", setting, id, seen, FAILOVER_TARGET_SECONDS));
            }
        }
    }

    /** Every run accepted during the command, read through a replica that is up. */
    private void finalChecks() throws InterruptedException {
        List<Runs.Run> all = runs.all();
        runs.awaitEnded(all, Duration.ofMinutes(2));
        Runs.Check check = runs.check(all);
        notes.add("every run accepted during the command: " + check.accepted() + " accepted; "
                + check.statusesText() + "; lost " + check.lost().size()
                + (check.lost().isEmpty() ? "" : ": " + String.join("; ", check.lost())));
        if (!check.lost().isEmpty()) {
            finding(check.lost().size() + " runs lost: " + String.join("; ", check.lost()));
        }
        stopAll();
        notes.add("replica starts: " + started.size() + " (logs in `benchmarks/" + options.work() + "/`, not "
                + "committed)");
    }

    // ************************************************************************
    // Replicas and their database
    // ************************************************************************

    /**
     * PostgreSQL from zonky's embedded server binaries, in this JVM: no replica owns it, so none takes it down when
     * it dies. Listens on loopback; after its first start every connection must give a random password (SCRAM), as
     * the service's own embedded server does, since the machine is shared.
     */
    private void startDatabase() throws IOException, SQLException {
        Path log = options.work().resolve("postgres.log");
        Files.deleteIfExists(log);
        postgres = EmbeddedPostgres.builder().setDataDirectory(dataRoot.resolve("postgres"))
                .setCleanDataDirectory(true).setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("password_encryption", "scram-sha-256")
                // zonky turns synchronous commit off for speed; an operator's server has it on.
                .setServerConfig("synchronous_commit", "on")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        Files.writeString(dataRoot.resolve("postgres").resolve("pg_hba.conf"), """
                local   all   all                  scram-sha-256
                host    all   all   127.0.0.1/32   scram-sha-256
                host    all   all   ::1/128        scram-sha-256
                """, StandardCharsets.UTF_8);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER USER postgres PASSWORD '" + databasePassword + "'");
            statement.execute("SELECT pg_reload_conf()");
        }
        database = postgres.getDatabase("postgres", "postgres", Map.of("password", databasePassword));
        try (Connection connection = database.getConnection()) {
            notes.add("PostgreSQL " + connection.getMetaData().getDatabaseProductVersion() + " (zonky embedded "
                    + "binaries) on port " + postgres.getPort() + ", started by the tool");
        }
    }

    private String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    /**
     * Starts replicas and waits until each is ready ({@code /actuator/health/readiness} UP) and accepts the token.
     * On the empty database the first one starts alone: it runs the migrations and creates the administrator and
     * the token.
     */
    private void startReplicas(int count, List<String> arguments) throws IOException, InterruptedException {
        List<Replica> starting = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Replica replica = startReplica(arguments);
            if (!migrated) {
                awaitReady(replica, "the first, on the empty database");
                migrated = true;
            } else {
                starting.add(replica);
            }
        }
        for (Replica replica : starting) {
            awaitReady(replica, count > 1 ? count + " starting at once" : "alone");
        }
    }

    private Replica startReplica(List<String> arguments) throws IOException {
        replicaNumber++;
        String name = "iuc-" + replicaNumber;
        int apiPort = Host.freePort();
        int managementPort = Host.freePort();
        List<String> serviceArguments = new ArrayList<>(List.of("--spring.datasource.url=" + jdbcUrl(),
                "--spring.datasource.username=postgres", "--iuc.runs.replica-name=" + name));
        serviceArguments.addAll(FaultAndLoad.serviceArguments());
        serviceArguments.addAll(arguments);
        ServiceProcess.Settings settings = new ServiceProcess.Settings(options.jar().toAbsolutePath().normalize(),
                apiPort, managementPort, null, options.jvmArguments(), serviceArguments,
                Map.of(FaultAndLoad.TOKEN_VARIABLE, token, PASSWORD_VARIABLE, databasePassword,
                        ADMIN_PASSWORD_VARIABLE, adminPassword));
        Path log = options.work().resolve(name + ".log");
        Files.deleteIfExists(log);
        long at = System.nanoTime();
        Replica replica = new Replica(name, ServiceProcess.start(settings, log), new Api(apiPort, managementPort,
                token), log, at);
        started.add(replica);
        return replica;
    }

    private void awaitReady(Replica replica, String how) throws InterruptedException {
        replica.process().awaitUp(replica.api()::readinessUp, replica.api(), Duration.ofMinutes(4));
        replicas.add(replica);
        String text = String.format(Locale.ROOT, "%s (pid %d) ready and accepting the token %.1f s after its start "
                + "(%s; load %s)", replica.name(), replica.process().pid(),
                FaultAndLoad.seconds(System.nanoTime() - replica.startedNanos()), how, Host.loadAverage());
        notes.add("started " + text);
        System.out.println("  " + text);
    }

    /** SIGTERM to every replica at once (they hand their runs back), then waits for each. */
    private void stopAll() throws InterruptedException {
        List<Replica> stopping = List.copyOf(replicas);
        replicas.clear();
        stopping.forEach(replica -> replica.process().terminate());
        for (Replica replica : stopping) {
            if (!replica.process().awaitExit(Duration.ofSeconds(90))) {
                finding(replica.name() + " had not exited 90 s after SIGTERM; killed");
                replica.process().kill();
                replica.process().awaitExit(Duration.ofSeconds(10));
            }
        }
    }

    /** Submits a run through a replica; a refusal is a finding. */
    private Optional<Runs.Run> submit(Replica via, String scenario, String label, String body) {
        return accepted(via, scenario, label, via.api().send(via.api().postJson(Api.RUNS, body, SUBMIT_TIMEOUT)));
    }

    /** A submission's answer: a 202 is a run that must not be lost, anything else a finding. */
    private Optional<Runs.Run> accepted(Replica via, String scenario, String label, Api.Answer answer) {
        Optional<Runs.Run> run = runs.accept(scenario, label, answer);
        if (run.isEmpty()) {
            finding(scenario + ": a submission to " + via.name() + " got " + answer.describe());
        }
        return run;
    }

    /** A replica that is up, for reads. */
    private Api reader() {
        if (replicas.isEmpty()) {
            throw new IllegalStateException("No replica is up");
        }
        return replicas.get(0).api();
    }

    /** The run's metadata through this replica; a document with only the status "?" when it did not answer. */
    private static RunTimes metadata(Api api, String id) {
        Api.Answer answer = api.send(api.get(Api.RUNS + "/" + id + "/metadata", Duration.ofSeconds(10)));
        return answer.is(200) ? RunTimes.parse(answer.body())
                : new RunTimes(id, "?", null, null, null, null, 0, -1, null, null);
    }

    /** Waits until the run is SOLVING on a replica; empty when it is not within the timeout. */
    private Optional<RunTimes> awaitSolving(String id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            RunTimes now = metadata(reader(), id);
            if ("SOLVING".equals(now.status()) && now.replica() != null) {
                return Optional.of(now);
            }
            if (now.ended()) {
                return Optional.empty();
            }
            Thread.sleep(100);
        }
        return Optional.empty();
    }

    /** When the run's execution in the job runner's table last had a heartbeat. */
    private Optional<Instant> lastHeartbeat(String id) {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT last_heartbeat FROM scheduled_tasks WHERE task_instance = ?")) {
            statement.setString(1, id);
            try (ResultSet result = statement.executeQuery()) {
                if (result.next()) {
                    OffsetDateTime at = result.getObject(1, OffsetDateTime.class);
                    return Optional.ofNullable(at).map(OffsetDateTime::toInstant);
                }
            }
        } catch (SQLException e) {
            notes.add("could not read the last heartbeat of run " + id + ": " + e.getMessage());
        }
        return Optional.empty();
    }

    /** Waits (outside the measurements) until the replicas together use less than a quarter of a core. */
    private void settle() throws InterruptedException {
        List<ServiceProcess> processes = replicas.stream().map(Replica::process).toList();
        if (!ServiceProcess.awaitIdle(processes, 0.25, Duration.ofSeconds(30))) {
            System.out.println("  replicas still busy after 30 s; measuring anyway");
        }
    }

    private static double cpuSeconds(List<Replica> replicas) {
        return replicas.stream().mapToDouble(replica -> replica.process().cpuSeconds()).sum();
    }

    private Endpoint endpoint(String what) {
        Endpoint endpoint = new Endpoint(what, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        endpoints.put(what, endpoint);
        return endpoint;
    }

    private static void record(Endpoint endpoint, Api.Answer answer, int expected) {
        endpoint.samples().add(answer.toSample(status -> status == expected));
        endpoint.sizes().add(answer.body() == null ? 0 : answer.body().getBytes(StandardCharsets.UTF_8).length);
    }

    private void finding(String text) {
        findings.add(text);
        System.out.println("  MISBEHAVIOUR: " + text);
    }

    private void progress(String what) {
        System.out.printf(Locale.ROOT, "[%5.0f s] %s (load %s)%n", FaultAndLoad.seconds(System.nanoTime()
                - startNanos), what, Host.loadAverage());
    }

    private Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("replicas", "`" + FaultAndLoad.TOKEN_VARIABLE + "=iuc_<random> " + PASSWORD_VARIABLE
                + "=<random> java " + String.join(" ", options.jvmArguments())
                + (options.jvmArguments().isEmpty() ? "" : " ") + "-jar api/target/iuc-planner-api.jar "
                + "--server.port=<free> --management.server.port=<free> --spring.datasource.url=jdbc:postgresql://"
                + "localhost:<port>/postgres --spring.datasource.username=postgres --iuc.runs.replica-name=iuc-<n> "
                + String.join(" ", FaultAndLoad.serviceArguments()) + "` (JVM defaults"
                + (options.jvmArguments().isEmpty() ? ", no -Xmx: a quarter of the RAM each" : "") + "); ready when "
                + "`/actuator/health/readiness` on the management port answers UP and the token is accepted");
        settings.put("database", "one PostgreSQL started by the tool in its own JVM (zonky embedded binaries, a "
                + "fresh data directory, loopback only, a random password for every connection, synchronous commit "
                + "on), which the replicas treat as external: none of them owns it");
        settings.put("credentials", "a personal API token made for this command, given to every replica as `"
                + FaultAndLoad.TOKEN_VARIABLE + "` (the first one creates it; the others find it); every request "
                + "but health carries it as `Authorization: Bearer`. Per-user limits raised as in the fault and load "
                + "command (one user stands for a whole coordination unit)");
        settings.put("service settings", "every one at its default (`iuc.runs.parallel-runs` 1, `heartbeat-interval` "
                + DEFAULT_HEARTBEAT + ", `missed-heartbeats-limit` " + DEFAULT_MISSED_HEARTBEATS + ", `poll-interval` "
                + "PT1S, `stop-check-interval` PT0.5S, `best-solution-write-interval` PT2S) except where a "
                + "measurement names another: `--iuc.runs.heartbeat-interval=" + FAST_HEARTBEAT
                + " --iuc.runs.missed-heartbeats-limit=" + FAST_MISSED_HEARTBEATS + "` for the faster failover, "
                + "`--iuc.runs.parallel-runs=2` for the one-replica comparison");
        settings.put("runs", "SMALL and HUGE demo pools as `GET /api/v1/demo-data/{SMALL|HUGE}` serves them "
                + "(termination `{\"spentLimit\":\"PT30S\",\"unimprovedSpentLimit\":\"PT5S\"}`, ending at their proven "
                + "optimum); the stop's target SMALL with `" + FaultAndLoad.LONG_TERMINATION + "` and the failover's "
                + "victim MEDIUM with `" + FAILOVER_TERMINATION + "`, both with `stopAtProvenOptimum: false` so that "
                + "they are still solving when stopped or killed");
        settings.put("counts", options.smallRuns() + " SMALL and " + options.hugeRuns() + " HUGE runs per "
                + "throughput batch, " + options.stopTries()
                + " stops, " + options.hugeTries() + " HUGE runs (each submitted, read, exported and read as CSV "
                + "once), " + options.failoverTries() + " kills with the default heartbeats and "
                + options.fastFailoverTries() + " with the faster ones" + (options.quick() ? " (quick smoke run)"
                : ""));
        settings.put("tool", "`eu.iucplanner.benchmarks.load.ScaleOut`, JDK HttpClient (HTTP/1.1), JDBC only to "
                + "set the database's password and read an execution's last heartbeat; no code of the `api` module");
        return settings;
    }

    private void cleanUp() {
        if (cleanedUp.getAndSet(true)) {
            return;
        }
        for (Replica replica : started) {
            if (replica.process().isAlive()) {
                replica.process().terminate();
            }
        }
        try {
            for (Replica replica : started) {
                if (!replica.process().awaitExit(Duration.ofSeconds(60))) {
                    replica.process().kill();
                    replica.process().awaitExit(Duration.ofSeconds(10));
                }
            }
            if (postgres != null) {
                postgres.close();
            }
        } catch (Exception e) {
            System.err.println("Clean-up: " + e);
        }
    }
}
