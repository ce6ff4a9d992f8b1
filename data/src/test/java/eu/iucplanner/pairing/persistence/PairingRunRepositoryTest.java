package eu.iucplanner.pairing.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The Flyway migrations and the repositories against a real (embedded) PostgreSQL. */
@SpringJUnitConfig(PairingRunRepositoryTest.Config.class)
class PairingRunRepositoryTest {

    @Configuration
    @EnableJdbcRepositories(basePackageClasses = PairingRunRepository.class)
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
    }

    @Autowired
    private PairingRunRepository runs;

    @Autowired
    private PairingRunPayloadRepository payloads;

    @Autowired
    private DataSource dataSource;

    @BeforeEach
    void clean() {
        payloads.deleteAll();
        runs.deleteAll();
    }

    @Test
    void migrationCreatesBothTables() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForList("select table_name from information_schema.tables where table_schema = 'public'",
                String.class)).contains("pairing_run", "pairing_run_payload", "flyway_schema_history");
    }

    @Test
    void runLifecycleIsStored() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID id = UUID.randomUUID();
        PairingRun saved = runs.save(PairingRun.submitted(id, "Demo call", now, 40, 35, null));
        assertThat(saved.version()).isZero();
        PairingRun solving = runs.save(saved.started(now.plusSeconds(1)).withBest("0hard/-8medium/8649soft", 15));
        runs.save(solving.ended(RunStatus.COMPLETED, now.plusSeconds(9), 8_000L, 12_345L, null));
        PairingRun loaded = runs.findById(id).orElseThrow();
        assertThat(loaded.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(loaded.submittedAt()).isEqualTo(now);
        assertThat(loaded.completedAt()).isEqualTo(now.plusSeconds(9));
        assertThat(loaded.score()).isEqualTo("0hard/-8medium/8649soft");
        assertThat(loaded.pairCount()).isEqualTo(15);
        assertThat(loaded.version()).isEqualTo(2);
    }

    @Test
    void pagesNewestFirstAndFindsByStatusInSubmissionOrder() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (int i = 0; i < 5; i++) {
            runs.save(PairingRun.submitted(UUID.randomUUID(), "run " + i, now.plusSeconds(i), 10, 10, null));
        }
        Page<PairingRun> first = runs.findAllByOrderBySubmittedAtDesc(PageRequest.of(0, 2));
        assertThat(first.getTotalElements()).isEqualTo(5);
        assertThat(first.getContent()).extracting(PairingRun::name).containsExactly("run 4", "run 3");
        assertThat(runs.findByStatusOrderBySubmittedAtAsc(RunStatus.SCHEDULED)).extracting(PairingRun::name)
                .containsExactly("run 0", "run 1", "run 2", "run 3", "run 4");
    }

    @Test
    void payloadIsStoredBesideTheRunAndGoesWithIt() {
        UUID id = UUID.randomUUID();
        runs.save(PairingRun.submitted(id, "with payload", Instant.now(), 2, 2, null));
        PairingRunPayload payload = payloads.save(PairingRunPayload.of(id, "{\"applicants\":[]}", null));
        payloads.save(payload.withBestSolution("{\"pairs\":[[\"lyon\",\"boston\"]]}"));
        assertThat(payloads.findById(id).orElseThrow().bestSolutionJson()).contains("boston");
        new JdbcTemplate(dataSource).update("delete from pairing_run where id = ?", id);
        assertThat(payloads.findById(id)).isEmpty();
    }

    @Test
    void bestSolutionIsReplacedWithoutRewritingTheRequest() {
        UUID id = UUID.randomUUID();
        runs.save(PairingRun.submitted(id, "throttled writes", Instant.now(), 2, 2, null));
        payloads.save(PairingRunPayload.of(id, "{\"applicants\":[1]}", null));
        assertThat(payloads.updateBestSolution(id, "{\"score\":\"0hard/0medium/5soft\"}")).isEqualTo(1);
        assertThat(payloads.updateBestSolution(id, "{\"score\":\"0hard/0medium/7soft\"}")).isEqualTo(1);
        PairingRunPayload stored = payloads.findById(id).orElseThrow();
        assertThat(stored.bestSolutionJson()).contains("7soft");
        assertThat(stored.requestJson()).isEqualTo("{\"applicants\":[1]}");
        assertThat(stored.version()).isEqualTo(2);
        assertThat(payloads.updateBestSolution(UUID.randomUUID(), "{}")).isZero();
    }
}
