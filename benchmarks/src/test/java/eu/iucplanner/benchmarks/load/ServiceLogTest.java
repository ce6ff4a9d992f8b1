package eu.iucplanner.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The report quotes the service's WARN and ERROR lines grouped by what they say. */
class ServiceLogTest {

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
                "2026-11-30T07:15:21.992Z  WARN 1 --- [iuc-planner] [exec-2] c.z.h.pool.PoolBase : HikariPool-1 - Failed "
                        + "to validate connection org.postgresql.jdbc.PgConnection@d5775de (closed)",
                "2026-11-30T07:15:21.993Z  WARN 1 --- [iuc-planner] [exec-2] c.z.h.pool.PoolBase : HikariPool-1 - Failed "
                        + "to validate connection org.postgresql.jdbc.PgConnection@4855ea10 (closed)",
                "\tat eu.iucplanner.Foo.bar(Foo.java:1)");

        List<ServiceLog.Group> groups = ServiceLog.notable(lines);

        assertThat(groups).hasSize(3);
        assertThat(groups.get(0).count()).isEqualTo(2);
        assertThat(groups.get(0).example()).contains("WARN", "e25d6694", "timeout 3000");
        assertThat(groups.get(1).count()).isEqualTo(1);
        assertThat(groups.get(1).example()).endsWith("threw exception | java.lang.IllegalStateException: boom");
        assertThat(groups.get(2).count()).isEqualTo(2);
    }
}
