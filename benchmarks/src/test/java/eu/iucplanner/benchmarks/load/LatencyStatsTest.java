package eu.iucplanner.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Percentiles, failure counts and the summary line of the fault and load report. */
class LatencyStatsTest {

    private static final long MS = 1_000_000L;

    @Test
    void percentilesAreNearestRank() {
        double[] values = new double[100];
        for (int i = 0; i < 100; i++) {
            values[i] = i + 1;
        }
        assertThat(LatencyStats.percentile(values, 50)).isEqualTo(50);
        assertThat(LatencyStats.percentile(values, 99)).isEqualTo(99);
        assertThat(LatencyStats.percentile(values, 100)).isEqualTo(100);
        assertThat(LatencyStats.percentile(new double[] { 7 }, 99)).isEqualTo(7);
        assertThat(LatencyStats.percentile(new double[] { 1, 2, 3 }, 50)).isEqualTo(2);
        assertThat(LatencyStats.percentile(new double[0], 50)).isNaN();
    }

    @Test
    void failuresTimeoutsAndSlowAnswersAreCountedApart() {
        List<Sample> samples = new ArrayList<>();
        for (int i = 1; i <= 97; i++) {
            samples.add(Sample.answered(0, i * MS, 200, true));
        }
        samples.add(Sample.answered(0, 1_500 * MS, 503, false));
        samples.add(new Sample(0, 10_000 * MS, Sample.Outcome.TIMEOUT, 0));
        samples.add(new Sample(0, 2 * MS, Sample.Outcome.ERROR, 0));

        LatencyStats stats = LatencyStats.of(samples);

        assertThat(stats.count()).isEqualTo(100);
        assertThat(stats.failed()).isEqualTo(3);
        assertThat(stats.timedOut()).isEqualTo(1);
        assertThat(stats.slowerThan1s()).isEqualTo(2);
        // 98 answered: 1..97 ms and 1,500 ms; timeouts and refused connections have no latency of an answer
        assertThat(stats.p50Millis()).isEqualTo(49);
        assertThat(stats.p99Millis()).isEqualTo(1_500);
        assertThat(stats.maxMillis()).isEqualTo(1_500);
        assertThat(stats.outcomes()).isEqualTo(Map.of("200", 97L, "503", 1L, "timeout", 1L, "no answer", 1L));
        assertThat(stats.outcomesText()).isEqualTo("200×97, 503×1, no answer×1, timeout×1");
        assertThat(stats.p50p99()).isEqualTo("49.0 ms / 1500 ms");
    }

    @Test
    void nothingAnsweredHasNoPercentiles() {
        LatencyStats stats = LatencyStats.of(List.of(new Sample(0, 5 * MS, Sample.Outcome.ERROR, 0)));

        assertThat(stats.failed()).isEqualTo(1);
        assertThat(stats.p50p99()).isEqualTo("-");
        assertThat(LatencyStats.of(List.of()).count()).isZero();
    }

    @Test
    void failuresDuringAPlannedOutageAreToldApart() {
        Scenario scenario = new Scenario("5. kill", "");
        scenario.fromNanos = 0;
        scenario.toNanos = 60_000 * MS;
        scenario.outages.add(new Scenario.Outage(10_000 * MS, 30_000 * MS, true));
        List<Sample> health = List.of(
                Sample.answered(1_000 * MS, 3 * MS, 200, true),
                new Sample(12_000 * MS, 1 * MS, Sample.Outcome.ERROR, 0),
                new Sample(20_000 * MS, 10_000 * MS, Sample.Outcome.TIMEOUT, 0),
                Sample.answered(40_000 * MS, 1_200 * MS, 200, true));

        Report.Row row = Report.Row.of(scenario, List.of(), health, List.of(
                new Probes.Memory(0, 300L << 20, 100.0 * (1 << 20)),
                new Probes.Memory(1, 500L << 20, Double.NaN),
                new Probes.Memory(2, -1, Double.NaN)));

        assertThat(row.health().failed()).isEqualTo(2);
        assertThat(row.healthInOutage()).isEqualTo(2);
        assertThat(row.healthSlowOutside()).isEqualTo(1);
        assertThat(row.rssPeakBytes()).isEqualTo(500L << 20);
        assertThat(Report.mib(row.heapPeakBytes())).isEqualTo("100 MiB");
        assertThat(row.line()).contains("| 60 s |", "2 of 4, 1 timed out (2 while down)", "| 0 / 0 |");
        assertThat(Report.automaticFindings(scenario, row, List.of(), health))
                .containsExactly("health took longer than 1 s (or timed out) 1 times while the service process "
                        + "was up (slowest 1200 ms)");
    }

    @Test
    void aRequestInFlightWhenTheOutageBeganCountsAsSentWhileDown() {
        Scenario scenario = new Scenario("6. database", "");
        scenario.fromNanos = 0;
        scenario.toNanos = 20_000 * MS;
        scenario.outages.add(new Scenario.Outage(3_000 * MS, 5_000 * MS, false));
        // sent 10 ms before the kill, answered 503 after it; the other failed and was answered before it
        List<Sample> metadata = List.of(Sample.answered(2_990 * MS, 300 * MS, 503, false),
                Sample.answered(2_000 * MS, 100 * MS, 500, false));

        Report.Row row = Report.Row.of(scenario, metadata, List.of(), List.of());

        assertThat(row.metadataInOutage()).isEqualTo(1);
        assertThat(Report.failureSpan(scenario, metadata)).contains("the 1 failures", "between 2.0 s and 2.0 s");
        assertThat(Report.automaticFindings(scenario, row, metadata, List.of())).containsExactly(
                "/metadata answered 5xx 1 times while the service was meant to be up");
    }

    @Test
    void healthMustStayFastWhileOnlyTheDatabaseIsDown() {
        Scenario scenario = new Scenario("6. database", "");
        scenario.fromNanos = 0;
        scenario.toNanos = 20_000 * MS;
        scenario.outages.add(new Scenario.Outage(1_000 * MS, 5_000 * MS, false));
        List<Sample> health = List.of(Sample.answered(2_000 * MS, 2_500 * MS, 503, false),
                Sample.answered(8_000 * MS, 5 * MS, 200, true));

        Report.Row row = Report.Row.of(scenario, List.of(), health, List.of());

        assertThat(row.healthInOutage()).isEqualTo(1);
        assertThat(row.healthSlowOutside()).isEqualTo(1);
        assertThat(Report.automaticFindings(scenario, row, List.of(), health)).containsExactly(
                "health took longer than 1 s (or timed out) 1 times while the service process was up (slowest "
                        + "2500 ms)");
    }

    @Test
    void theFailuresOutsideOutagesAreDatedFromTheScenarioStart() {
        Scenario scenario = new Scenario("3. slow", "");
        scenario.fromNanos = 100_000 * MS;
        scenario.toNanos = 200_000 * MS;
        scenario.outages.add(new Scenario.Outage(150_000 * MS, 160_000 * MS, true));
        List<Sample> metadata = List.of(
                new Sample(105_000 * MS, 10_000 * MS, Sample.Outcome.TIMEOUT, 0),
                Sample.answered(110_000 * MS, 5 * MS, 200, true),
                new Sample(126_500 * MS, 10_000 * MS, Sample.Outcome.TIMEOUT, 0),
                new Sample(155_000 * MS, 1 * MS, Sample.Outcome.ERROR, 0));

        assertThat(Report.failureSpan(scenario, metadata))
                .isEqualTo("; the 2 failures (outside planned outages) were sent between 5.0 s and 26.5 s into the "
                        + "scenario");
        assertThat(Report.failureSpan(scenario, metadata.subList(1, 2))).isEmpty();
    }
}
