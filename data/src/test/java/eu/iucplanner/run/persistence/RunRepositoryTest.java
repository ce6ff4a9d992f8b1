package eu.iucplanner.run.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The Flyway migrations and the run repositories against a real (embedded) PostgreSQL. */
@SpringJUnitConfig(RunRepositoryTest.Config.class)
class RunRepositoryTest {

    @Configuration
    @EnableJdbcRepositories(basePackageClasses = RunRepository.class)
    static class Config extends AbstractJdbcConfiguration {

        @Bean(destroyMethod = "close")
        EmbeddedPostgres postgres() throws IOException {
            return EmbeddedPostgres.builder().start();
        }

        @Bean
        DataSource dataSource(EmbeddedPostgres postgres) {
            DataSource dataSource = postgres.getPostgresDatabase();
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            return dataSource;
        }

        @Bean
        NamedParameterJdbcOperations namedParameterJdbcOperations(DataSource dataSource) {
            return new NamedParameterJdbcTemplate(dataSource);
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }

        @Bean
        TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
            return new TransactionTemplate(transactionManager);
        }
    }

    @Autowired
    private RunRepository runs;

    @Autowired
    private RunPayloadRepository payloads;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private DataSource dataSource;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @BeforeEach
    void clean() {
        new JdbcTemplate(dataSource).update("delete from run where parent_run_id is not null or source_run_id is not null");
        payloads.deleteAll();
        runs.deleteAll();
    }

    @Test
    void migrationLeavesOneRunTableAndItsPayloads() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForList("select table_name from information_schema.tables where table_schema = 'public'",
                String.class)).contains("run", "run_payload", "flyway_schema_history")
                .doesNotContain("pairing_run", "schedule_run");
    }

    @Test
    void aRunGoesThroughItsLifecycleByConditionalUpdatesUnderItsClaim() {
        UUID id = UUID.randomUUID();
        Run saved = runs.save(Run.submitted(id, "pairing", "Demo call", now, null, null, "{\"applicantCount\":40}"));
        assertThat(saved.version()).isZero();
        UUID claim = UUID.randomUUID();
        assertThat(inTransaction(() -> runs.claim(id, claim, "replica-a", now.plusSeconds(1)))).isOne();
        assertThat(inTransaction(() -> runs.terminateScheduled(id, now, "too late"))).isZero();
        assertThat(inTransaction(() -> runs.updateBest(id, claim, "0hard/-8medium/8649soft", true,
                "{\"applicantCount\":40,\"pairCount\":15}"))).isOne();
        assertThat(inTransaction(() -> runs.requestStop(id))).isOne();
        assertThat(inTransaction(() -> runs.end(id, claim, "TERMINATED", now.plusSeconds(9), null, null, null, 8_000L,
                12_345L, null))).isOne();
        assertThat(inTransaction(() -> runs.updateBest(id, claim, "0hard/0medium/0soft", true, "{}"))).as("ended")
                .isZero();
        assertThat(inTransaction(() -> runs.claim(id, UUID.randomUUID(), "replica-b", now))).as("ended").isZero();
        Run loaded = runs.findById(id).orElseThrow();
        assertThat(loaded.status()).isEqualTo(RunStatus.TERMINATED);
        assertThat(loaded.startedAt()).isEqualTo(now.plusSeconds(1));
        assertThat(loaded.completedAt()).isEqualTo(now.plusSeconds(9));
        assertThat(loaded.score()).as("kept from the last best").isEqualTo("0hard/-8medium/8649soft");
        assertThat(loaded.feasible()).isTrue();
        assertThat(loaded.summaryJson()).contains("\"pairCount\":15");
        assertThat(loaded.stopRequested()).isTrue();
        assertThat(loaded.solvingMillis()).isEqualTo(8_000L);
        assertThat(loaded.claimedBy()).isEqualTo("replica-a");
        assertThat(loaded.resumeCount()).isZero();
        assertThat(loaded.version()).isEqualTo(4);
    }

    @Test
    void aReplicaThatLostItsClaimCanNoLongerWriteTheRun() {
        UUID id = UUID.randomUUID();
        runs.save(Run.submitted(id, "pairing", "Demo call", now, null, null, "{}"));
        UUID first = UUID.randomUUID();
        assertThat(inTransaction(() -> runs.claim(id, first, "replica-a", now))).isOne();
        assertThat(inTransaction(() -> runs.updateBest(id, first, "0hard/0medium/10soft", true, "{}"))).isOne();
        // replica-a is thought dead: replica-b takes the run up again with a new claim.
        UUID second = UUID.randomUUID();
        assertThat(inTransaction(() -> runs.claim(id, second, "replica-b", now.plusSeconds(30)))).isOne();
        assertThat(inTransaction(() -> runs.updateBest(id, first, "0hard/0medium/5soft", true, "{}")))
                .as("the old owner's best").isZero();
        assertThat(inTransaction(() -> runs.end(id, first, "COMPLETED", now, "0hard/0medium/5soft", true, "{}", 1L,
                1L, null))).as("the old owner's end").isZero();
        assertThat(inTransaction(() -> runs.handBack(id, first))).as("the old owner's hand-back").isZero();
        assertThat(inTransaction(() -> runs.updateBest(id, second, "0hard/0medium/20soft", true, "{}"))).isOne();
        Run taken = runs.findById(id).orElseThrow();
        assertThat(taken.status()).isEqualTo(RunStatus.SOLVING);
        assertThat(taken.score()).isEqualTo("0hard/0medium/20soft");
        assertThat(taken.claimedBy()).isEqualTo("replica-b");
        assertThat(taken.resumeCount()).isOne();
        assertThat(taken.startedAt()).as("first started").isEqualTo(now);
        // A graceful stop hands it back; the next claim counts another resume.
        assertThat(inTransaction(() -> runs.handBack(id, second))).isOne();
        assertThat(runs.findById(id).orElseThrow().status()).isEqualTo(RunStatus.SCHEDULED);
        assertThat(inTransaction(() -> runs.claim(id, UUID.randomUUID(), "replica-c", now.plusSeconds(60))))
                .isOne();
        assertThat(runs.findById(id).orElseThrow().resumeCount()).isEqualTo(2);
    }

    @Test
    void aRunStoppedBeforeItStartsIsNeverClaimed() {
        for (int i = 0; i < 3; i++) {
            runs.save(Run.submitted(UUID.randomUUID(), i == 1 ? "schedule" : "pairing", "run " + i,
                    now.plusSeconds(i), null, null, "{}"));
        }
        List<Run> scheduled = runs.findByStatusOrderBySubmittedAtAsc(RunStatus.SCHEDULED);
        assertThat(scheduled).extracting(Run::name).containsExactly("run 0", "run 1", "run 2");
        assertThat(inTransaction(() -> runs.terminateScheduled(scheduled.get(0).id(), now, "stopped"))).isOne();
        assertThat(inTransaction(() -> runs.claim(scheduled.get(0).id(), UUID.randomUUID(), "replica-a", now)))
                .isZero();
        assertThat(runs.findById(scheduled.get(0).id()).orElseThrow().status()).isEqualTo(RunStatus.TERMINATED);
    }

    @Test
    void pagesNewestFirstPerKindAndByStatus() {
        for (int i = 0; i < 5; i++) {
            runs.save(Run.submitted(UUID.randomUUID(), "pairing", "run " + i, now.plusSeconds(i), null, null, "{}"));
        }
        runs.save(Run.submitted(UUID.randomUUID(), "schedule", "a schedule", now, null, null, "{}"));
        Page<Run> first = runs.findByKindOrderBySubmittedAtDesc("pairing", PageRequest.of(0, 2));
        assertThat(first.getTotalElements()).isEqualTo(5);
        assertThat(first.getContent()).extracting(Run::name).containsExactly("run 4", "run 3");
        assertThat(runs.findByKindAndStatusInOrderBySubmittedAtDesc("schedule", List.of(RunStatus.SCHEDULED),
                PageRequest.of(0, 10)).getContent()).extracting(Run::name).containsExactly("a schedule");
        assertThat(runs.findByKindAndStatusInOrderBySubmittedAtDesc("schedule", List.of(RunStatus.COMPLETED),
                PageRequest.of(0, 10)).getContent()).isEmpty();
    }

    @Test
    void aFinishedRunIsPurgedWithItsPayloadOnlyWhenNothingWasBuiltFromIt() {
        UUID parent = UUID.randomUUID();
        runs.save(Run.submitted(parent, "pairing", "parent", now, null, null, "{}"));
        payloads.save(RunPayload.of(parent, "{\"applicants\":[]}", null));
        assertThat(inTransaction(() -> runs.purgeFinished(parent))).as("still scheduled").isZero();
        inTransaction(() -> runs.terminateScheduled(parent, now, "stopped"));
        UUID child = UUID.randomUUID();
        runs.save(Run.submitted(child, "schedule", "child", now, null, parent, "{}"));
        assertThat(runs.hasDerivedRuns(parent)).isTrue();
        assertThat(runs.hasDerivedRuns(child)).isFalse();
        runs.deleteById(child);
        assertThat(runs.hasDerivedRuns(parent)).isFalse();
        assertThat(inTransaction(() -> runs.purgeFinished(parent))).isOne();
        assertThat(runs.findById(parent)).isEmpty();
        assertThat(payloads.findById(parent)).isEmpty();
    }

    @Test
    void bestSolutionIsReplacedWithoutRewritingTheRequest() {
        UUID id = UUID.randomUUID();
        runs.save(Run.submitted(id, "pairing", "throttled writes", now, null, null, "{}"));
        payloads.save(RunPayload.of(id, "{\"applicants\":[1]}", null));
        assertThat(inTransaction(() -> payloads.updateBestSolution(id, "{\"score\":\"0hard/0medium/5soft\"}")))
                .isEqualTo(1);
        assertThat(inTransaction(() -> payloads.updateBestSolution(id, "{\"score\":\"0hard/0medium/7soft\"}")))
                .isEqualTo(1);
        RunPayload stored = payloads.findById(id).orElseThrow();
        assertThat(stored.bestSolutionJson()).contains("7soft");
        assertThat(stored.requestJson()).isEqualTo("{\"applicants\":[1]}");
        assertThat(stored.version()).isEqualTo(2);
        assertThat(inTransaction(() -> payloads.updateBestSolution(UUID.randomUUID(), "{}"))).isZero();
    }

    private int inTransaction(java.util.function.IntSupplier update) {
        return transactions.execute(tx -> update.getAsInt());
    }
}
