package eu.iucplanner.run.service;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;

import eu.iucplanner.run.persistence.RunRepository;

/**
 * Event streams on every replica: the replica that solves a run publishes its status changes and new best solutions
 * on the PostgreSQL channel {@code iuc_run_events} ({@code NOTIFY}); every replica listens on its own connection and
 * passes what concerns the runs its clients watch to their streams ({@link RunEvents}). Best solutions are sent at
 * most every {@code 250 ms} per run, the newest one each time. Notices are only the fast path: every 500 ms a replica
 * also reads the stored state of the runs its clients watch but another replica solves, so a notice sent before a
 * stream was opened (or lost while the database was away) is made up for by the stored best solution and status.
 */
@Component
public class RunNotifications implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(RunNotifications.class);
    static final String CHANNEL = "iuc_run_events";
    private static final long BEST_INTERVAL_MILLIS = 250;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final RunRepository runs;
    private final RunDocuments documents;
    private final RunEvents events;
    private final RunQueue queue;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<UUID, BestSolutionEvent> pendingBest = new ConcurrentHashMap<>();
    /** Per watched run solved elsewhere: the last score and status passed to this replica's streams. */
    private final Map<UUID, String> lastScore = new ConcurrentHashMap<>();
    private final Map<UUID, String> lastStatus = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher;
    private volatile boolean running;
    private volatile Thread listener;
    private volatile Connection listening;
    private volatile java.util.function.Predicate<UUID> solvedHere = id -> false;

    public RunNotifications(DataSource dataSource, RunRepository runs, RunDocuments documents, RunEvents events,
            RunQueue queue) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.runs = runs;
        this.documents = documents;
        this.events = events;
        this.queue = queue;
        this.flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "run-events-notify");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Tells the other replicas that a run's stored status changed. */
    void status(UUID runId) {
        ObjectNode notice = notice(runId, "status");
        send(notice);
    }

    /** Tells the other replicas of a run's new best solution (the newest one, at most every 250 ms). */
    void bestSolution(BestSolutionEvent event) {
        pendingBest.put(event.runId(), event);
    }

    private void flushBest() {
        for (UUID runId : pendingBest.keySet()) {
            BestSolutionEvent event = pendingBest.remove(runId);
            if (event != null) {
                ObjectNode notice = notice(runId, "best");
                notice.set("best", mapper.valueToTree(Map.of("score", event.score() == null ? "" : event.score(),
                        "feasible", event.feasible(), "summary", event.summary())));
                send(notice);
            }
        }
    }

    private ObjectNode notice(UUID runId, String type) {
        ObjectNode notice = mapper.createObjectNode();
        notice.put("origin", queue.replica());
        notice.put("run", runId.toString());
        notice.put("type", type);
        return notice;
    }

    private void send(ObjectNode notice) {
        try {
            String payload = mapper.writeValueAsString(notice);
            if (payload.length() > 7_000) {
                notice.remove("best");
                notice.put("type", "status");
                payload = mapper.writeValueAsString(notice);
            }
            String text = payload;
            jdbc.query("SELECT pg_notify(?, ?)", rs -> null, CHANNEL, text);
        } catch (Exception e) {
            LOG.debug("Could not notify the other replicas: {}", e.toString());
        }
    }

    // ************************************************************************
    // Listening
    // ************************************************************************

    private void listen() {
        long backoff = 500;
        while (running) {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                listening = connection;
                statement.execute("LISTEN " + CHANNEL);
                backoff = 500;
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(1_000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            handle(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.debug("Listening for run events failed; trying again: {}", e.toString());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, 5_000);
            } finally {
                listening = null;
            }
        }
    }

    /** Its own connection, outside the pool (it is held for as long as the replica runs). */
    private Connection connect() throws SQLException {
        if (dataSource instanceof HikariDataSource hikari) {
            return DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
        }
        try {
            HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
            return DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
        } catch (SQLException notHikari) {
            return dataSource.getConnection();
        }
    }

    void handle(String payload) {
        try {
            JsonNode notice = mapper.readTree(payload);
            if (queue.replica().equals(notice.path("origin").asText())) {
                return; // this replica published it to its own streams already
            }
            UUID runId = UUID.fromString(notice.path("run").asText());
            if (!events.isWatched(runId)) {
                return;
            }
            if ("best".equals(notice.path("type").asText())) {
                JsonNode best = notice.path("best");
                Map<String, Object> summary = mapper.convertValue(best.path("summary"),
                        mapper.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
                String score = best.path("score").asText(null);
                if (score != null && !score.equals(lastScore.put(runId, score))) {
                    events.bestSolution(new BestSolutionEvent(runId, score, best.path("feasible").asBoolean(),
                            summary == null ? Map.of() : summary));
                }
            } else {
                refresh(runId);
            }
        } catch (Exception e) {
            LOG.debug("Ignoring a run event notice: {}", e.toString());
        }
    }

    /** Passes a watched run's stored state to this replica's streams when it is newer than what they got. */
    private void refresh(UUID runId) {
        runs.findById(runId).ifPresent(run -> {
            RunMetadata metadata = RunMetadata.of(run, documents.readMap(run.summaryJson()));
            if (metadata.score() != null && !metadata.score().equals(lastScore.put(runId, metadata.score()))) {
                events.bestSolution(metadata.bestSolutionEvent());
            }
            String status = metadata.status().name();
            if (!status.equals(lastStatus.put(runId, status)) || metadata.status().isFinal()) {
                events.status(metadata);
            }
            if (metadata.status().isFinal()) {
                lastScore.remove(runId);
                lastStatus.remove(runId);
            }
        });
    }

    /** Every 500 ms: the stored state of the watched runs that another replica solves (or that wait). */
    private void refreshWatched() {
        try {
            for (UUID runId : events.watchedRuns()) {
                if (!solvedHere.test(runId)) {
                    refresh(runId);
                }
            }
            lastScore.keySet().retainAll(events.watchedRuns());
            lastStatus.keySet().retainAll(events.watchedRuns());
        } catch (RuntimeException e) {
            LOG.debug("Cannot read the watched runs' state: {}", e.toString());
        }
    }

    /** Tells which runs this replica solves itself (their events reach its streams directly). */
    void solvedHere(java.util.function.Predicate<UUID> test) {
        this.solvedHere = test;
    }

    // ************************************************************************
    // Lifecycle
    // ************************************************************************

    @Override
    public void start() {
        running = true;
        flusher.scheduleWithFixedDelay(this::flushBest, BEST_INTERVAL_MILLIS, BEST_INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
        flusher.scheduleWithFixedDelay(this::refreshWatched, 500, 500, TimeUnit.MILLISECONDS);
        Thread thread = new Thread(this::listen, "run-events-listener");
        thread.setDaemon(true);
        listener = thread;
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        flusher.shutdown();
        Connection connection = listening;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("Closing the listening connection: {}", e.toString());
            }
        }
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether this replica listens for other replicas' run events now (readiness detail, tests). */
    public boolean isListening() {
        return listening != null;
    }
}
