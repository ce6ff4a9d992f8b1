package eu.iucplanner.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Backs up the embedded database and restores a backup into a fresh data directory, with PostgreSQL's own
 * {@code pg_dump} and {@code pg_restore} (custom format). The embedded server bundle has no client tools, so they come
 * from the machine (Debian: {@code apt-get install postgresql-client}; any version from 14 on) or from the directory
 * named by {@code IUC_PG_BIN}.
 *
 * <pre>
 * java -jar api/target/iuc-planner-api.jar backup  --data-dir var/postgres --to iuc-backup.dump
 * java -jar api/target/iuc-planner-api.jar restore --from iuc-backup.dump --data-dir var/postgres-restored
 * </pre>
 *
 * A backup works while the service runs (it connects to the running server with the password kept in the data
 * directory) and while it is stopped (it starts the server for the time of the dump). A restore creates the new data
 * directory, which must not exist yet or be empty; start the service on it with
 * {@code --iuc.embedded-db.data-dir=...}.
 */
public final class BackupTool {

    private BackupTool() {
    }

    /** Whether the command line asks for this tool rather than the service. */
    static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String command = args.length > 0 ? args[0] : "";
        Path dataDirectory = Path.of(option(args, "--data-dir", "var/postgres"));
        switch (command) {
            case "backup" -> backup(dataDirectory, Path.of(option(args, "--to", "iuc-backup.dump")));
            case "restore" -> restore(Path.of(required(args, "--from")), dataDirectory);
            default -> throw new IllegalArgumentException("Use: backup --data-dir DIR --to FILE, or restore --from "
                    + "FILE --data-dir NEW_DIR");
        }
    }

    /** Dumps the database of a data directory into a file (custom format). */
    public static void backup(Path dataDirectory, Path file) throws IOException, InterruptedException {
        if (!Files.isRegularFile(dataDirectory.resolve("postgresql.conf"))) {
            throw new IOException("No embedded database in " + dataDirectory.toAbsolutePath());
        }
        Running server = running(dataDirectory);
        try {
            run(List.of(tool("pg_dump"), "--format=custom", "--no-owner", "--host=localhost",
                    "--port=" + server.port(), "--username=" + EmbeddedDatabase.USER, "--file=" + file.toAbsolutePath(),
                    "postgres"), server.password());
            System.out.println("Backed up " + dataDirectory.toAbsolutePath() + " to " + file.toAbsolutePath());
        } finally {
            server.close();
        }
    }

    /** Creates a new data directory and restores a backup into it. */
    public static void restore(Path file, Path dataDirectory) throws IOException, InterruptedException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("No backup at " + file.toAbsolutePath());
        }
        if (Files.isDirectory(dataDirectory)) {
            try (var entries = Files.list(dataDirectory)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException(dataDirectory.toAbsolutePath() + " is not empty; restore into a new one");
                }
            }
        }
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory, 0, 60_000)) {
            run(List.of(tool("pg_restore"), "--no-owner", "--exit-on-error", "--host=localhost",
                    "--port=" + database.port(), "--username=" + EmbeddedDatabase.USER, "--dbname=postgres",
                    file.toAbsolutePath().toString()), database.password());
        }
        System.out.println("Restored " + file.toAbsolutePath() + " into " + dataDirectory.toAbsolutePath());
    }

    /** A server of the data directory: the running one, or one started for the time of the backup. */
    private record Running(int port, String password, EmbeddedDatabase startedHere) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (startedHere != null) {
                startedHere.close();
            }
        }
    }

    private static Running running(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        List<String> lines = Files.isRegularFile(pidFile) ? Files.readAllLines(pidFile) : List.of();
        boolean alive = !lines.isEmpty() && ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                .map(ProcessHandle::isAlive).orElse(false);
        if (alive && lines.size() > 3) {
            String password = Files.readString(dataDirectory.resolve(EmbeddedDatabase.PASSWORD_FILE),
                    StandardCharsets.UTF_8).strip();
            return new Running(Integer.parseInt(lines.get(3).strip()), password, null);
        }
        EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory, 0, 60_000);
        return new Running(database.port(), database.password(), database);
    }

    private static void run(List<String> command, String password) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", password);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException(command.get(0) + " failed: " + output.strip());
        }
    }

    private static String tool(String name) {
        String directory = System.getenv("IUC_PG_BIN");
        return directory == null || directory.isBlank() ? name : Path.of(directory, name).toString();
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 1; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static String required(String[] args, String name) {
        String value = option(args, name, null);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
