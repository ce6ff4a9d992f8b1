package eu.iucplanner.run.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Runs stored before the run tables were merged are carried over whole: metadata, lineage and documents. */
class RunMigrationTest {

    @Test
    void pairingAndScheduleRunsMoveIntoTheRunTable() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            var dataSource = postgres.getPostgresDatabase();
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                    .target(MigrationVersion.fromVersion("2")).load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            UUID parent = UUID.randomUUID();
            UUID rerun = UUID.randomUUID();
            UUID schedule = UUID.randomUUID();
            jdbc.update("insert into pairing_run (id, name, status, submitted_at, score, applicant_count, "
                    + "eligible_count, pair_count, version) values (?, 'first', 'COMPLETED', now(), "
                    + "'0hard/-2medium/80soft', 40, 37, 15, 3)", parent);
            jdbc.update("insert into pairing_run (id, name, status, submitted_at, applicant_count, eligible_count, "
                    + "parent_run_id, version) values (?, 'rerun', 'SCHEDULED', now(), 40, 37, ?, 0)", rerun, parent);
            jdbc.update("insert into pairing_run_payload (run_id, request_json, initial_solution_json, "
                    + "best_solution_json, version) values (?, '{\"a\":1}', null, '{\"b\":2}', 1)", parent);
            jdbc.update("insert into schedule_run (id, name, status, submitted_at, score, pair_count, event_count, "
                    + "pairing_run_id, version) values (?, 'plan', 'INCOMPLETE', now(), '-3hard/-9soft', 15, 120, ?, 2)",
                    schedule, parent);
            jdbc.update("insert into schedule_run_payload (run_id, request_json, best_solution_json, version) "
                    + "values (?, '{\"c\":3}', '{\"d\":4}', 1)", schedule);

            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

            Map<String, Object> first = jdbc.queryForMap("select * from run where id = ?", parent);
            assertThat(first).containsEntry("kind", "pairing").containsEntry("status", "COMPLETED")
                    .containsEntry("feasible", true).containsEntry("version", 3L)
                    .containsEntry("summary_json", "{\"applicantCount\":40,\"eligibleCount\":37,\"pairCount\":15}");
            assertThat(jdbc.queryForMap("select * from run where id = ?", rerun))
                    .containsEntry("parent_run_id", parent).containsEntry("feasible", null)
                    .containsEntry("summary_json", "{\"applicantCount\":40,\"eligibleCount\":37}");
            assertThat(jdbc.queryForMap("select * from run where id = ?", schedule))
                    .containsEntry("kind", "schedule").containsEntry("source_run_id", parent)
                    .containsEntry("feasible", false)
                    .containsEntry("summary_json", "{\"pairCount\" : 15, \"eventCount\" : 120}");
            assertThat(jdbc.queryForMap("select * from run_payload where run_id = ?", parent))
                    .containsEntry("request_json", "{\"a\":1}").containsEntry("best_solution_json", "{\"b\":2}");
            assertThat(jdbc.queryForMap("select * from run_payload where run_id = ?", schedule))
                    .containsEntry("request_json", "{\"c\":3}").containsEntry("best_solution_json", "{\"d\":4}");
        }
    }
}
