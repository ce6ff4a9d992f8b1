package eu.iucplanner.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The report quotes the service's WARN and ERROR lines grouped by what they say, and reads a run's timeline. */
class ServiceLogTest {

    private static final String RUN = "00a66296-714f-4650-b289-ec7bb7711568";
    private static final String OTHER = "cc860cba-bdf9-476f-8288-b35c3fd9adb8";

    /** A HUGE run's solving as the service logged it (times changed, lines shortened). */
    private static List<String> solving(String stopAt, String warmStartEndedAt) {
        return List.of(
                "2026-11-30T07:36:02.745Z  INFO 6355 --- [iuc-planner] [o-40449-exec-13] e.i.run.service.RunLifecycle"
                        + "   : pairing " + RUN + " 'Demo pool HUGE' submitted: {applicantCount=5000}",
                "2026-11-30T07:36:02.942Z  INFO 6355 --- [iuc-planner] [   run-worker-2] e.i.run.service.RunLifecycle"
                        + "   : pairing " + RUN + " solving",
                "2026-11-30T07:36:02.950Z  INFO 6355 --- [iuc-planner] [   run-worker-1] a.t.s.c.i.s.DefaultSolver"
                        + "     : Solving started: time spent (3), best score (0hard/-38medium/0soft)",
                "2026-11-30T07:36:02.995Z  INFO 6355 --- [iuc-planner] [   run-worker-2] a.t.s.c.i.s.DefaultSolver"
                        + "     : Solving started: time spent (48), best score (0hard/-4765medium/0soft)",
                "2026-11-30T07:36:03.000Z  INFO 6355 --- [iuc-planner] [   run-worker-1] a.t.s.c.i.p.c."
                        + "DefaultCustomPhase    : Custom phase (0) ended: time spent (50), best score "
                        + "(0hard/-8medium/8649soft)",
                "2026-11-30T" + stopAt + "Z  INFO 6355 --- [iuc-planner] [io-40449-exec-3] e.i.run.service.RunLifecycle"
                        + "   : pairing " + RUN + " asked to stop",
                "2026-11-30T07:36:03.600Z  INFO 6355 --- [iuc-planner] [io-40449-exec-4] e.i.run.service.RunLifecycle"
                        + "   : pairing " + OTHER + " asked to stop",
                "2026-11-30T" + warmStartEndedAt + "Z  INFO 6355 --- [iuc-planner] [   run-worker-2] a.t.s.c.i.p.c."
                        + "DefaultCustomPhase    : Custom phase (0) ended: time spent (612), best score "
                        + "(0hard/-775medium/1919469soft), move evaluation speed (0/sec), step total (1).");
    }

    @Test
    void aStopIsPlacedInTheRunsWarmStartByItsWorkersLines() {
        ServiceLog.Timeline timeline = ServiceLog.timeline(solving("07:36:03.195", "07:36:03.607"), RUN);

        assertThat(timeline.worker()).isEqualTo("run-worker-2");
        assertThat(timeline.solvingStarted()).hasToString("2026-11-30T07:36:02.995Z");
        assertThat(timeline.stopAsked()).hasToString("2026-11-30T07:36:03.195Z");
        assertThat(timeline.warmStartEnded()).hasToString("2026-11-30T07:36:03.607Z");
        assertThat(timeline.warmStartMillis()).isEqualTo(612L);
        assertThat(timeline.describeStop()).isEqualTo("the first stop was logged 0.20 s after Timefold's "
                + "\"Solving started\", during the warm start: \"Custom phase (0) ended\" (the warm start) 0.61 s "
                + "after it, time spent 612 ms, 0.41 s after the stop");
    }

    @Test
    void theSolvingLineNamesTheReplicaSinceRunsAreQueuedAcrossReplicas() {
        List<String> lines = solving("07:36:03.195", "07:36:03.607").stream()
                .map(line -> line.endsWith(RUN + " solving") ? line + " on replica iuc-1" : line).toList();

        ServiceLog.Timeline timeline = ServiceLog.timeline(lines, RUN);

        assertThat(timeline.worker()).isEqualTo("run-worker-2");
        assertThat(timeline.solving()).hasToString("2026-11-30T07:36:02.942Z");
        assertThat(ServiceLog.isSolving("pairing " + RUN + " solving on replica r2", RUN)).isTrue();
        assertThat(ServiceLog.isSolving("pairing " + RUN + " solving", RUN)).isTrue();
        assertThat(ServiceLog.isSolving("pairing " + RUN + " solving failed", RUN)).isFalse();
        assertThat(ServiceLog.isSolving("pairing " + OTHER + " solving", RUN)).isFalse();
    }

    @Test
    void aStopAfterTheWarmStartOrBeforeTheSolverIsSaidSo() {
        assertThat(ServiceLog.timeline(solving("07:36:03.995", "07:36:03.607"), RUN).describeStop())
                .startsWith("the first stop was logged 1.00 s after Timefold's \"Solving started\", after the "
                        + "warm start: \"Custom phase (0) ended\" (the warm start) 0.61 s after it");
        assertThat(ServiceLog.timeline(solving("07:36:02.990", "07:36:03.607"), RUN).describeStop())
                .isEqualTo("the first stop was logged before Timefold's \"Solving started\": before the solver "
                        + "ran");
        assertThat(ServiceLog.timeline(List.of(), RUN).describeStop()).isEqualTo("no stop of run " + RUN
                + " was logged");
    }

    @Test
    void warningsAndErrorsAreGroupedByTheirTextWithoutTimesIdsAndNumbers() {
        List<String> lines = List.of(
                "2026-11-30T07:05:50.008Z  INFO 681 --- [iuc-planner] [run-worker-1] e.i.r.s.RunLifecycle : pairing "
                        + "e25d6694-ac93-496a-9c93-d5cf091a4825 COMPLETED",
                "2026-11-30T07:05:51.000Z  WARN 681 --- [iuc-planner] [run-writer-1] e.i.r.s.RunLifecycle : Could not "
                        + "store the best solution of run e25d6694-ac93-496a-9c93-d5cf091a4825 yet: timeout 3000",
                "2026-11-30T07:05:52.000Z  WARN 681 --- [iuc-planner] [run-writer-1] e.i.r.s.RunLifecycle : Could not "
                        + "store the best solution of run 11111111-ac93-496a-9c93-d5cf091a4825 yet: timeout 3001",
                "2026-11-30T07:05:53.000Z ERROR 681 --- [iuc-planner] [nio-8080-exec-1] o.a.c.c.C.[.[.[/].[dispatcher] "
                        + ": Servlet.service() threw exception",
                "java.lang.IllegalStateException: boom",
                "2026-11-30T07:15:21.992Z  WARN 1 --- [iuc-planner] [exec-2] c.z.h.pool.PoolBase : HikariPool-1 - "
                        + "Failed to validate connection org.postgresql.jdbc.PgConnection@d5775de (closed)",
                "2026-11-30T07:15:21.993Z  WARN 1 --- [iuc-planner] [exec-2] c.z.h.pool.PoolBase : HikariPool-1 - "
                        + "Failed to validate connection org.postgresql.jdbc.PgConnection@4855ea10 (closed)",
                "\tat eu.iucplanner.Foo.bar(Foo.java:1)");

        List<ServiceLog.Group> groups = ServiceLog.notable(lines);

        assertThat(groups).hasSize(3);
        assertThat(groups.get(0).count()).isEqualTo(2);
        assertThat(groups.get(0).example()).contains("WARN", "e25d6694", "timeout 3000");
        assertThat(groups.get(1).count()).isEqualTo(1);
        assertThat(groups.get(1).example()).endsWith("threw exception | java.lang.IllegalStateException: boom");
        assertThat(groups.get(2).count()).isEqualTo(2);
    }

    @Test
    void theFirstMatchingLineGivesItsTime() {
        List<String> lines = List.of(
                "2026-11-30T09:10:00.100Z  WARN 77 --- [iuc-planner] [housekeeper] e.i.run.service.RunQueue : Run "
                        + RUN + " was being solved by replica iuc-2, which stopped sending heartbeats; it waits to "
                        + "be taken up again",
                "not a log line",
                "2026-11-30T09:10:01.250Z  INFO 77 --- [iuc-planner] [run-worker-1] e.i.run.service.RunLifecycle : "
                        + "pairing " + RUN + " taken up again (resume 1) from its stored best solution 0hard/0soft");

        assertThat(ServiceLog.firstAt(lines, message -> message.contains("replica iuc-2,")))
                .hasValueSatisfying(at -> assertThat(at).hasToString("2026-11-30T09:10:00.100Z"));
        assertThat(ServiceLog.firstAt(lines, message -> message.contains(RUN + " taken up again")))
                .hasValueSatisfying(at -> assertThat(at).hasToString("2026-11-30T09:10:01.250Z"));
        assertThat(ServiceLog.firstAt(lines, message -> message.contains("replica iuc-3,"))).isEmpty();
    }
}
