package eu.iucplanner.run.service;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a finished run shows (its result, its score by constraint), computed once and stored in {@code run_view}: a
 * finished run's best solution never changes, and computing a 5,000-applicant pool's result (score analysis,
 * explanations of every unpaired applicant, blocking pairs) took seconds on every read. A run that is not finished is
 * computed on every read, as before, and so is a view whose stored copy cannot be read or stored.
 * <p>
 * A view is stored under its <em>format</em>: a digest of the shape of the record that holds it (its components, their
 * types, recursively), so a replica whose view records differ (another version, during a rolling upgrade) neither
 * reads nor replaces another version's copy. A finished run's view is what the service said when the run ended: a
 * later change of wording or of the reference data does not rewrite it.
 */
@Component
public class RunViews {

    private static final Logger LOG = LoggerFactory.getLogger(RunViews.class);

    private final JdbcTemplate jdbc;
    private final RunDocuments documents;
    private final Clock clock;
    private final Map<Class<?>, String> formats = new ConcurrentHashMap<>();
    /** Computes views of runs that just ended, one at a time, in the background; at most 16 wait, others are left. */
    private final ThreadPoolExecutor warming = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(16), runnable -> {
                Thread thread = new Thread(runnable, "run-views");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.DiscardPolicy());

    public RunViews(JdbcTemplate jdbc, RunDocuments documents, Clock clock) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.clock = clock;
    }

    /**
     * Computes and stores the views of a run that just ended, in the background, so that the first reader does not
     * wait for them; a reader who comes first computes them itself.
     */
    public void warm(UUID id, Runnable views) {
        warming.execute(() -> {
            try {
                views.run();
            } catch (RuntimeException e) {
                LOG.debug("The views of run {} were not computed ahead: {}", id, e.toString());
            }
        });
    }

    @PreDestroy
    void stop() {
        warming.shutdownNow();
    }

    /**
     * The view of a run: its stored copy when the run is finished and one was stored, else computed (and stored when
     * the run is finished).
     *
     * @param run     the run's metadata, read before the view is computed (a run that finishes in between is
     *                computed and not stored)
     * @param view    the view's name, e.g. {@code result}
     * @param type    the record that holds it
     * @param compute computes it from the run's stored best solution
     */
    public <T extends Record> T of(RunMetadata run, String view, Class<T> type, Supplier<T> compute) {
        if (!run.status().isFinal()) {
            return compute.get();
        }
        String format = format(type);
        List<String> stored;
        try {
            stored = jdbc.queryForList("SELECT body FROM run_view WHERE run_id = ? AND view = ? AND format = ?",
                    String.class, run.id(), view, format);
        } catch (DataAccessException e) {
            LOG.warn("The stored {} of run {} cannot be read; it is computed: {}", view, run.id(), e.toString());
            return compute.get();
        }
        if (!stored.isEmpty()) {
            try {
                return documents.read(stored.get(0), type);
            } catch (IllegalStateException e) {
                LOG.warn("The stored {} of run {} cannot be read; it is computed again: {}", view, run.id(),
                        e.toString());
            }
        }
        T computed = compute.get();
        store(run.id(), view, format, computed);
        return computed;
    }

    private void store(UUID id, String view, String format, Object value) {
        try {
            jdbc.update("INSERT INTO run_view (run_id, view, format, body, created_at) VALUES (?, ?, ?, ?, ?) "
                    + "ON CONFLICT (run_id, view, format) DO UPDATE SET body = EXCLUDED.body, "
                    + "created_at = EXCLUDED.created_at", id, view, format, documents.write(value),
                    java.sql.Timestamp.from(clock.instant()));
        } catch (DataAccessException e) {
            // Purged meanwhile, or the database is away: the view was answered all the same.
            LOG.debug("The {} of run {} was not stored: {}", view, id, e.toString());
        }
    }

    /** The format of a view record: a digest of its shape. */
    public String format(Class<? extends Record> type) {
        return formats.computeIfAbsent(type, RunViews::digest);
    }

    static String digest(Class<?> type) {
        StringBuilder shape = new StringBuilder();
        describe(type, shape, new HashSet<>());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(shape.toString()
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void describe(Type type, StringBuilder shape, Set<Type> seen) {
        if (type instanceof ParameterizedType parameterized) {
            describe(parameterized.getRawType(), shape, seen);
            shape.append('<');
            for (Type argument : parameterized.getActualTypeArguments()) {
                describe(argument, shape, seen);
                shape.append(',');
            }
            shape.append('>');
        } else if (type instanceof GenericArrayType array) {
            describe(array.getGenericComponentType(), shape, seen);
            shape.append("[]");
        } else if (type instanceof Class<?> cls) {
            shape.append(cls.getName());
            if (!seen.add(cls)) {
                return;
            }
            if (cls.isRecord()) {
                shape.append('(');
                for (RecordComponent component : cls.getRecordComponents()) {
                    shape.append(component.getName()).append(':');
                    describe(component.getGenericType(), shape, seen);
                    shape.append(';');
                }
                shape.append(')');
            } else if (cls.isEnum()) {
                shape.append('{');
                for (Object constant : cls.getEnumConstants()) {
                    shape.append(constant).append(',');
                }
                shape.append('}');
            }
        } else {
            shape.append(type.getTypeName());
        }
    }
}
