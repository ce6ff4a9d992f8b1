package eu.iucplanner.benchmarks.load;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fault and load command (issue 16): starts the service jar as a separate process on free ports and a fresh
 * embedded-database directory (the administrator's API token, made for the run, in its environment; every request but
 * health carries it), and runs one scenario after another while sampling the latency of a run's
 * {@code /metadata} (API port) and of {@code /actuator/health} (management port) and the service's memory:
 * <ol>
 * <li>50 SMALL and 5 HUGE submissions at once;</li>
 * <li>a DELETE storm: 250 concurrent stops of a HUGE run in its exact warm start;</li>
 * <li>300 clients sending their request bodies one byte a second;</li>
 * <li>200 open event streams on a solving run;</li>
 * <li>kill -9 of the service mid-solve, and a new start on the same data directory;</li>
 * <li>kill -9 of the embedded PostgreSQL's postmaster mid-solve (the service starts it again by itself);</li>
 * <li>SIGTERM of the service with 200 event streams open, and a new start;</li>
 * <li>the HUGE demo pool submitted as the service serves it (its own 30 s limit).</li>
 * </ol>
 * It checks that no accepted run was lost and writes {@code results/fault-load-report.md}. It does not fix what it
 * finds: misbehaviour goes into the report with the service's log lines.
 *
 * <p>Run with {@code ./mvnw -B -Pfault-load -pl api,benchmarks -am verify -DskipTests} (builds the service jar first);
 * {@code -Dfault-load.args=quick} runs a small smoke version and writes its report under {@code target/};
 * {@code -Dfault-load.args=scale-out} runs the scale-out measurements of {@link ScaleOut} instead.
 */
public final class FaultAndLoad {

    static final String SMALL_TERMINATION = "{\"spentLimit\":\"PT2S\"}";
    static final String HUGE_TERMINATION = "{\"spentLimit\":\"PT2M\",\"unimprovedSpentLimit\":\"PT5S\"}";
    static final String LONG_TERMINATION = "{\"spentLimit\":\"PT60S\"}";
    /**
     * The per-user submission limits, raised far above what the command sends: its one user stands for a whole
     * coordination unit (the defaults, 30 submissions a minute and 20 runs in flight, would answer most of scenario
     * 1's 55 submissions 429).
     */
    static final int USER_LIMITS = 100_000;
    /** The service takes {@code iuc.security.admin-token} from here (relaxed binding), out of its command line. */
    static final String TOKEN_VARIABLE = "IUC_SECURITY_ADMIN_TOKEN";
    private static final Duration SUBMIT_TIMEOUT = Duration.ofSeconds(120);
    /** Slow clients without credentials sent before the attack, to show where the service stops them. */
    private static final int NO_CREDENTIALS_CLIENTS = 5;
    /** How often the DELETE storm reads the service's log for the HUGE run's solver start. */
    private static final Duration LOG_POLL = Duration.ofMillis(10);

    /**
     * What to run.
     *
     * @param loadCap how long scenario 1 waits for its runs to end before it stops the rest with DELETE
     */
    record Options(Path jar, Path report, Path work, boolean quick, Duration loadCap, int small, int huge,
            int deletes, int slowClients, int streams, List<String> jvmArguments) {

        static Options parse(String[] args) {
            Path jar = Path.of("../api/target/iuc-planner-api.jar");
            boolean quick = false;
            Duration loadCap = null;
            List<String> jvm = new ArrayList<>();
            for (String option : options(args)) {
                if (option.startsWith("jar=")) {
                    jar = Path.of(option.substring(4));
                } else if (option.equals("quick")) {
                    quick = true;
                } else if (option.startsWith("load-cap=")) {
                    loadCap = Duration.parse(option.substring(9));
                } else if (option.startsWith("jvm-arg=")) {
                    jvm.add(option.substring(8));
                } else {
                    throw new IllegalArgumentException("Unknown argument '" + option + "'; known: jar=PATH, "
                            + "quick, load-cap=PT180S, jvm-arg=-Xmx2g");
                }
            }
            Path work = Path.of("target", "fault-load");
            if (quick) {
                return new Options(jar, work.resolve("quick-report.md"), work, true,
                        loadCap == null ? Duration.ofSeconds(60) : loadCap, 10, 0, 25, 25, 25, List.copyOf(jvm));
            }
            return new Options(jar, Path.of("results", "fault-load-report.md"), work, false,
                    loadCap == null ? Duration.ofSeconds(180) : loadCap, 50, 5, 250, 300, 200, List.copyOf(jvm));
        }
    }

    /**
     * The command's arguments one option at a time, without a leading {@code --}: Maven's exec plugin passes
     * {@code -Dfault-load.args} as one argument, which may hold several separated by spaces.
     */
    static List<String> options(String[] args) {
        List<String> options = new ArrayList<>();
        for (String arg : args) {
            if (arg == null || arg.isBlank()) {
                continue;
            }
            for (String part : arg.strip().split("\\s+")) {
                options.add(part.startsWith("--") ? part.substring(2) : part);
            }
        }
        return options;
    }

    private final Options options;
    private final ServiceProcess.Settings settings;
    private final Api api;
    private final Runs runs;
    private final ServiceLog log = new ServiceLog();
    private final List<Scenario> scenarios = new ArrayList<>();
    private final List<String> overall = new ArrayList<>();
    private final AtomicBoolean cleanedUp = new AtomicBoolean();
    private final long startNanos = System.nanoTime();
    private volatile ServiceProcess service;
    private int starts;
    private String smallBody;
    private String longBody;
    private String hugeBody;

    private FaultAndLoad(Options options, ServiceProcess.Settings settings, String token) {
        this.options = options;
        this.settings = settings;
        this.api = new Api(settings.apiPort(), settings.managementPort(), token);
        this.runs = new Runs(api);
    }

    public static void main(String[] args) throws Exception {
        if (ScaleOut.selected(args)) {
            // The scale-out measurements (issue 13) share this profile, its jar and its pieces.
            ScaleOut.main(args);
            return;
        }
        Options options = Options.parse(args);
        Path jar = options.jar().toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            System.err.println("No service jar at " + jar + ": build it first (./mvnw -B -q -DskipTests package), or "
                    + "run "
                    + "./mvnw -B -Pfault-load -pl api,benchmarks -am verify -DskipTests, which builds it.");
            System.exit(2);
        }
        Files.createDirectories(options.work());
        Path data = Files.createTempDirectory("iuc-fault-load-");
        String token = Api.newToken();
        ServiceProcess.Settings settings = new ServiceProcess.Settings(jar, Host.freePort(), Host.freePort(),
                data.resolve("postgres"), options.jvmArguments(), serviceArguments(), Map.of(TOKEN_VARIABLE, token));
        FaultAndLoad tool = new FaultAndLoad(options, settings, token);
        Runtime.getRuntime().addShutdownHook(new Thread(tool::cleanUp, "fault-load-clean-up"));
        try {
            Path report = tool.run();
            System.out.println("Fault and load report: " + report.toAbsolutePath().normalize());
        } finally {
            tool.cleanUp();
            Host.deleteTree(data);
        }
    }

    /** What the service is started with beyond its ports and data directory (the token goes in its environment). */
    static List<String> serviceArguments() {
        return List.of("--server.address=127.0.0.1", "--management.server.address=127.0.0.1",
                "--iuc.security.submissions-per-minute=" + USER_LIMITS,
                "--iuc.security.runs-in-flight-per-user=" + USER_LIMITS);
    }

    private Path run() throws Exception {
        String date = OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE);
        String loadBefore = Host.loadAverage();
        System.out.printf(Locale.ROOT, "Service jar %s, API port %d, management port %d, data %s%n",
                settings.jar(), settings.apiPort(), settings.managementPort(), settings.dataDirectory());
        Duration firstStart = startService();
        overall.add(String.format(Locale.ROOT, "first start (empty data directory, initdb included): %.1f s",
                seconds(firstStart)));
        smallBody = api.demoRequest("SMALL", SMALL_TERMINATION);
        // The targets must stay solving: a run proven optimal would otherwise end at once (issue 15).
        longBody = keepSolving(api.demoRequest("SMALL", LONG_TERMINATION));
        hugeBody = keepSolving(api.demoRequest("HUGE", HUGE_TERMINATION));

        Api.Answer probe = runs.submit("probe", "SMALL", smallBody, SUBMIT_TIMEOUT);
        Runs.Run probeRun = runs.of("probe").stream().findFirst().orElseThrow(() -> new IllegalStateException(
                "The probe run was not accepted: " + probe.describe() + " " + probe.body()));
        runs.awaitStatus(probeRun, "COMPLETED", Duration.ofSeconds(60));
        Probes probes = new Probes(api, probeRun.id(), () -> service);
        probes.start();

        baseline();
        load();
        deleteStorm();
        slowClients();
        eventStreams();
        killService();
        killDatabase();
        terminateWithStreams();
        hugeAsServed();
        finalChecks();
        probes.close();
        String loadAfter = Host.loadAverage();

        List<Report.Row> rows = new ArrayList<>();
        Map<Scenario, List<String>> findings = new LinkedHashMap<>();
        Map<Scenario, List<ServiceLog.Group>> logs = new LinkedHashMap<>();
        Map<Scenario, List<Sample>> metadataByScenario = new LinkedHashMap<>();
        Map<Scenario, List<Sample>> healthByScenario = new LinkedHashMap<>();
        for (Scenario scenario : scenarios) {
            List<Sample> metadata = probes.metadata(scenario.fromNanos, scenario.toNanos);
            List<Sample> health = probes.health(scenario.fromNanos, scenario.toNanos);
            metadataByScenario.put(scenario, metadata);
            healthByScenario.put(scenario, health);
            Report.Row row = Report.Row.of(scenario, metadata, health,
                    probes.memory(scenario.fromNanos, scenario.toNanos));
            rows.add(row);
            List<String> all = new ArrayList<>(Report.automaticFindings(scenario, row, metadata, health));
            all.addAll(scenario.findings);
            findings.put(scenario, all);
            logs.put(scenario, ServiceLog.notable(log.lines(scenario.logFrom, scenario.logTo)));
        }
        String machine = Host.machine() + "; load average (1, 5, 15 min) " + loadBefore + " at the start and "
                + loadAfter + " at the end: the machine is shared, so other builds ran beside the service";
        String report = Report.render(date, machine, settings(), scenarios, rows, metadataByScenario,
                healthByScenario, findings, logs, overall);
        Files.createDirectories(options.report().toAbsolutePath().getParent());
        Files.writeString(options.report(), report, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(Report.summary(rows));
        return options.report();
    }

    // ************************************************************************
    // Scenarios
    // ************************************************************************

    private void baseline() throws InterruptedException {
        Scenario scenario = begin("0. Idle (baseline)", "Nothing but the probes, for 10 s.");
        Thread.sleep(10_000);
        end(scenario);
    }

    private void load() throws InterruptedException {
        int total = options.small() + options.huge();
        String title = "1. " + options.small() + " SMALL + " + options.huge() + " HUGE at once";
        Scenario scenario = begin(title, total + " submissions sent at once (the demo pools from `GET "
                + "/api/v1/demo-data/{SMALL|HUGE}`; SMALL with termination `" + SMALL_TERMINATION + "`, HUGE with `"
                + HUGE_TERMINATION + "`, the HUGE ones spread evenly among the SMALL ones). The service solves "
                + "one run at a time (`iuc.runs.parallel-runs` 1), so the scenario waits for the queue to drain, "
                + "at most " + options.loadCap().toSeconds() + " s from its start; runs that have not ended "
                + "then are stopped with DELETE (they end TERMINATED, which is not a loss) to keep the whole "
                + "command within about 15 minutes.");
        List<String> labels = new ArrayList<>();
        List<CompletableFuture<Api.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            boolean huge = options.huge() > 0 && i % Math.max(1, total / options.huge()) == 0
                    && labels.stream().filter("HUGE"::equals).count() < options.huge();
            labels.add(huge ? "HUGE" : "SMALL");
            answers.add(api.sendAsync(api.postJson(Api.RUNS, huge ? hugeBody : smallBody, SUBMIT_TIMEOUT)));
        }
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            Api.Answer answer = answers.get(i).join();
            runs.accept(title, labels.get(i), answer);
            samples.add(answer.toSample(status -> status == 202));
        }
        scenario.requests("submissions (202 expected)", samples);
        List<Runs.Run> mine = runs.of(title);
        scenario.note(mine.size() + " of " + total + " submissions accepted");
        long capEnd = scenario.fromNanos + options.loadCap().toNanos();
        boolean ended = runs.awaitEnded(mine, Duration.ofNanos(Math.max(0, capEnd - System.nanoTime())));
        if (ended) {
            scenario.recovery = String.format(Locale.ROOT, "queue drained %.0f s after the submissions",
                    seconds(System.nanoTime() - scenario.fromNanos));
        } else {
            Set<String> open = runs.unfinished().orElse(Set.of());
            List<Runs.Run> stillOpen = mine.stream().filter(run -> open.contains(run.id())).toList();
            List<Sample> stops = new ArrayList<>();
            long stoppedAt = System.nanoTime();
            for (Runs.Run run : stillOpen) {
                stops.add(api.send(api.delete(Api.RUNS + "/" + run.id(), Duration.ofSeconds(30)))
                        .toSample(status -> status == 202 || status == 200));
            }
            scenario.requests("DELETE at the cap (202 or 200 expected)", stops);
            boolean stopped = runs.awaitEnded(stillOpen, Duration.ofSeconds(60));
            double took = seconds(System.nanoTime() - stoppedAt);
            List<String> lines = log.lines(scenario.logFrom, log.mark());
            for (Runs.Run run : stillOpen) {
                ServiceLog.Timeline timeline = ServiceLog.timeline(lines, run.id());
                if (timeline.solvingStarted() != null) {
                    scenario.note("the " + run.label() + " run solving at the cap (" + run.id() + "), service log: "
                            + timeline.describeStop());
                }
            }
            scenario.note(String.format(Locale.ROOT, "%d runs had not ended at the cap (%s); stopped with DELETE, "
                    + "they had all ended %.1f s later", stillOpen.size(), labelCounts(stillOpen), took));
            scenario.recovery = String.format(Locale.ROOT, "%d runs still queued at %d s, stopped; all ended %.0f s "
                    + "after the stop", stillOpen.size(), options.loadCap().toSeconds(), took);
            if (!stopped) {
                scenario.finding("runs stopped at the cap had not ended 60 s after their DELETE");
            }
        }
        scenario.runs = runs.check(mine);
        end(scenario);
        settle(scenario, Duration.ofSeconds(90));
    }

    private void deleteStorm() throws InterruptedException {
        String title = "2. DELETE storm";
        Scenario scenario = begin(title, options.deletes() + " concurrent `DELETE /api/v1/pairing-runs/{id}` on "
                + "one HUGE run as soon as the service's log shows Timefold's \"Solving started\" on the run's "
                + "worker (the log read every " + LOG_POLL.toMillis() + " ms), to fall in its exact warm start, the "
                + "solver's first phase (the phase that the issue's stuck run was in; it now takes about half a "
                + "second on HUGE, so the first run's 3 s after SOLVING would miss it, and SOLVING comes some "
                + "tenths of a second before the solver starts). Where the first stop fell is read from the same "
                + "log (\"Solving started\" and \"Custom phase (0) ended\" of the run's worker against the first "
                + "\"asked to stop\"). The README says a stop ends the run TERMINATED within a second or two "
                + "whatever its phase.");
        Optional<Runs.Run> target = submit(scenario, "HUGE", hugeBody);
        if (target.isEmpty()) {
            end(scenario);
            return;
        }
        ServiceLog.Timeline before = awaitSolverStarted(scenario, target.get(), Duration.ofSeconds(120));
        if (before.solvingStarted() == null) {
            scenario.note("the service's log did not show the run's solver starting within 120 s; the DELETEs "
                    + "went out anyway");
        } else if (before.warmStartEnded() != null) {
            scenario.note("the warm start had ended already when the log was read (\"Custom phase (0) ended\" "
                    + "logged before the DELETEs were sent)");
        }
        long stormAt = System.nanoTime();
        List<CompletableFuture<Api.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < options.deletes(); i++) {
            answers.add(api.sendAsync(api.delete(Api.RUNS + "/" + target.get().id(), Duration.ofSeconds(30))));
        }
        scenario.requests("DELETE (202 or 200 expected)", answers.stream().map(CompletableFuture::join)
                .map(answer -> answer.toSample(status -> status == 202 || status == 200)).toList());
        double answeredIn = seconds(System.nanoTime() - stormAt);
        Optional<Double> endedAfter = secondsUntilEnded(target.get(), stormAt, Duration.ofSeconds(90));
        String status = api.runStatus(target.get().id()).orElse("missing");
        scenario.note(String.format(Locale.ROOT, "all %d DELETEs answered within %.1f s", options.deletes(),
                answeredIn));
        ServiceLog.Timeline timeline = ServiceLog.timeline(log.lines(scenario.logFrom, log.mark()),
                target.get().id());
        scenario.note("service log: " + timeline.describeStop());
        boolean inWarmStart = timeline.stopAsked() != null && timeline.solvingStarted() != null
                && !timeline.stopAsked().isBefore(timeline.solvingStarted())
                && (timeline.warmStartEnded() == null || timeline.warmStartEnded().isAfter(timeline.stopAsked()));
        String phase = inWarmStart ? "in its warm start" : "(not in its warm start, see the log)";
        if (endedAfter.isPresent()) {
            scenario.recovery = String.format(Locale.ROOT, "run ended %s %.1f s after the storm", status,
                    endedAfter.get());
            if (endedAfter.get() > 5) {
                scenario.finding(String.format(Locale.ROOT, "the HUGE run stopped %s ended %s only %.1f s after the "
                        + "DELETEs (README: within a second or two, whatever its phase)", phase, status,
                        endedAfter.get()));
            }
        } else {
            scenario.recovery = "run had not ended 90 s after the storm";
            scenario.finding("the run had not ended 90 s after " + options.deletes() + " DELETEs");
        }
        scenario.runs = runs.check(runs.of(title));
        end(scenario);
        settle(scenario, Duration.ofSeconds(90));
    }

    private void slowClients() throws InterruptedException {
        String title = "3. " + options.slowClients() + " slow clients";
        Scenario scenario = begin(title, options.slowClients() + " raw-socket clients send the headers of a "
                + "`POST /api/v1/pairing-runs` with the token (Content-Length of the SMALL demo body) at once, then "
                + "the body one byte a second: each byte comes well within Tomcat's 20 s connection timeout, so only "
                + "the service's `iuc.request-body-timeout` (PT30S) can cut them (408 expected). Clients still "
                + "connected after 100 s count as timed out. Before the attack, " + NO_CREDENTIALS_CLIENTS + " such "
                + "clients without credentials check that they would not reach the body at all (401 expected at "
                + "once). 5 s into the attack two regular clients submit the "
                + "SMALL demo pool: one on a new connection, one on a keep-alive connection it opened (with a GET) "
                + "16 s before the attack, so idle for 21 s when it is reused: 1 s past Tomcat's keep-alive timeout "
                + "(the connection timeout, 20 s), whose close falls while every request thread is taken.");
        byte[] body = smallBody.getBytes(StandardCharsets.UTF_8);
        List<Sample> anonymous = SlowClients.run(settings.apiPort(), NO_CREDENTIALS_CLIENTS, Api.RUNS, null, body,
                Duration.ofSeconds(1), Duration.ofSeconds(15), 401);
        scenario.requests("slow clients without credentials, before the attack (401 expected)", anonymous);
        LatencyStats refused = LatencyStats.of(anonymous);
        scenario.note("slow clients without credentials: " + refused.outcomesText() + " after at most "
                + LatencyStats.millis(refused.maxMillis()) + " (the body is not read: they never reach the slow "
                + "part, which is why the attack's clients send the token)");
        HttpClient keptAlive = Api.newClient();
        Api.Answer opening = Api.sendAsync(keptAlive, api.get("/api/v1/demo-data", Duration.ofSeconds(10)))
                .join();
        scenario.requests("GET opening the keep-alive connection (200 expected)",
                List.of(opening.toSample(status -> status == 200)));
        Thread.sleep(16_000);
        AtomicReference<List<Sample>> slow = new AtomicReference<>(List.of());
        Thread attack = new Thread(() -> {
            try {
                slow.set(SlowClients.run(settings.apiPort(), options.slowClients(), Api.RUNS, api.authorization(),
                        body, Duration.ofSeconds(1), Duration.ofSeconds(100), 408));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "slow-clients");
        attack.start();
        Thread.sleep(5_000);
        CompletableFuture<Api.Answer> fresh = Api.sendAsync(Api.newClient(),
                api.postJson(Api.RUNS, smallBody, Duration.ofSeconds(90)));
        CompletableFuture<Api.Answer> reused = Api.sendAsync(keptAlive,
                api.postJson(Api.RUNS, smallBody, Duration.ofSeconds(90)));
        regularSubmission(scenario, "on a new connection", fresh.join());
        regularSubmission(scenario, "on the keep-alive connection idle 21 s", reused.join());
        attack.join(130_000);
        List<Sample> clients = slow.get();
        scenario.requests("slow clients (408 expected)", clients);
        LatencyStats cut = LatencyStats.of(clients);
        long held = clients.stream().filter(sample -> sample.outcome() == Sample.Outcome.TIMEOUT).count();
        double last = clients.stream().filter(sample -> sample.outcome() != Sample.Outcome.TIMEOUT)
                .mapToDouble(Sample::latencyMillis).max().orElse(Double.NaN) / 1000;
        scenario.recovery = held > 0 ? held + " clients still connected after 100 s"
                : String.format(Locale.ROOT, "last slow client cut after %.0f s", last);
        scenario.note("slow clients: " + cut.outcomesText() + "; time until cut p50 " + LatencyStats.millis(
                cut.p50Millis()) + ", p99 " + LatencyStats.millis(cut.p99Millis()) + ", max "
                + LatencyStats.millis(cut.maxMillis()));
        if (held > 0) {
            scenario.finding(held + " slow clients still held their connection 100 s after they started");
        }
        runs.awaitEnded(runs.of(title), Duration.ofSeconds(60));
        scenario.runs = runs.check(runs.of(title));
        end(scenario);
        settle(scenario, Duration.ofSeconds(30));
    }

    private void regularSubmission(Scenario scenario, String how, Api.Answer answer) {
        runs.accept(scenario.title, "SMALL", answer);
        scenario.requests("regular submission " + how + " during the attack (202 expected)",
                List.of(answer.toSample(status -> status == 202)));
        String text = String.format(Locale.ROOT, "a regular submission %s during the attack got %s after %.1f s",
                how, answer.describe(), seconds(answer.latencyNanos()));
        if (!answer.is(202) || answer.latencyNanos() > Duration.ofSeconds(10).toNanos()) {
            scenario.finding(text);
        } else {
            scenario.note(text);
        }
    }

    private void eventStreams() throws InterruptedException {
        String title = "4. " + options.streams() + " event streams";
        Scenario scenario = begin(title, options.streams() + " `GET /api/v1/pairing-runs/{id}/events` streams "
                + "opened at once on a solving SMALL run (termination `" + LONG_TERMINATION + "`), held 15 s, "
                + "then the run is stopped with DELETE: every stream should get the final status and be closed by "
                + "the service.");
        Optional<Runs.Run> target = submit(scenario, "SMALL, 60 s", longBody);
        if (target.isEmpty()) {
            end(scenario);
            return;
        }
        awaitSolving(scenario, target.get());
        EventStreams streams = EventStreams.open(api, Api.RUNS + "/" + target.get().id() + "/events",
                options.streams());
        awaitOpened(streams, Duration.ofSeconds(30));
        scenario.requests("event streams opened (200 expected)", streams.openingSamples());
        scenario.note(streams.openCount() + " of " + options.streams() + " streams open");
        Thread.sleep(15_000);
        long stopAt = System.nanoTime();
        scenario.requests("DELETE of the run (202 expected)", List.of(api.send(api.delete(
                Api.RUNS + "/" + target.get().id(), Duration.ofSeconds(30))).toSample(s -> s == 202)));
        awaitClosed(streams, Duration.ofSeconds(15));
        describeClosing(scenario, streams, stopAt, "the DELETE", "TERMINATED");
        long open = streams.streams().stream().filter(stream -> !stream.closed()).count();
        if (open > 0) {
            scenario.finding(open + " event streams were still open 15 s after their run was stopped");
        }
        streams.cancelAll();
        runs.awaitEnded(runs.of(title), Duration.ofSeconds(30));
        scenario.runs = runs.check(runs.of(title));
        end(scenario);
        settle(scenario, Duration.ofSeconds(30));
    }

    private void killService() throws Exception {
        String title = "5. kill -9 of the service mid-solve";
        Scenario scenario = begin(title, "A SMALL run solving (termination `" + LONG_TERMINATION + "`) with three "
                + "SMALL runs queued behind it; 4 s into its solving the service process gets SIGKILL, then it is "
                + "started again on the same data directory and ports (the orphaned PostgreSQL server is the new "
                + "process's to stop). Expected: the solving run INCOMPLETE with its last stored best solution, "
                + "the queued ones solved after the restart.");
        Optional<Runs.Run> target = submit(scenario, "SMALL, 60 s", longBody);
        for (int i = 0; i < 3; i++) {
            submit(scenario, "SMALL", smallBody);
        }
        if (target.isEmpty()) {
            end(scenario);
            return;
        }
        awaitSolving(scenario, target.get());
        Thread.sleep(4_000);
        long killAt = System.nanoTime();
        ServiceProcess killed = service;
        killed.kill();
        killed.awaitExit(Duration.ofSeconds(30));
        scenario.note("service pid " + killed.pid() + " killed (SIGKILL); PostgreSQL left running: "
                + ServiceProcess.livePostmaster(settings.dataDirectory()).map(p -> "pid " + p.pid()).orElse("no"));
        Duration start = startService();
        long upAt = System.nanoTime();
        scenario.outages.add(new Scenario.Outage(killAt, upAt, true));
        double accepted = submitUntilAccepted(scenario, "submission after the restart (202 expected)", killAt);
        scenario.recovery = String.format(Locale.ROOT, "health UP %.1f s after the kill (the new process's start "
                + "%.1f s), a submission accepted after %.1f s", seconds(upAt - killAt), seconds(start), accepted);
        runs.awaitEnded(runs.of(title), Duration.ofSeconds(90));
        scenario.note("the run solving at the kill ended " + api.runStatus(target.get().id()).orElse("missing"));
        scenario.runs = runs.check(runs.of(title));
        end(scenario);
        settle(scenario, Duration.ofSeconds(30));
    }

    private void killDatabase() throws InterruptedException {
        String title = "6. kill -9 of the database mid-solve";
        Scenario scenario = begin(title, "A SMALL run solving (termination `" + LONG_TERMINATION + "`); 3 s into "
                + "its solving the embedded PostgreSQL's postmaster (first line of `postmaster.pid`) gets SIGKILL. "
                + "The service's supervisor should start it again on the same data and port; the tool waits for "
                + "health UP and a submission accepted, then stops the run with DELETE.");
        Optional<Runs.Run> target = submit(scenario, "SMALL, 60 s", longBody);
        if (target.isEmpty()) {
            end(scenario);
            return;
        }
        awaitSolving(scenario, target.get());
        Thread.sleep(3_000);
        OptionalLong pid = ServiceProcess.postmasterPid(settings.dataDirectory());
        if (pid.isEmpty()) {
            scenario.finding("no postmaster.pid in the data directory while the service ran");
            end(scenario);
            return;
        }
        long killAt = System.nanoTime();
        ProcessHandle.of(pid.getAsLong()).ifPresent(ProcessHandle::destroyForcibly);
        long back = 0;
        long downSeen = 0;
        String downAnswer = "";
        long upAt = 0;
        long deadline = killAt + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (back == 0) {
                Optional<ProcessHandle> now = ServiceProcess.livePostmaster(settings.dataDirectory());
                if (now.isPresent() && now.get().pid() != pid.getAsLong()) {
                    back = System.nanoTime();
                    scenario.note("postmaster pid " + pid.getAsLong() + " killed; pid " + now.get().pid()
                            + " running " + String.format(Locale.ROOT, "%.1f s", seconds(back - killAt))
                            + " later");
                }
            }
            Api.Answer health = api.health();
            boolean up = Api.isUp(health);
            if (!up && downSeen == 0) {
                downSeen = System.nanoTime();
                downAnswer = health.failure() == null ? health.status() + " " + Api.stringField(health.body(),
                        "status").orElse("") : "no answer within 2 s: " + health.describe();
            }
            if (back != 0 && up) {
                upAt = System.nanoTime();
                break;
            }
            Thread.sleep(200);
        }
        if (upAt == 0) {
            upAt = System.nanoTime();
            scenario.finding("health was not UP with a new database server 120 s after the postmaster was killed");
        }
        scenario.outages.add(new Scenario.Outage(killAt, upAt, false));
        double accepted = submitUntilAccepted(scenario, "submission after the database came back (202 expected)",
                killAt);
        scenario.note(downSeen == 0 ? "health was never seen DOWN (polled every 200 ms)"
                : String.format(Locale.ROOT, "health first seen not UP %.1f s after the kill (%s)",
                        seconds(downSeen - killAt), downAnswer));
        scenario.recovery = String.format(Locale.ROOT, "database back %.1f s, health UP %.1f s, a submission "
                + "accepted %.1f s after the kill", back == 0 ? Double.NaN : seconds(back - killAt),
                seconds(upAt - killAt), accepted);
        if (seconds(upAt - killAt) > 30) {
            scenario.finding(String.format(Locale.ROOT, "recovery took %.0f s (the issue asks for seconds)",
                    seconds(upAt - killAt)));
        }
        scenario.requests("DELETE of the run (202 expected)", List.of(api.send(api.delete(
                Api.RUNS + "/" + target.get().id(), Duration.ofSeconds(30))).toSample(s -> s == 202)));
        runs.awaitEnded(runs.of(title), Duration.ofSeconds(60));
        scenario.runs = runs.check(runs.of(title));
        end(scenario);
        settle(scenario, Duration.ofSeconds(30));
    }

    private void terminateWithStreams() throws Exception {
        String title = "7. SIGTERM with event streams open";
        Scenario scenario = begin(title, "A SMALL run solving (termination `" + LONG_TERMINATION + "`) with "
                + options.streams() + " event streams open on it; the service gets SIGTERM. Measured: how long "
                + "until the process exits (documented: `iuc.runs.shutdown-grace` PT20S for the runs, Spring's "
                + "`timeout-per-shutdown-phase` 30s) and when the streams close (README: at once). Then the "
                + "service is started again and the run must be INCOMPLETE.");
        Optional<Runs.Run> target = submit(scenario, "SMALL, 60 s", longBody);
        if (target.isEmpty()) {
            end(scenario);
            return;
        }
        awaitSolving(scenario, target.get());
        EventStreams streams = EventStreams.open(api, Api.RUNS + "/" + target.get().id() + "/events",
                options.streams());
        awaitOpened(streams, Duration.ofSeconds(30));
        scenario.requests("event streams opened (200 expected)", streams.openingSamples());
        Thread.sleep(3_000);
        ServiceProcess stopping = service;
        long termAt = System.nanoTime();
        stopping.terminate();
        boolean exited = stopping.awaitExit(Duration.ofSeconds(120));
        long exitAt = System.nanoTime();
        double stop = seconds(exitAt - termAt);
        if (!exited) {
            scenario.finding("the service was still running 120 s after SIGTERM; killed");
            stopping.kill();
            stopping.awaitExit(Duration.ofSeconds(30));
        }
        awaitClosed(streams, Duration.ofSeconds(5));
        describeClosing(scenario, streams, termAt, "SIGTERM", "INCOMPLETE");
        long lateStreams = streams.streams().stream()
                .filter(stream -> !stream.closed() || stream.closedNanos - termAt > 2_000_000_000L).count();
        if (lateStreams > 0) {
            scenario.finding(lateStreams + " event streams closed more than 2 s after SIGTERM or not at all "
                    + "(README: streams close at once when the service stops)");
        }
        streams.cancelAll();
        scenario.note(String.format(Locale.ROOT, "the service exited %.1f s after SIGTERM (exit code %s)", stop,
                exited ? String.valueOf(stopping.exitCode()) : "-"));
        if (stop > 20) {
            scenario.finding(String.format(Locale.ROOT, "the stop took %.1f s: longer than iuc.runs.shutdown-grace "
                    + "(PT20S)%s", stop, stop > 30 ? " and than timeout-per-shutdown-phase (30s)" : ""));
        }
        Optional<ProcessHandle> leftover = ServiceProcess.livePostmaster(settings.dataDirectory());
        if (leftover.isPresent()) {
            scenario.finding("the embedded PostgreSQL (pid " + leftover.get().pid()
                    + ") was still running after the service exited");
        }
        Duration start = startService();
        long upAt = System.nanoTime();
        scenario.outages.add(new Scenario.Outage(termAt, upAt, true));
        scenario.recovery = String.format(Locale.ROOT, "stopped in %.1f s; up again %.1f s after SIGTERM (start "
                + "%.1f s)", stop, seconds(upAt - termAt), seconds(start));
        runs.awaitEnded(runs.of(title), Duration.ofSeconds(30));
        scenario.note("the run solving at SIGTERM ended " + api.runStatus(target.get().id()).orElse("missing"));
        scenario.runs = runs.check(runs.of(title));
        end(scenario);
    }

    private void hugeAsServed() throws IOException, InterruptedException {
        String title = "8. HUGE demo pool as served";
        String body = api.demoRequest("HUGE");
        Matcher termination = Pattern.compile("\"termination\":\\{[^}]*\\}").matcher(body);
        String served = termination.find() ? "`" + termination.group().substring("\"termination\":".length()) + "`"
                : "(none in the body)";
        Scenario scenario = begin(title, "The HUGE demo pool submitted exactly as `GET /api/v1/demo-data/HUGE` "
                + "serves it, termination " + served + " included, alone in the queue. Expected: COMPLETED. In the "
                + "first run of this command (before the stoppable warm start) such a run ended FAILED with no pairs: "
                + "its warm start outlived the 30 s limit and the stuck-solver grace.");
        Optional<Runs.Run> target = submit(scenario, "HUGE as served", body);
        if (target.isEmpty()) {
            end(scenario);
            return;
        }
        long submittedAt = System.nanoTime();
        Optional<Double> ended = secondsUntilEnded(target.get(), submittedAt, Duration.ofSeconds(150));
        Api.Answer metadata = api.send(api.get(Api.RUNS + "/" + target.get().id() + "/metadata",
                Duration.ofSeconds(10)));
        String status = metadata.is(200) ? Api.stringField(metadata.body(), "status").orElse("?") : "?";
        scenario.recovery = ended.map(seconds -> String.format(Locale.ROOT, "ended %s %.1f s after the submission",
                status, seconds)).orElse("had not ended 150 s after the submission");
        scenario.note(String.format(Locale.ROOT, "the run ended %s: solving %s, score %s, %s pairs%s", status,
                field(metadata, "solvingDuration"), field(metadata, "score"), number(metadata, "pairCount"),
                Api.stringField(metadata.body(), "failureMessage").map(text -> ", failure message \"" + text + "\"")
                        .orElse("")));
        ServiceLog.Timeline timeline = ServiceLog.timeline(log.lines(scenario.logFrom, log.mark()),
                target.get().id());
        scenario.note(timeline.warmStartMillis() == null ? "service log: no end of the warm start (\"Custom phase (0) "
                + "ended\") for this run" : String.format(Locale.ROOT, "service log: the warm start (\"Custom phase "
                + "(0) ended\") took %d ms of solver time", timeline.warmStartMillis()));
        if (!"COMPLETED".equals(status)) {
            scenario.finding("the HUGE demo pool as served ended " + status + " instead of COMPLETED");
        }
        scenario.runs = runs.check(runs.of(title));
        end(scenario);
    }

    private static String field(Api.Answer answer, String name) {
        return Api.stringField(answer.body(), name).orElse("-");
    }

    private static String number(Api.Answer answer, String name) {
        OptionalLong value = Api.longField(answer.body(), name);
        return value.isPresent() ? String.valueOf(value.getAsLong()) : "-";
    }

    /** Every run accepted during the whole command, after the last restart; then a stop without load. */
    private void finalChecks() throws InterruptedException {
        List<Runs.Run> all = runs.all();
        runs.awaitEnded(all, Duration.ofSeconds(60));
        Runs.Check check = runs.check(all);
        overall.add("every run accepted during the command, read after the last restart: " + check.accepted()
                + " accepted; " + check.statusesText() + "; lost " + check.lost().size()
                + (check.lost().isEmpty() ? "" : ": " + String.join("; ", check.lost())));
        ServiceProcess stopping = service;
        long termAt = System.nanoTime();
        stopping.terminate();
        boolean exited = stopping.awaitExit(Duration.ofSeconds(90));
        overall.add(String.format(Locale.ROOT, "final stop without load (SIGTERM): %s %.1f s; PostgreSQL after "
                + "it: %s", exited ? "exited after" : "still running after", seconds(System.nanoTime() - termAt),
                ServiceProcess.livePostmaster(settings.dataDirectory()).map(p -> "still running (pid " + p.pid()
                        + ")").orElse("stopped")));
        overall.add("service starts: " + starts + " (logs in `benchmarks/" + options.work() + "/service-*.log`, "
                + "not committed)");
    }

    // ************************************************************************
    // Helpers
    // ************************************************************************

    private Scenario begin(String title, String description) {
        Scenario scenario = new Scenario(title, description);
        scenarios.add(scenario);
        System.out.printf(Locale.ROOT, "[%5.0f s] %s%n", seconds(System.nanoTime() - startNanos), title);
        scenario.logFrom = log.mark();
        scenario.fromNanos = System.nanoTime();
        return scenario;
    }

    private void end(Scenario scenario) {
        scenario.toNanos = System.nanoTime();
        scenario.logTo = log.mark();
        if (scenario.runs != null) {
            System.out.println("  runs: " + scenario.runs.accepted() + " accepted, " + scenario.runs.statusesText()
                    + ", lost " + scenario.runs.lost().size());
        }
    }

    /** Waits (outside any scenario's window) until the service uses less than a quarter of a core. */
    private void settle(Scenario after, Duration cap) throws InterruptedException {
        long start = System.nanoTime();
        if (ServiceProcess.awaitIdle(List.of(service), 0.25, cap)) {
            after.note(String.format(Locale.ROOT, "service idle (under a quarter of a core) %.0f s after the "
                    + "scenario (not in its window)", seconds(System.nanoTime() - start)));
            return;
        }
        after.note(String.format(Locale.ROOT, "service still busy %.0f s after the scenario; the next one started "
                + "anyway", seconds(cap.toNanos())));
    }

    private Optional<Runs.Run> submit(Scenario scenario, String label, String body) {
        Api.Answer answer = runs.submit(scenario.title, label, body, SUBMIT_TIMEOUT);
        scenario.requests("submissions (202 expected)", List.of(answer.toSample(status -> status == 202)));
        Optional<Runs.Run> run = runs.of(scenario.title).stream().reduce((first, second) -> second)
                .filter(last -> answer.is(202));
        if (run.isEmpty()) {
            scenario.finding("a submission got " + answer.describe() + ": " + shorten(answer.body()));
        }
        return run;
    }

    private void awaitSolving(Scenario scenario, Runs.Run run) throws InterruptedException {
        Optional<String> status = runs.awaitStatus(run, "SOLVING", Duration.ofSeconds(120));
        if (!status.map("SOLVING"::equals).orElse(false)) {
            scenario.note("the target run was " + status.orElse("missing") + " instead of SOLVING");
        }
    }

    /** Reads the service's log since the scenario began until the run's solver has started (or the timeout). */
    private ServiceLog.Timeline awaitSolverStarted(Scenario scenario, Runs.Run run, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ServiceLog.Timeline timeline = ServiceLog.timeline(List.of(), run.id());
        while (System.nanoTime() < deadline) {
            timeline = ServiceLog.timeline(log.lines(scenario.logFrom, log.mark()), run.id());
            if (timeline.solvingStarted() != null) {
                return timeline;
            }
            Thread.sleep(LOG_POLL.toMillis());
        }
        return timeline;
    }

    /** Seconds from {@code since} until the run has ended; empty when it has not within the timeout. */
    private Optional<Double> secondsUntilEnded(Runs.Run run, long since, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (api.runStatus(run.id()).map(Runs.FINAL::contains).orElse(false)) {
                return Optional.of(seconds(System.nanoTime() - since));
            }
            Thread.sleep(200);
        }
        return Optional.empty();
    }

    /** Submits the SMALL pool every 500 ms until one is accepted; seconds from {@code since}, NaN if none. */
    private double submitUntilAccepted(Scenario scenario, String what, long since) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<Sample> attempts = new ArrayList<>();
        try {
            while (System.nanoTime() < deadline) {
                Api.Answer answer = runs.submit(scenario.title, "SMALL", smallBody, Duration.ofSeconds(30));
                attempts.add(answer.toSample(status -> status == 202));
                if (answer.is(202)) {
                    return seconds(System.nanoTime() - since);
                }
                scenario.note("a submission while recovering got " + answer.describe() + ": "
                        + shorten(answer.body()));
                Thread.sleep(500);
            }
            scenario.finding("no submission was accepted within 60 s after recovery");
            return Double.NaN;
        } finally {
            scenario.requests(what, attempts);
        }
    }

    private static void awaitOpened(EventStreams streams, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && streams.streams().stream()
                .anyMatch(stream -> stream.openedNanos == 0 && !stream.closed())) {
            Thread.sleep(100);
        }
    }

    private static void awaitClosed(EventStreams streams, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && streams.streams().stream()
                .anyMatch(stream -> stream.status == 200 && !stream.closed())) {
            Thread.sleep(50);
        }
    }

    private static void describeClosing(Scenario scenario, EventStreams streams, long since, String what,
            String finalStatus) {
        List<EventStreams.Stream> opened = streams.streams().stream().filter(stream -> stream.status == 200)
                .toList();
        long closed = opened.stream().filter(EventStreams.Stream::closed).count();
        long withFinal = opened.stream().filter(stream -> finalStatus.equals(stream.lastRunStatus)).count();
        int events = opened.stream().mapToInt(stream -> stream.events.get()).sum();
        double last = opened.stream().filter(EventStreams.Stream::closed)
                .mapToDouble(stream -> seconds(stream.closedNanos - since)).max().orElse(Double.NaN);
        List<Double> closing = opened.stream().filter(EventStreams.Stream::closed)
                .map(stream -> seconds(stream.closedNanos - since) * 1000).toList();
        scenario.note(String.format(Locale.ROOT, "%d streams opened, %d events received; %d closed by the "
                + "service after %s (p50 %s, last %.2f s after it), %d of them with a final %s status event",
                opened.size(), events, closed, what, LatencyStats.millis(LatencyStats.percentile(closing, 50)),
                last, withFinal, finalStatus));
    }

    private Duration startService() throws IOException, InterruptedException {
        starts++;
        Path file = options.work().resolve("service-" + starts + ".log");
        log.add(file);
        long at = System.nanoTime();
        ServiceProcess started = ServiceProcess.start(settings, file);
        service = started;
        Duration took = started.awaitUp(api::healthUp, api, Duration.ofMinutes(3));
        System.out.printf(Locale.ROOT, "  service pid %d UP after %.1f s, token accepted after %.1f s%n",
                started.pid(), seconds(took), seconds(System.nanoTime() - at));
        return took;
    }

    /** Stops what this command started, by process id: the service, then a PostgreSQL it may have left. */
    private void cleanUp() {
        if (cleanedUp.getAndSet(true)) {
            return;
        }
        try {
            ServiceProcess current = service;
            if (current != null && current.isAlive()) {
                current.terminate();
                if (!current.awaitExit(Duration.ofSeconds(60))) {
                    current.kill();
                    current.awaitExit(Duration.ofSeconds(10));
                }
            }
            Optional<ProcessHandle> postmaster = ServiceProcess.livePostmaster(settings.dataDirectory());
            if (postmaster.isPresent()) {
                postmaster.get().destroy();
                postmaster.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            System.err.println("Clean-up: " + e);
        }
    }

    private Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("service", "`" + TOKEN_VARIABLE + "=iuc_<random> java " + String.join(" ",
                options.jvmArguments()) + (options.jvmArguments().isEmpty() ? "" : " ")
                + "-jar api/target/iuc-planner-api.jar --server.port=<free> --management.server.port=<free> "
                + "--iuc.embedded-db.data-dir=<fresh temp dir> " + String.join(" ", serviceArguments()) + "` (JVM "
                + "defaults" + (options.jvmArguments().isEmpty() ? ", no -Xmx: a quarter of the RAM" : "")
                + "), the same ports, data directory and arguments for every start");
        settings.put("credentials", "a personal API token made for this run (`iuc_` and 43 random characters) is "
                + "given to the service's first start as `iuc.security.admin-token` through the environment variable `"
                + TOKEN_VARIABLE + "` (not the command line, which any user of the machine can read), so it belongs "
                + "to the first administrator; every request of the tool sends it as `Authorization: Bearer <token>` "
                + "(submissions, DELETEs, reads, event streams, the slow clients' raw requests, metrics), except "
                + "health, which is asked without credentials as a load balancer would");
        settings.put("per-user limits", "raised to " + USER_LIMITS + " (`iuc.security.submissions-per-minute`, default "
                + "30, and `iuc.security.runs-in-flight-per-user`, default 20, answer 429 beyond them): the tool's "
                + "one user stands for a whole coordination unit, and the defaults would refuse most of scenario 1");
        settings.put("service settings (defaults, not overridden)", "`iuc.runs.parallel-runs` 1, "
                + "`iuc.request-body-timeout` PT30S, `server.tomcat.connection-timeout` 20s, Tomcat's 200 request "
                + "threads, `iuc.runs.shutdown-grace` PT20S, `spring.lifecycle.timeout-per-shutdown-phase` 30s, "
                + "`iuc.runs.stuck-solver-grace` PT30S, `iuc.runs.best-solution-write-interval` PT2S, "
                + "`iuc.embedded-db.supervision-interval` PT1S");
        settings.put("terminations", "SMALL `" + SMALL_TERMINATION + "`, HUGE `" + HUGE_TERMINATION
                + "` (chosen in the first run, when the HUGE warm start ignored a shorter limit; kept so the runs "
                + "compare), long-running SMALL targets `" + LONG_TERMINATION + "`; scenario 8 submits the HUGE pool "
                + "with the termination it is served with");
        settings.put("probes", "`GET /api/v1/pairing-runs/{id}/metadata` of a COMPLETED SMALL run and `GET "
                + "/actuator/health` on the management port, each every " + Probes.INTERVAL.toMillis()
                + " ms whether or not the previous one was answered, " + Probes.TIMEOUT.toSeconds()
                + " s timeout, own HTTP client each; VmRSS and `jvm.memory.used?tag=area:heap` every second");
        settings.put("counts", options.small() + " SMALL + " + options.huge() + " HUGE submissions, "
                + options.deletes() + " DELETEs, " + options.slowClients() + " slow clients, " + options.streams()
                + " event streams; scenario 1 capped at " + options.loadCap().toSeconds() + " s"
                + (options.quick() ? " (quick smoke run)" : ""));
        settings.put("tool", "`eu.iucplanner.benchmarks.load.FaultAndLoad`, JDK HttpClient (HTTP/1.1) and raw "
                + "sockets, no code of the `api` module");
        return settings;
    }

    private static String labelCounts(List<Runs.Run> runs) {
        Map<String, Long> counts = new LinkedHashMap<>();
        runs.forEach(run -> counts.merge(run.label(), 1L, Long::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((label, count) -> parts.add(count + " " + label));
        return String.join(", ", parts);
    }

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 300 ? text.substring(0, 300) + " …" : text;
    }

    static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** The request with {@code stopAtProvenOptimum: false}, so the run solves until its termination or a stop. */
    static String keepSolving(String body) {
        return body.replaceFirst("^\\s*\\{", "{\"stopAtProvenOptimum\":false,");
    }
}
