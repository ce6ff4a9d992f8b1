package eu.iucplanner.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded server: a server orphaned by a killed service is stopped and a new one starts on its data; every
 * connection needs the generated password, kept readable by its owner only; a server that dies is started again on
 * the same port and data by the supervisor.
 */
class EmbeddedDatabaseIT {

    @TempDir
    Path dataDirectory;

    @Test
    void everyConnectionNeedsTheGeneratedPasswordAndOnlyLoopbackListens() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory, 0, 60_000)) {
            Path passwordFile = dataDirectory.resolve(EmbeddedDatabase.PASSWORD_FILE);
            assertThat(java.nio.file.Files.getPosixFilePermissions(passwordFile))
                    .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
            assertThat(Files.readString(passwordFile)).isEqualTo(database.password()).hasSizeGreaterThan(30);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> java.sql.DriverManager.getConnection(
                    database.jdbcUrl(), "postgres", "")).isInstanceOf(java.sql.SQLException.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> java.sql.DriverManager.getConnection(
                    database.jdbcUrl(), "postgres", "wrong")).isInstanceOf(java.sql.SQLException.class);
            try (Connection connection = java.sql.DriverManager.getConnection(database.jdbcUrl(), database.user(),
                    database.password());
                    Statement statement = connection.createStatement();
                    ResultSet listen = statement.executeQuery("show listen_addresses")) {
                assertThat(listen.next()).isTrue();
                assertThat(listen.getString(1)).isEqualTo("localhost");
            }
        }
        // The next start reads the same password from the data directory.
        try (EmbeddedDatabase again = EmbeddedDatabase.start(dataDirectory, 0, 60_000);
                Connection connection = java.sql.DriverManager.getConnection(again.jdbcUrl(), again.user(),
                        again.password())) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }

    @Test
    void aServerThatDiesIsStartedAgainOnTheSamePortWithItsData() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory, 0, 200)) {
            try (Connection connection = java.sql.DriverManager.getConnection(database.jdbcUrl(), database.user(),
                    database.password()); Statement statement = connection.createStatement()) {
                statement.execute("create table kept (value text)");
                statement.execute("insert into kept values ('before the crash')");
            }
            long pid = database.pid().orElseThrow();
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(2))
                    .pollInterval(java.time.Duration.ofMillis(200))
                    .until(() -> database.restarts() >= 1 && database.pid().isPresent()
                            && database.pid().getAsLong() != pid);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(1)).ignoreExceptions()
                    .until(() -> {
                        try (Connection connection = java.sql.DriverManager.getConnection(database.jdbcUrl(),
                                database.user(), database.password());
                                Statement statement = connection.createStatement();
                                ResultSet rows = statement.executeQuery("select value from kept")) {
                            return rows.next() && rows.getString(1).equals("before the crash");
                        }
                    });
        }
    }

    @Test
    void orphanedServerIsStoppedAndItsDataIsKept() throws Exception {
        // A child JVM starts a server, stores a row and dies without stopping it, like a killed service.
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OrphanMaker.class.getName(), dataDirectory.toString())
                .inheritIO().start();
        assertThat(child.waitFor()).isEqualTo(3);
        long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
        assertThat(ProcessHandle.of(pid)).hasValueSatisfying(process -> assertThat(process.isAlive()).isTrue());

        EmbeddedDatabase.stopOrphanedServer(dataDirectory);

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        try (EmbeddedPostgres next = EmbeddedPostgres.builder().setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false).setRegisterShutdownHook(false).start();
                Connection connection = next.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select value from kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("submitted run");
        }
    }

    /** Starts PostgreSQL on a data directory, stores a row and halts the JVM without stopping the server. */
    public static final class OrphanMaker {
        public static void main(String[] args) throws Exception {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0]))
                    .setCleanDataDirectory(false).setRegisterShutdownHook(false).start();
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("create table kept (value text)");
                statement.execute("insert into kept values ('submitted run')");
            }
            Runtime.getRuntime().halt(3);
        }
    }
}
