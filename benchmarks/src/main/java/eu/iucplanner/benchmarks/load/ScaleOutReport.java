package eu.iucplanner.benchmarks.load;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** The scale-out command's Markdown report: summary, details of every measurement, raw numbers and method. */
final class ScaleOutReport {

    static final String SUMMARY_HEADER = """
            | measurement | setting | result | load average (1 min) |
            |---|---|---|---|
            """;

    private ScaleOutReport() {
    }

    /** The runs per minute of the first batch of the same pool, which the others are compared with. */
    private static double base(List<Throughput> throughputs, Throughput batch) {
        return throughputs.stream().filter(other -> other.pool().equals(batch.pool())).findFirst()
                .map(Throughput::runsPerMinute).orElse(Double.NaN);
    }

    /** The table the README quotes: one line per figure of issue 13. */
    static String summary(List<Throughput> throughputs, List<ScaleOut.StopTry> stops,
            List<ScaleOut.FailoverTry> failovers, List<ScaleOut.Endpoint> endpoints) {
        StringBuilder out = new StringBuilder(SUMMARY_HEADER);
        for (Throughput batch : throughputs) {
            double base = base(throughputs, batch);
            out.append(row(batch.runs().size() + " " + batch.pool() + " runs, " + batch.label(),
                    "`parallel-runs` " + batch.parallelRuns(),
                    String.format(Locale.ROOT, "**%.1f runs/min** (%d completed in %.0f s; ×%.2f)",
                            batch.runsPerMinute(), batch.completed(), batch.makespanSeconds(),
                            batch.runsPerMinute() / base),
                    oneMinute(batch.loadBefore()) + " → " + oneMinute(batch.loadAfter())));
        }
        failovers.stream().map(ScaleOut.FailoverTry::setting).distinct().forEach(setting -> {
            List<ScaleOut.FailoverTry> tries = failovers.stream().filter(t -> t.setting().equals(setting)).toList();
            out.append(row("failover after kill -9 of the solving replica", setting,
                    String.format(Locale.ROOT, "taken up again after **%s**, completed after %s (%s; %s)",
                            spread(tries, ScaleOut.FailoverTry::seenSeconds),
                            spread(tries, ScaleOut.FailoverTry::completedSeconds), tries(tries.size()),
                            statuses(tries.stream().map(ScaleOut.FailoverTry::status).toList())),
                    loads(tries.stream().map(ScaleOut.FailoverTry::load).toList())));
        });
        if (!stops.isEmpty()) {
            List<Double> ended = stops.stream().map(ScaleOut.StopTry::endedSeconds).toList();
            out.append(row("a stop sent to another replica", "`stop-check-interval` PT0.5S",
                    String.format(Locale.ROOT, "run ended after **%.2f s** (median; p95 %.2f s, max %.2f s; %s; %s)",
                            LatencyStats.percentile(ended, 50), LatencyStats.percentile(ended, 95),
                            LatencyStats.percentile(ended, 100), tries(stops.size()),
                            statuses(stops.stream().map(ScaleOut.StopTry::status).toList())),
                    loads(stops.stream().map(ScaleOut.StopTry::load).toList())));
        }
        for (ScaleOut.Endpoint endpoint : endpoints) {
            LatencyStats stats = LatencyStats.of(endpoint.samples());
            out.append(row("HUGE run: " + endpoint.what(), "3 replicas, round robin",
                    String.format(Locale.ROOT, "p95 **%s** (p50 %s, max %s; %s; %s)",
                            LatencyStats.millis(p95(endpoint)), LatencyStats.millis(stats.p50Millis()),
                            LatencyStats.millis(stats.maxMillis()), tries(stats.count()), stats.outcomesText()),
                    loads(endpoint.loads())));
        }
        return out.toString();
    }

    static String render(String date, String machine, Map<String, String> settings, List<Throughput> throughputs,
            List<ScaleOut.StopTry> stops, List<ScaleOut.FailoverTry> failovers, List<ScaleOut.Endpoint> endpoints,
            List<String> notes, List<String> findings,
            Map<String, List<ServiceLog.Group>> logs) {
        StringBuilder out = new StringBuilder(Report.header("Scale-out report", "ScaleOut", ScaleOut.COMMAND, date,
                machine, settings));
        out.append("\n## Summary\n\n").append(summary(throughputs, stops, failovers, endpoints)).append('\n');
        out.append("Several figures at once and a machine shared with other builds: each row gives the load average "
                + "around it, and the details below give every try. HUGE and XL time to the proven optimum beside "
                + "OR-tools are measured by `ExactScaleBenchmarks` (`./mvnw -B -Pbenchmark -pl benchmarks -am verify "
                + "-DskipTests -Dbenchmark.args=scale`, [`exact-scale.md`](exact-scale.md)), not here.\n\n");
        out.append("## Misbehaviour\n\n");
        if (findings.isEmpty()) {
            out.append("None seen against the issue's targets (a stop within 2 s, failover under 60 s, HUGE "
                    + "requests under 1 s at the 95th percentile), and no run lost.\n\n");
        } else {
            findings.forEach(finding -> out.append("- ").append(finding).append('\n'));
            out.append('\n');
        }
        out.append("## Throughput\n\n").append(throughputTable(throughputs)).append('\n');
        out.append("""
                Method: the batch's runs (the SMALL or HUGE demo pool as served, whose termination is \
                `{"spentLimit":"PT30S","unimprovedSpentLimit":"PT5S"}`; both end as soon as their pairing is proven \
                optimal: SMALL after a few milliseconds of solving, so its batches measure the queue and the \
                service around the solver, HUGE after seconds of CPU-bound work, so its batches measure how the \
                solving itself scales; each ratio compares with the first batch of the same pool) are submitted all \
                at once (concurrent requests), round robin over the replicas that are up (as a load balancer would), after the replicas \
                have settled under a quarter of a core. *Makespan* is from the first run's `submittedAt` \
                to the last run's `completedAt` (the service's own timestamps, one clock); *runs/min* is the \
                completed runs over it. *Queue wait* is `startedAt − submittedAt`; *solving* is the metadata's \
                `solvingDuration`; *moves/s* its `moveEvaluationSpeed`; *CPU per run* is the CPU time (user and \
                system, `/proc/<pid>/stat`) of all the replica processes during the batch, over the completed runs. \
                Replicas are added one at a time (1, then a second, then a third) and keep running from batch to \
                batch, so each new replica solves its first runs with a cold JIT; the `parallel-runs` 2 batch runs \
                on one fresh replica at the end.

                """);
        out.append("## Failover after kill -9\n\n").append(failoverTable(failovers)).append('\n');
        out.append("""
                Method: three replicas are up (a killed one is replaced, and the new one ready, before the next \
                try). A MEDIUM run (termination `{"spentLimit":"PT20S"}`) is submitted; once it is SOLVING and a \
                best solution of it is stored (read through another replica, which reads the database), and 3 s \
                more, the replica solving it gets SIGKILL. *Last heartbeat* is the age, at the kill, of its \
                execution's `last_heartbeat` in db-scheduler's `scheduled_tasks` table. *Logged dead* and *taken up \
                (log)* are the times, from the kill, of a surviving replica's lines "Run ... was being solved by \
                replica ..., which stopped sending heartbeats" and "pairing ... taken up again (resume 1)"; *taken \
                up (seen)* is when its metadata, polled every 100 ms through a survivor, first named another \
                replica; *ended* is when it showed the run ended. A run taken up again solves for its whole \
                termination again (its `spentLimit` starts over on the new replica), so *ended* is about *taken \
                up* plus 20 s.

                """);
        out.append("## Stop sent to another replica\n\n").append(stopTable(stops)).append('\n');
        out.append("""
                Method: three replicas are up. A SMALL run with `{"spentLimit":"PT60S"}` is submitted; 1 s after \
                it is SOLVING, `DELETE /api/v1/pairing-runs/{id}` goes to a replica that is not solving it. *Ended* \
                is from sending the DELETE to the run's `completedAt` (written by the solving replica when its \
                solver stopped: it sees the stop in the database within `stop-check-interval`); *seen* is when the \
                stopping replica's metadata, polled every 50 ms, first showed the run ended.

                """);
        out.append("## HUGE run: submit, read, export\n\n").append(endpointTable(endpoints)).append('\n');
        out.append("""
                Method: the HUGE demo pool as served (5,000 applicants) is submitted one request at a time, round \
                robin over the three replicas, each once the previous run has ended and the replicas use under a \
                quarter of a core: the latency of a submission to a service that is not solving (other \
                engineers' builds still ran beside it). Then each run's result \
                is read (`GET /api/v1/pairing-runs/{id}`, JSON), then each one exported (`GET .../{id}/export`: \
                metadata, request, result and score analysis), then each one's result read as CSV, one request at a \
                time, round robin over the replicas. Latency is from sending the request to the whole answer read \
                (JDK HttpClient on the same machine); p95 is the nearest rank (the 19th of 20).

                """);
        out.append("## Notes\n\n");
        notes.forEach(note -> out.append("- ").append(note).append('\n'));
        out.append("\n## Raw numbers\n\n");
        for (Throughput batch : throughputs) {
            out.append("<details><summary>").append(batch.label()).append(": every run</summary>\n\n```\n")
                    .append(runLines(batch)).append("```\n\n</details>\n\n");
        }
        for (ScaleOut.Endpoint endpoint : endpoints) {
            out.append("- HUGE ").append(endpoint.what()).append(", ms in order: ")
                    .append(endpoint.samples().stream().map(s -> String.format(Locale.ROOT, "%.0f",
                            s.latencyMillis())).collect(Collectors.joining(" "))).append('\n');
        }
        out.append("\n## Replica logs: WARN and ERROR lines\n\n");
        logs.forEach((replica, groups) -> {
            if (groups.isEmpty()) {
                out.append("- ").append(replica).append(": none\n");
                return;
            }
            out.append("- ").append(replica).append(" (count, first of each kind):\n\n")
                    .append(Report.logBlock(groups, 12)).append('\n');
        });
        return out.toString();
    }

    static String throughputTable(List<Throughput> throughputs) {
        StringBuilder out = new StringBuilder("| batch | replicas × parallel-runs | completed | makespan | runs/min "
                + "| vs the first | queue wait p50 / max | solving p50 | moves/s p50 | replica CPU per run | runs per "
                + "replica | load average before → after |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Throughput batch : throughputs) {
            double base = base(throughputs, batch);
            out.append(String.format(Locale.ROOT, "| %s | %d × %d | %d of %d | %.1f s | %.1f | ×%.2f | %.1f s / "
                    + "%.1f s | %.1f s | %,.0f | %.1f s | %s | %s → %s |%n", batch.label(), batch.replicas(),
                    batch.parallelRuns(), batch.completed(), batch.runs().size(), batch.makespanSeconds(),
                    batch.runsPerMinute(), batch.runsPerMinute() / base, batch.waitSeconds(50),
                    batch.waitSeconds(100), batch.solvingSeconds(50), batch.moveEvaluationSpeed(50),
                    batch.cpuSecondsPerRun(), batch.byReplica().entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")),
                    batch.loadBefore(), batch.loadAfter()));
        }
        return out.toString();
    }

    static String failoverTable(List<ScaleOut.FailoverTry> failovers) {
        StringBuilder out = new StringBuilder("| setting | killed → successor | last heartbeat before the kill | "
                + "logged dead | taken up (log) | taken up (seen) | ended | status, resumes | score stored before "
                + "the kill → at the end | load average |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (ScaleOut.FailoverTry t : failovers) {
            out.append(String.format(Locale.ROOT, "| %s | %s → %s | %s | %s | %s | %s | %s | %s, %d | `%s` → `%s`"
                    + "%s | %s |%n", t.setting(), t.victim(), t.successor(), seconds(t.heartbeatAgeSeconds()),
                    seconds(t.detectedSeconds()), seconds(t.takenUpSeconds()), seconds(t.seenSeconds()),
                    seconds(t.completedSeconds()), t.status(), t.resumes(), t.scoreBefore(), t.scoreAfter(),
                    t.notWorse() ? "" : " (worse)", t.load()));
        }
        return out.toString();
    }

    static String stopTable(List<ScaleOut.StopTry> stops) {
        StringBuilder out = new StringBuilder("| try | solving on | stop sent to | DELETE answered | run ended "
                + "(`completedAt`) | ended seen on the stopping replica | status | load average |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < stops.size(); i++) {
            ScaleOut.StopTry t = stops.get(i);
            out.append(String.format(Locale.ROOT, "| %d | %s | %s | %s in %s | %s | %s | %s | %s |%n", i + 1,
                    t.solver(), t.stopper(), t.answer(), seconds(t.answerSeconds()), seconds(t.endedSeconds()),
                    seconds(t.seenSeconds()), t.status(), t.load()));
        }
        return out.toString();
    }

    static String endpointTable(List<ScaleOut.Endpoint> endpoints) {
        StringBuilder out = new StringBuilder("| request | tries | p50 | p95 | max | answers | answer size | load "
                + "average before → after |\n|---|---|---|---|---|---|---|---|\n");
        for (ScaleOut.Endpoint endpoint : endpoints) {
            LatencyStats stats = LatencyStats.of(endpoint.samples());
            double size = endpoint.sizes().stream().mapToInt(Integer::intValue).average().orElse(Double.NaN);
            out.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %s |%n", endpoint.what(),
                    stats.count(), LatencyStats.millis(stats.p50Millis()), LatencyStats.millis(p95(endpoint)),
                    LatencyStats.millis(stats.maxMillis()), stats.outcomesText(), size(size),
                    String.join(" → ", endpoint.loads())));
        }
        return out.toString();
    }

    /** The 95th percentile (nearest rank) of the answered requests' latencies, in ms. */
    static double p95(ScaleOut.Endpoint endpoint) {
        return LatencyStats.percentile(endpoint.samples().stream().filter(Sample::answered)
                .map(Sample::latencyMillis).toList(), 95);
    }

    /** Each run of a batch: replica, times from the batch's first submission, wait, solving, speed, status. */
    static String runLines(Throughput batch) {
        Instant first = batch.runs().stream().map(RunTimes::submittedAt).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-8s %-8s %9s %8s %8s %9s %9s %s%n",
                "run", "replica", "submitted", "waited", "solving", "ended", "moves/s", "status"));
        List<RunTimes> runs = new ArrayList<>(batch.runs());
        runs.sort(Comparator.comparing(RunTimes::submittedAt, Comparator.nullsLast(Comparator.naturalOrder())));
        for (RunTimes run : runs) {
            out.append(String.format(Locale.ROOT, "%-8s %-8s %8.2fs %7.2fs %7.2fs %8.2fs %9d %s%n",
                    run.id() == null ? "?" : run.id().substring(0, 8), run.replica(),
                    first == null || run.submittedAt() == null ? Double.NaN : RunTimes.seconds(first,
                            run.submittedAt()),
                    run.waitSeconds(), run.solvingDuration() == null ? Double.NaN
                            : run.solvingDuration().toNanos() / 1e9,
                    first == null || run.completedAt() == null ? Double.NaN : RunTimes.seconds(first,
                            run.completedAt()),
                    run.moveEvaluationSpeed(), run.status()));
        }
        return out.toString();
    }

    /** "33.1 s (31.0–35.2 s)" for several tries, "33.1 s" for one, "-" for none. */
    static <T> String spread(List<T> tries, ToDoubleFunction<T> seconds) {
        List<Double> values = tries.stream().map(t -> seconds.applyAsDouble(t)).filter(v -> !v.isNaN()).toList();
        if (values.isEmpty()) {
            return "-";
        }
        double median = LatencyStats.percentile(values, 50);
        if (values.size() == 1) {
            return String.format(Locale.ROOT, "%.1f s", median);
        }
        return String.format(Locale.ROOT, "%.1f s (%.1f–%.1f s)", median, LatencyStats.percentile(values, 0),
                LatencyStats.percentile(values, 100));
    }

    /** The 1-minute value of a load average "7.20, 7.66, 8.02". */
    static String oneMinute(String load) {
        int comma = load.indexOf(',');
        return comma < 0 ? load : load.substring(0, comma);
    }

    /** The range of the 1-minute load averages: "7.2" or "7.2–8.9". */
    static String loads(List<String> loads) {
        List<Double> values = new ArrayList<>();
        for (String load : loads) {
            try {
                values.add(Double.parseDouble(oneMinute(load)));
            } catch (NumberFormatException e) {
                // unknown
            }
        }
        if (values.isEmpty()) {
            return "-";
        }
        double low = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double high = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return low == high ? String.format(Locale.ROOT, "%.1f", low)
                : String.format(Locale.ROOT, "%.1f–%.1f", low, high);
    }

    private static String statuses(List<String> statuses) {
        return statuses.stream().collect(Collectors.groupingBy(status -> status, java.util.TreeMap::new,
                Collectors.counting())).entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
    }

    private static String tries(int count) {
        return count == 1 ? "1 try" : count + " tries";
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private static String seconds(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f s", value);
    }

    private static String size(double bytes) {
        if (Double.isNaN(bytes)) {
            return "-";
        }
        if (bytes >= 1 << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (1 << 20));
        }
        return bytes >= 1024 ? String.format(Locale.ROOT, "%.0f KiB", bytes / 1024)
                : String.format(Locale.ROOT, "%.0f bytes", bytes);
    }
}
