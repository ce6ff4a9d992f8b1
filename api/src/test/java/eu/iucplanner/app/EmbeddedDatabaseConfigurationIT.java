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

/** A PostgreSQL server orphaned by a killed service is stopped, and a new one starts on its data, which survives. */
class EmbeddedDatabaseConfigurationIT {

    @TempDir
    Path dataDirectory;

    @Test
    void orphanedServerIsStoppedAndItsDataIsKept() throws Exception {
        // A child JVM starts a server, stores a row and dies without stopping it, like a killed service.
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OrphanMaker.class.getName(), dataDirectory.toString())
                .inheritIO().start();
        assertThat(child.waitFor()).isEqualTo(3);
        long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
        assertThat(ProcessHandle.of(pid)).hasValueSatisfying(process -> assertThat(process.isAlive()).isTrue());

        EmbeddedDatabaseConfiguration.stopOrphanedServer(dataDirectory);

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
