package eu.iucplanner.run.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The runs' event streams (every kind; run ids are unique across kinds): a {@code status} event with the run's
 * metadata whenever its status changes, and a {@code best-solution} event whenever the solver finds a better
 * solution.
 * <p>
 * A stream opens with the run's current state, read under the run's channel lock so that no event can slip between
 * the reading and the registering: a {@code status} event, then a {@code best-solution} event when there is a best
 * solution. Later events follow in order. A stream ends with the run's final {@code status} event; a stream opened on
 * a run that has already ended therefore sends that final status twice (opening and end) and closes at once.
 * <p>
 * Events are only queued under the lock; each subscriber's queue is sent by a separate sender thread, so a slow client
 * delays nobody else, least of all the solver thread that publishes.
 */
@Component
public class RunEvents implements SmartLifecycle {

    public static final String STATUS = "status";
    public static final String BEST_SOLUTION = "best-solution";

    private static final Logger LOG = LoggerFactory.getLogger(RunEvents.class);
    private static final int SENDER_THREADS = 32;

    private final Map<UUID, Channel> channels = new ConcurrentHashMap<>();
    private final ExecutorService senders;
    private volatile boolean running = true;

    public RunEvents() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(SENDER_THREADS, SENDER_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "run-events-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        this.senders = executor;
    }

    /** One open stream. */
    public interface Subscription {

        /** Forgets the stream (the client went away or it timed out); no more events are queued for it. */
        void cancel();
    }

    /**
     * Opens a stream on a run.
     *
     * @param current the run's metadata as it is now; called once, under the run's channel lock
     */
    public Subscription subscribe(UUID runId, EventSink sink, Supplier<RunMetadata> current) {
        Subscriber subscriber = new Subscriber(sink);
        while (true) {
            Channel channel = channels.computeIfAbsent(runId, Channel::new);
            synchronized (channel) {
                if (channel.closed) {
                    continue;
                }
                RunMetadata metadata;
                try {
                    metadata = current.get();
                } catch (RuntimeException e) {
                    closeIfIdle(channel);
                    throw e;
                }
                subscriber.statusVersion = metadata.version();
                subscriber.enqueue(STATUS, metadata);
                BestSolutionEvent best = metadata.bestSolutionEvent();
                if (best != null) {
                    subscriber.enqueue(BEST_SOLUTION, best);
                }
                if (metadata.status().isFinal() || !running) {
                    subscriber.enqueue(STATUS, metadata);
                    subscriber.end();
                    closeIfIdle(channel);
                    return () -> { };
                }
                subscriber.channel = channel;
                channel.subscribers.add(subscriber);
                return () -> subscriber.cancel();
            }
        }
    }

    /** Publishes a status change (after it was stored); the final status ends every stream of the run. */
    public void status(RunMetadata metadata) {
        Channel channel = channels.get(metadata.id());
        if (channel == null) {
            return;
        }
        synchronized (channel) {
            for (Subscriber subscriber : channel.subscribers) {
                if (metadata.version() > subscriber.statusVersion) {
                    subscriber.statusVersion = metadata.version();
                    subscriber.enqueue(STATUS, metadata);
                }
                if (metadata.status().isFinal()) {
                    subscriber.end();
                }
            }
            if (metadata.status().isFinal()) {
                channel.subscribers.clear();
                closeIfIdle(channel);
            }
        }
    }

    /** Publishes a new best solution of a solving run. */
    public void bestSolution(BestSolutionEvent event) {
        Channel channel = channels.get(event.runId());
        if (channel == null) {
            return;
        }
        synchronized (channel) {
            for (Subscriber subscriber : channel.subscribers) {
                subscriber.enqueue(BEST_SOLUTION, event);
            }
        }
    }

    /** The runs whose streams clients of this replica watch now. */
    public java.util.Set<UUID> watchedRuns() {
        return java.util.Set.copyOf(channels.keySet());
    }

    /** Whether a client of this replica watches a run's stream now. */
    public boolean isWatched(UUID runId) {
        return channels.containsKey(runId);
    }

        /** How many streams are open (for tests and health). */
    public int openStreams() {
        return channels.values().stream().mapToInt(channel -> {
            synchronized (channel) {
                return channel.subscribers.size();
            }
        }).sum();
    }

    private void closeIfIdle(Channel channel) {
        if (channel.subscribers.isEmpty()) {
            channel.closed = true;
            channels.remove(channel.runId, channel);
        }
    }

    // ************************************************************************
    // Shutdown: streams close at once, before the web server waits for requests in flight
    // ************************************************************************

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        for (Channel channel : List.copyOf(channels.values())) {
            synchronized (channel) {
                channel.subscribers.forEach(Subscriber::end);
                channel.subscribers.clear();
                closeIfIdle(channel);
            }
        }
        senders.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server's graceful shutdown (which would otherwise wait for the open streams). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    /** The subscribers of one run. */
    private static final class Channel {
        private final UUID runId;
        private final List<Subscriber> subscribers = new ArrayList<>();
        private boolean closed;

        Channel(UUID runId) {
            this.runId = runId;
        }
    }

    /** One stream: its queue of events, sent in order by one sender task at a time. */
    private final class Subscriber {
        private static final Object END = new Object();

        private final EventSink sink;
        private final Queue<Object[]> queue = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private volatile boolean cancelled;
        private long statusVersion;
        private Channel channel;

        Subscriber(EventSink sink) {
            this.sink = sink;
        }

        void enqueue(String name, Object data) {
            queue.add(new Object[] { name, data });
            schedule();
        }

        void end() {
            queue.add(new Object[] { null, END });
            schedule();
        }

        void cancel() {
            cancelled = true;
            Channel own = channel;
            if (own != null) {
                synchronized (own) {
                    own.subscribers.remove(this);
                    closeIfIdle(own);
                }
            }
        }

        private void schedule() {
            if (scheduled.compareAndSet(false, true)) {
                try {
                    senders.execute(this::drain);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    // Shutting down: the stream is completed by stop().
                    scheduled.set(false);
                }
            }
        }

        private void drain() {
            do {
                Object[] event;
                while ((event = queue.poll()) != null) {
                    if (cancelled) {
                        queue.clear();
                        break;
                    }
                    if (event[1] == END) {
                        cancelled = true;
                        sink.complete();
                        break;
                    }
                    try {
                        sink.send((String) event[0], event[1]);
                    } catch (Exception e) {
                        LOG.debug("An event stream's client went away: {}", e.toString());
                        cancel();
                        sink.complete();
                    }
                }
                scheduled.set(false);
            } while (!queue.isEmpty() && !cancelled && scheduled.compareAndSet(false, true));
        }
    }
}
