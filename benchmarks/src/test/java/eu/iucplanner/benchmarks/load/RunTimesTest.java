package eu.iucplanner.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** A run's lifecycle read from its metadata, and scores compared level by level. */
class RunTimesTest {

    static final String COMPLETED = """
            {"id":"0b8f3c52-4a43-4c43-9d52-3f1e1b6a2a10","kind":"pairing","name":"Demo pool MEDIUM",\
            "status":"COMPLETED","submittedAt":"2026-11-30T09:00:00.100Z","startedAt":"2026-11-30T09:00:01.350Z",\
            "completedAt":"2026-11-30T09:00:58.600Z","score":"0hard/-28medium/57212soft","feasible":true,\
            "solvingDuration":"PT20.012S","moveEvaluationSpeed":41234,"submittedBy":"admin","resumes":1,\
            "replica":"iuc-3","applicantCount":400,"pairCount":84}""";

    @Test
    void aRunTakenUpAgainIsReadWithItsTimesReplicaAndResumes() {
        RunTimes run = RunTimes.parse(COMPLETED);

        assertThat(run.id()).isEqualTo("0b8f3c52-4a43-4c43-9d52-3f1e1b6a2a10");
        assertThat(run.status()).isEqualTo("COMPLETED");
        assertThat(run.ended()).isTrue();
        assertThat(run.replica()).isEqualTo("iuc-3");
        assertThat(run.resumes()).isEqualTo(1);
        assertThat(run.moveEvaluationSpeed()).isEqualTo(41234);
        assertThat(run.solvingDuration()).isEqualTo(Duration.ofMillis(20_012));
        assertThat(run.score()).isEqualTo("0hard/-28medium/57212soft");
        assertThat(run.waitSeconds()).isEqualTo(1.25);
        assertThat(run.turnaroundSeconds()).isEqualTo(58.5);
    }

    @Test
    void aWaitingRunHasNoStartEndReplicaOrResumes() {
        RunTimes run = RunTimes.parse("""
                {"id":"0b8f3c52-4a43-4c43-9d52-3f1e1b6a2a10","status":"SCHEDULED",\
                "submittedAt":"2026-11-30T09:00:00.100Z","startedAt":null,"completedAt":null}""");

        assertThat(run.ended()).isFalse();
        assertThat(run.startedAt()).isNull();
        assertThat(run.replica()).isNull();
        assertThat(run.resumes()).isZero();
        assertThat(run.moveEvaluationSpeed()).isEqualTo(-1);
        assertThat(run.waitSeconds()).isNaN();
        assertThat(run.turnaroundSeconds()).isNaN();
    }

    @Test
    void scoresCompareHardFirstThenMediumThenSoft() {
        assertThat(RunTimes.compareScores("0hard/-8medium/8649soft", "0hard/-8medium/8649soft")).isZero();
        assertThat(RunTimes.compareScores("0hard/-8medium/8650soft", "0hard/-8medium/8649soft")).isPositive();
        assertThat(RunTimes.compareScores("0hard/-9medium/9999soft", "0hard/-8medium/8649soft")).isNegative();
        assertThat(RunTimes.compareScores("-1hard/0medium/9999soft", "0hard/-8medium/-5soft")).isNegative();
        assertThatThrownBy(() -> RunTimes.compareScores("0hard/0soft", "0hard/0medium/0soft"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
