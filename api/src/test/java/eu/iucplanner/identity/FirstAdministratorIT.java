package eu.iucplanner.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import eu.iucplanner.app.IucPlannerApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two replicas starting at once on one empty database create the first administrator exactly once; the one that did
 * prints its generated password and the URL once, and that password logs in.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorIT {

    private static final Pattern PASSWORD = Pattern.compile(
            "administrator 'admin' was created with the password (\\S+) \\. .*open (http://localhost:\\d+/)");

    @Test
    void twoReplicasOnAnEmptyDatabaseCreateTheFirstAdministratorOnce(CapturedOutput output) throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "it-postgres-first-admin-");
        List<ConfigurableApplicationContext> replicas = new ArrayList<>();
        ExecutorService starter = Executors.newFixedThreadPool(2);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir)
                .setCleanDataDirectory(true).start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            Callable<ConfigurableApplicationContext> replica = () -> new SpringApplicationBuilder(
                    IucPlannerApplication.class).run("--spring.datasource.url=" + url, "--server.port=0",
                            "--management.server.port=0", "--iuc.security.admin-password=",
                            "--iuc.security.admin-token=", "--iuc.runs.retention-first-check=P1D");
            List<Future<ConfigurableApplicationContext>> started = List.of(starter.submit(replica),
                    starter.submit(replica));
            for (Future<ConfigurableApplicationContext> future : started) {
                replicas.add(future.get(5, TimeUnit.MINUTES));
            }

            JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
            assertThat(jdbc.queryForList("SELECT username FROM app_user", String.class)).containsExactly("admin");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'USER_CREATED'",
                    Integer.class)).isEqualTo(1);
            // Both replicas share this JVM's logging, which may write a line through more than one appender; a second
            // creation would print another generated password.
            Matcher printed = PASSWORD.matcher(output.getAll());
            Set<String> passwords = new HashSet<>();
            Set<String> urls = new HashSet<>();
            while (printed.find()) {
                passwords.add(printed.group(1));
                urls.add(printed.group(2));
            }
            assertThat(passwords).as("one password printed, by the replica that created the administrator")
                    .hasSize(1);
            assertThat(urls).hasSize(1);
            String password = passwords.iterator().next();
            String printedUrl = urls.iterator().next();
            String port = replicas.get(0).getEnvironment().getProperty("local.server.port");
            String otherPort = replicas.get(1).getEnvironment().getProperty("local.server.port");
            assertThat(printedUrl).isIn("http://localhost:" + port + "/", "http://localhost:" + otherPort + "/");
            for (String replicaPort : List.of(port, otherPort)) {
                assertThat(Caller.basic("http://localhost:" + replicaPort, "admin", password)
                        .send("GET", "/api/v1/me", null, null).statusCode()).isEqualTo(200);
            }
        } finally {
            replicas.forEach(ConfigurableApplicationContext::close);
            starter.shutdownNow();
        }
    }
}
