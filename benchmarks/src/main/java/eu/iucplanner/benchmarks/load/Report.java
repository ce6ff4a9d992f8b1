package eu.iucplanner.benchmarks.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Markdown report: machine and settings, the summary table, and each scenario with its evidence. */
final class Report {

    /**
     * One scenario's line of the summary table.
     *
     * @param metadata           latency and failures of {@code /metadata} during the scenario
     * @param health             the same for {@code /actuator/health}
     * @param metadataInOutage   failed metadata samples sent while the service was down by the tool's hand, or still
     *                           waiting for their answer when it went down
     * @param healthInOutage     the same for health
     * @param healthSlowOutside  health samples slower than 1 s (or timed out) while the service process was meant to
     *                           be up (its database may have been down)
     * @param requests           the scenario's own requests, all groups together
     * @param rssPeakBytes       the highest VmRSS seen, -1 when none
     * @param heapPeakBytes      the highest JVM heap in use seen, {@code NaN} when none
     */
    record Row(String scenario, double seconds, LatencyStats metadata, LatencyStats health, int metadataInOutage,
            int healthInOutage, int healthSlowOutside, LatencyStats requests, int runsAccepted, int runsLost,
            String recovery, long rssPeakBytes, double heapPeakBytes) {

        static Row of(Scenario scenario, List<Sample> metadata, List<Sample> health, List<Probes.Memory> memory) {
            List<Sample> requests = new ArrayList<>();
            scenario.requests.values().forEach(requests::addAll);
            int metadataInOutage = (int) metadata.stream()
                    .filter(sample -> !sample.ok() && scenario.inOutage(sample)).count();
            int healthInOutage = (int) health.stream()
                    .filter(sample -> !sample.ok() && scenario.inOutage(sample)).count();
            int healthSlow = (int) health.stream().filter(sample -> !scenario.serviceDown(sample))
                    .filter(sample -> sample.outcome() == Sample.Outcome.TIMEOUT
                            || sample.answered() && sample.latencyNanos() > 1_000_000_000L)
                    .count();
            long rss = memory.stream().mapToLong(Probes.Memory::residentBytes).max().orElse(-1);
            double heap = memory.stream().mapToDouble(Probes.Memory::heapBytes).filter(value -> !Double.isNaN(value))
                    .max().orElse(Double.NaN);
            return new Row(scenario.title, scenario.seconds(), LatencyStats.of(metadata), LatencyStats.of(health),
                    metadataInOutage, healthInOutage, healthSlow, LatencyStats.of(requests),
                    scenario.runs == null ? 0 : scenario.runs.accepted(),
                    scenario.runs == null ? 0 : scenario.runs.lost().size(), scenario.recovery, rss, heap);
        }

        String line() {
            return "| " + String.join(" | ", scenario, String.format(Locale.ROOT, "%.0f s", seconds),
                    metadata.p50p99(), health.p50p99(), failures(metadata, metadataInOutage),
                    failures(health, healthInOutage),
                    requests.count() == 0 ? "-" : requests.failed() + " of " + requests.count(),
                    runsAccepted + " / " + runsLost, recovery, mib(rssPeakBytes), mib(heapPeakBytes)) + " |";
        }

        private static String failures(LatencyStats stats, int inOutage) {
            if (stats.count() == 0) {
                return "-";
            }
            String text = stats.failed() + " of " + stats.count();
            if (stats.timedOut() > 0) {
                text += ", " + stats.timedOut() + " timed out";
            }
            if (inOutage > 0) {
                text += " (" + inOutage + " while down)";
            }
            return text;
        }
    }

    static final String SUMMARY_HEADER = """
            | scenario | length | metadata p50 / p99 | health p50 / p99 | metadata failed | health failed \
            | scenario requests failed | runs accepted / lost | recovery | RSS peak | heap peak |
            |---|---|---|---|---|---|---|---|---|---|---|
            """;

    private Report() {
    }

    static String summary(List<Row> rows) {
        StringBuilder out = new StringBuilder(SUMMARY_HEADER);
        rows.forEach(row -> out.append(row.line()).append('\n'));
        return out.toString();
    }

    /** Findings read off the numbers; the scenarios add their own (a stop too long, a run not ended, ...). */
    static List<String> automaticFindings(Scenario scenario, Row row, List<Sample> metadata, List<Sample> health) {
        List<String> findings = new ArrayList<>();
        long health5xx = health.stream().filter(s -> s.status() >= 500 && !scenario.inOutage(s)).count();
        long healthBad = health.stream().filter(s -> !s.ok() && !scenario.inOutage(s)).count();
        if (healthBad > 0) {
            findings.add("health did not answer 200 " + healthBad + " times while the service was meant to be up ("
                    + health5xx + " of them 5xx)");
        }
        if (row.healthSlowOutside() > 0) {
            double slowest = health.stream().filter(s -> !scenario.serviceDown(s))
                    .mapToDouble(Sample::latencyMillis).max().orElse(Double.NaN);
            findings.add("health took longer than 1 s (or timed out) " + row.healthSlowOutside() + " times while "
                    + "the service process was up (slowest " + LatencyStats.millis(slowest) + ")");
        }
        long metadata5xx = metadata.stream().filter(s -> s.status() >= 500 && !scenario.inOutage(s))
                .count();
        long metadataTimeouts = metadata.stream()
                .filter(s -> s.outcome() == Sample.Outcome.TIMEOUT && !scenario.inOutage(s)).count();
        if (metadata5xx > 0) {
            findings.add("/metadata answered 5xx " + metadata5xx + " times while the service was meant to be up");
        }
        if (metadataTimeouts > 0) {
            findings.add("/metadata got no answer within " + Probes.TIMEOUT.toSeconds() + " s " + metadataTimeouts
                    + " times while the service was meant to be up");
        }
        scenario.requests.forEach((what, samples) -> {
            long fiveHundreds = samples.stream().filter(s -> s.status() >= 500).count();
            if (fiveHundreds > 0) {
                findings.add(what + ": " + fiveHundreds + " answers were 5xx");
            }
        });
        if (row.runsLost() > 0) {
            findings.add(row.runsLost() + " runs lost: " + String.join("; ", scenario.runs.lost()));
        }
        return findings;
    }

    /** A report's title, the command that wrote it and when, the machine and the settings. */
    static String header(String title, String tool, String command, String date, String machine,
            Map<String, String> settings) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(title).append("\n\n");
        out.append("Written by `").append(tool).append("` (`").append(command).append("`) on ").append(date)
                .append(".\n\n");
        out.append("**Machine:** ").append(machine).append("\n\n");
        out.append("**Settings:**\n\n");
        settings.forEach((key, value) -> out.append("- ").append(key).append(": ").append(value).append('\n'));
        return out.toString();
    }

    static String render(String date, String machine, Map<String, String> settings, List<Scenario> scenarios,
            List<Row> rows, Map<Scenario, List<Sample>> metadata, Map<Scenario, List<Sample>> health,
            Map<Scenario, List<String>> findings, Map<Scenario, List<ServiceLog.Group>> logs, List<String> overall) {
        StringBuilder out = new StringBuilder(header("Fault and load report", "FaultAndLoad",
                "./mvnw -B -Pfault-load -pl api,benchmarks -am verify -DskipTests", date, machine, settings));
        out.append("\n## Summary\n\n");
        out.append("Latencies are of answered requests (any status); *failed* counts requests without a 200 (another ")
                .append("status, a timeout of ").append(Probes.TIMEOUT.toSeconds())
                .append(" s, or no answer), *while down* those sent while the tool had killed or stopped the ")
                .append("service or its database, or still waiting for their answer when it did. *Scenario requests* ")
                .append("are the scenario's own requests (submissions, DELETEs, slow clients, event streams) that did ")
                .append("not get the answer expected of them. ")
                .append("A run is *lost* when it is missing or FAILED.\n\n");
        out.append(summary(rows)).append('\n');
        List<String> all = new ArrayList<>();
        findings.forEach((scenario, list) -> list.forEach(finding -> all.add(scenario.title + ": " + finding)));
        out.append("## Misbehaviour\n\n");
        if (all.isEmpty()) {
            out.append("None seen.\n\n");
        } else {
            all.forEach(finding -> out.append("- ").append(finding).append('\n'));
            out.append("\nThe service log lines of each scenario are in its section below.\n\n");
        }
        if (!overall.isEmpty()) {
            out.append("## Overall\n\n");
            overall.forEach(line -> out.append("- ").append(line).append('\n'));
            out.append('\n');
        }
        out.append("## Scenarios\n");
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario scenario = scenarios.get(i);
            Row row = rows.get(i);
            out.append("\n### ").append(scenario.title).append("\n\n").append(scenario.description).append("\n\n");
            out.append("- metadata: ").append(detail(row.metadata()))
                    .append(failureSpan(scenario, metadata.getOrDefault(scenario, List.of()))).append('\n');
            out.append("- health: ").append(detail(row.health()))
                    .append(failureSpan(scenario, health.getOrDefault(scenario, List.of()))).append('\n');
            scenario.requests.forEach((what, samples) -> out.append("- ").append(what).append(": ")
                    .append(detail(LatencyStats.of(samples))).append('\n'));
            if (scenario.runs != null) {
                out.append("- runs: ").append(scenario.runs.accepted()).append(" accepted; ")
                        .append(scenario.runs.statusesText()).append('\n');
            }
            out.append("- recovery: ").append(scenario.recovery).append('\n');
            out.append("- memory: RSS peak ").append(mib(row.rssPeakBytes())).append(", heap peak ")
                    .append(mib(row.heapPeakBytes())).append('\n');
            scenario.notes.forEach(note -> out.append("- ").append(note).append('\n'));
            List<String> scenarioFindings = findings.getOrDefault(scenario, List.of());
            if (!scenarioFindings.isEmpty()) {
                out.append("- **misbehaviour:** ").append(String.join("; ", scenarioFindings)).append('\n');
            }
            List<ServiceLog.Group> groups = logs.getOrDefault(scenario, List.of());
            if (groups.isEmpty()) {
                out.append("- service log: no WARN or ERROR line\n");
            } else {
                out.append("- service log, WARN and ERROR lines (count, first of each kind):\n\n")
                        .append(logBlock(groups, 15));
            }
        }
        return out.toString();
    }

    /** Log lines grouped by kind as a code block: the count and the first line of each, at most {@code limit}. */
    static String logBlock(List<ServiceLog.Group> groups, int limit) {
        StringBuilder out = new StringBuilder("```\n");
        groups.stream().limit(limit).forEach(group -> out.append(group.count()).append("× ").append(group.example())
                .append('\n'));
        if (groups.size() > limit) {
            out.append("... and ").append(groups.size() - limit).append(" more kinds\n");
        }
        return out.append("```\n").toString();
    }

    /** When the failures outside the planned outages were sent, from the scenario's start: "" when none. */
    static String failureSpan(Scenario scenario, List<Sample> samples) {
        List<Sample> failed = samples.stream().filter(s -> !s.ok() && !scenario.inOutage(s)).toList();
        if (failed.isEmpty()) {
            return "";
        }
        double first = failed.stream().mapToLong(Sample::atNanos).min().orElseThrow();
        double last = failed.stream().mapToLong(Sample::atNanos).max().orElseThrow();
        return String.format(Locale.ROOT, "; the %d failures (outside planned outages) were sent between %.1f s "
                + "and %.1f s into the scenario", failed.size(), (first - scenario.fromNanos) / 1e9,
                (last - scenario.fromNanos) / 1e9);
    }

    private static String detail(LatencyStats stats) {
        if (stats.count() == 0) {
            return "none";
        }
        return String.format(Locale.ROOT, "%d sent, p50 %s, p99 %s, max %s; %s", stats.count(),
                LatencyStats.millis(stats.p50Millis()), LatencyStats.millis(stats.p99Millis()),
                LatencyStats.millis(stats.maxMillis()), stats.outcomesText());
    }

    static String mib(double bytes) {
        if (Double.isNaN(bytes) || bytes < 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.0f MiB", bytes / (1 << 20));
    }
}
