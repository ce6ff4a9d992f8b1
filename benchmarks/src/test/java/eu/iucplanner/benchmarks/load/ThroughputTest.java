package eu.iucplanner.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A batch's runs per minute and where its runs went, from the service's own timestamps. */
class ThroughputTest {

    private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

    private static RunTimes run(String replica, double submitted, double started, double completed, String status,
            long speed) {
        return new RunTimes("run-" + submitted, status, at(submitted), at(started), at(completed), replica, 0, speed,
                Duration.ofMillis((long) ((completed - started) * 1000)), "0hard/-8medium/8649soft");
    }

    private static Instant at(double seconds) {
        return T0.plusMillis((long) (seconds * 1000));
    }

    @Test
    void runsPerMinuteAreTheCompletedRunsOverTheFirstSubmissionToTheLastEnd() {
        Throughput batch = new Throughput("2 replicas", "SMALL", 2, 1, List.of(
                run("iuc-1", 0.0, 0.2, 6.0, "COMPLETED", 100),
                run("iuc-2", 0.1, 0.3, 6.1, "COMPLETED", 300),
                run("iuc-1", 0.2, 6.0, 12.0, "COMPLETED", 200),
                run("iuc-2", 0.3, 6.1, 30.0, "TERMINATED", 400)), 12.0, "7.20, 7.66, 8.02", "8.10, 7.80, 8.00");

        assertThat(batch.completed()).isEqualTo(3);
        assertThat(batch.makespanSeconds()).isEqualTo(30.0);
        assertThat(batch.runsPerMinute()).isCloseTo(6.0, within(1e-9));
        assertThat(batch.byReplica()).isEqualTo(Map.of("iuc-1", 2L, "iuc-2", 2L));
        assertThat(batch.waitSeconds(50)).isCloseTo(0.2, within(1e-9));
        assertThat(batch.waitSeconds(100)).isCloseTo(5.8, within(1e-9));
        assertThat(batch.solvingSeconds(50)).isCloseTo(5.8, within(1e-9));
        assertThat(batch.moveEvaluationSpeed(50)).isEqualTo(200);
        assertThat(batch.cpuSecondsPerRun()).isEqualTo(4.0);
        assertThat(batch.resumes()).isZero();
    }

    @Test
    void aBatchWithoutAnEndedRunHasNoRate() {
        Throughput batch = new Throughput("1 replica", "SMALL", 1, 1, List.of(new RunTimes("a", "SOLVING", T0, T0, null,
                "iuc-1", 0, -1, null, null)), Double.NaN, "1.00, 1.00, 1.00", "1.00, 1.00, 1.00");

        assertThat(batch.makespanSeconds()).isNaN();
        assertThat(batch.runsPerMinute()).isNaN();
        assertThat(batch.cpuSecondsPerRun()).isNaN();
        assertThat(batch.moveEvaluationSpeed(50)).isNaN();
    }
}
