package eu.iucplanner.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The summary the README quotes: one line per figure, with the load average beside it. */
class ScaleOutReportTest {

    private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");
    private static final long MS = 1_000_000L;

    private static Throughput batch(String label, int replicas, double seconds) {
        List<RunTimes> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(new RunTimes("0b8f3c52-4a43-4c43-9d52-3f1e1b6a2a1" + i, "COMPLETED", T0, T0,
                    T0.plusMillis((long) (seconds * 1000 * (i + 1) / 3)), "iuc-" + (i % replicas + 1), 0, 1000,
                    Duration.ofSeconds(5), "0hard/-8medium/8649soft"));
        }
        return new Throughput(label, "SMALL", replicas, 1, runs, 9.0, "7.20, 7.66, 8.02", "8.40, 7.80, 8.00");
    }

    @Test
    void theSummaryHasARowPerFigureWithItsLoad() {
        List<ScaleOut.StopTry> stops = List.of(
                new ScaleOut.StopTry("iuc-1", "iuc-2", "202", 0.05, 0.40, 0.45, "TERMINATED", "7.50, 7.00, 7.00"),
                new ScaleOut.StopTry("iuc-2", "iuc-3", "202", 0.04, 0.80, 0.85, "TERMINATED", "9.10, 7.00, 7.00"));
        List<ScaleOut.FailoverTry> failovers = List.of(
                ScaleOutTest.failover("0hard/-28medium/57212soft", "0hard/-28medium/57212soft"));
        ScaleOut.Endpoint submit = new ScaleOut.Endpoint("submit (POST, 202)", new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(List.of("6.00, 6.00, 6.00", "7.00, 6.00, 6.00")));
        for (int i = 1; i <= 20; i++) {
            submit.samples().add(Sample.answered(0, i * 10 * MS, 202, true));
        }

        String summary = ScaleOutReport.summary(List.of(batch("1 replica", 1, 30), batch("2 replicas", 2, 15)),
                stops, failovers, List.of(submit));

        assertThat(summary).startsWith(ScaleOutReport.SUMMARY_HEADER);
        assertThat(summary).contains("| 3 SMALL runs, 1 replica | `parallel-runs` 1 | **6.0 runs/min** (3 "
                + "completed in 30 s; ×1.00) | 7.20 → 8.40 |");
        assertThat(summary).contains("| 3 SMALL runs, 2 replicas | `parallel-runs` 1 | **12.0 runs/min** (3 "
                + "completed in 15 s; ×2.00) | 7.20 → 8.40 |");
        assertThat(summary).contains("| failover after kill -9 of the solving replica | defaults: 6 × PT5S | taken "
                + "up again after **34.7 s**, completed after 55.2 s (1 try; 1 COMPLETED) | 7.2 |");
        assertThat(summary).contains("run ended after **0.40 s** (median; p95 0.80 s, max 0.80 s; 2 tries; 2 "
                + "TERMINATED) | 7.5–9.1 |");
        assertThat(summary).contains("| HUGE run: submit (POST, 202) | 3 replicas, round robin | p95 **190 ms** "
                + "(p50 100 ms, max 200 ms; 20 tries; 202×20) | 6.0–7.0 |");
    }

    @Test
    void spreadsGiveTheMedianAndTheRange() {
        List<Double> values = List.of(31.0, 35.2, 33.1, Double.NaN);

        assertThat(ScaleOutReport.spread(values, Double::doubleValue)).isEqualTo("33.1 s (31.0–35.2 s)");
        assertThat(ScaleOutReport.spread(List.of(4.25), Double::doubleValue)).isEqualTo("4.3 s");
        assertThat(ScaleOutReport.spread(List.<Double>of(), Double::doubleValue)).isEqualTo("-");
        assertThat(ScaleOutReport.loads(List.of("8.02, 1, 1", "unknown", "7.5, 1, 1"))).isEqualTo("7.5–8.0");
        assertThat(ScaleOutReport.oneMinute("7.20, 7.66, 8.02")).isEqualTo("7.20");
    }

    @Test
    void everyRunOfABatchIsListedInSubmissionOrder() {
        String lines = ScaleOutReport.runLines(batch("1 replica", 1, 30));

        assertThat(lines.lines()).hasSize(4);
        assertThat(lines.lines().skip(1)).allMatch(line -> line.startsWith("0b8f3c52 iuc-1"));
        assertThat(lines.lines().toList().get(3)).contains("30.00s", "COMPLETED");
    }
}
