package eu.iucplanner.benchmarks.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What is sampled the whole time, whatever the scenario: the latency of a run's {@code /metadata} (API port, with the
 * token) and of {@code /actuator/health} (management port, without credentials), each sent at a fixed rate whether or
 * not the previous one has been answered (so a stalled service shows up as slow and timed-out samples rather than as
 * fewer samples), and the service's memory once a second. Each sampler has its own HTTP client and connections.
 */
final class Probes implements AutoCloseable {

    /**
     * The service's memory at one moment.
     *
     * @param residentBytes VmRSS, -1 when the process was not there
     * @param heapBytes     JVM heap in use from the metrics endpoint, {@code NaN} without an answer
     */
    record Memory(long atNanos, long residentBytes, double heapBytes) {
    }

    static final Duration INTERVAL = Duration.ofMillis(250);
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(3, runnable -> {
        Thread thread = new Thread(runnable, "probe");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient metadataClient = Api.newClient();
    private final HttpClient healthClient = Api.newClient();
    private final List<Sample> metadata = new ArrayList<>();
    private final List<Sample> health = new ArrayList<>();
    private final List<Memory> memory = new ArrayList<>();
    private final String metadataPath;
    private final URI healthUri;
    private final Api api;
    private final Supplier<ServiceProcess> service;

    Probes(Api api, String runId, Supplier<ServiceProcess> service) {
        this.api = api;
        this.service = service;
        this.metadataPath = Api.RUNS + "/" + runId + "/metadata";
        this.healthUri = api.management("/actuator/health");
    }

    void start() {
        long period = INTERVAL.toMillis();
        scheduler.scheduleAtFixedRate(() -> Api.sendAsync(metadataClient, api.get(metadataPath, TIMEOUT))
                .thenAccept(answer -> add(metadata, answer.toSample(status -> status == 200))), 0, period,
                TimeUnit.MILLISECONDS);
        scheduler.scheduleAtFixedRate(() -> Api.sendAsync(healthClient, Api.anonymousGet(healthUri, TIMEOUT))
                .thenAccept(answer -> add(health, answer.toSample(status -> status == 200))), period / 2, period,
                TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::sampleMemory, 0, 1, TimeUnit.SECONDS);
    }

    private void sampleMemory() {
        try {
            ServiceProcess process = service.get();
            long rss = process == null ? -1 : process.residentBytes();
            OptionalDouble heap = rss < 0 ? OptionalDouble.empty() : api.heapUsed();
            add(memory, new Memory(System.nanoTime(), rss, heap.orElse(Double.NaN)));
        } catch (RuntimeException e) {
            // sampling goes on
        }
    }

    private static <T> void add(List<T> list, T value) {
        synchronized (list) {
            list.add(value);
        }
    }

    List<Sample> metadata(long fromNanos, long toNanos) {
        return window(metadata, fromNanos, toNanos);
    }

    List<Sample> health(long fromNanos, long toNanos) {
        return window(health, fromNanos, toNanos);
    }

    List<Memory> memory(long fromNanos, long toNanos) {
        synchronized (memory) {
            return memory.stream().filter(m -> m.atNanos() >= fromNanos && m.atNanos() < toNanos).toList();
        }
    }

    private static List<Sample> window(List<Sample> samples, long fromNanos, long toNanos) {
        synchronized (samples) {
            return samples.stream().filter(s -> s.atNanos() >= fromNanos && s.atNanos() < toNanos).toList();
        }
    }

    /**
     * Stops sampling; samples sent within the last timeout are waited for, so a window that ends now is complete.
     */
    @Override
    public void close() throws InterruptedException {
        scheduler.shutdownNow();
        Thread.sleep(TIMEOUT.toMillis() + 500);
    }
}
