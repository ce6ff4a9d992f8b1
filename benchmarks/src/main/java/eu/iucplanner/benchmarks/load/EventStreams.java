package eu.iucplanner.benchmarks.load;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Server-Sent Event streams on one run, each on its own connection and with the token, counting events until the
 * server ends them.
 */
final class EventStreams {

    /** One stream: when it opened (headers), its status, its events, when and how it ended. */
    static final class Stream implements Flow.Subscriber<String> {
        final long sentNanos = System.nanoTime();
        volatile long openedNanos;
        volatile int status;
        volatile long closedNanos;
        volatile Throwable failure;
        volatile String lastRunStatus;
        final AtomicInteger events = new AtomicInteger();
        private volatile String currentEvent;
        private volatile Flow.Subscription subscription;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith("event:")) {
                currentEvent = line.substring(6).strip();
                events.incrementAndGet();
            } else if (line.startsWith("data:") && "status".equals(currentEvent)) {
                Api.stringField(line, "status").ifPresent(value -> lastRunStatus = value);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            failure = throwable;
            closedNanos = System.nanoTime();
        }

        @Override
        public void onComplete() {
            closedNanos = System.nanoTime();
        }

        boolean open() {
            return status == 200 && closedNanos == 0;
        }

        boolean closed() {
            return closedNanos != 0;
        }

        void cancel() {
            Flow.Subscription current = subscription;
            if (current != null) {
                current.cancel();
            }
        }
    }

    private final List<Stream> streams = new ArrayList<>();
    private final List<CompletableFuture<?>> responses = new ArrayList<>();
    private final HttpClient client = Api.newClient();

    /** Opens {@code count} streams at once on a path of the API port, each with the token. */
    static EventStreams open(Api api, String path, int count) {
        EventStreams result = new EventStreams();
        HttpRequest request = api.authorized(api.api(path), Duration.ofSeconds(30))
                .header("Accept", "text/event-stream").GET().build();
        for (int i = 0; i < count; i++) {
            Stream stream = new Stream();
            result.streams.add(stream);
            result.responses.add(result.client.sendAsync(request, info -> {
                stream.status = info.statusCode();
                stream.openedNanos = System.nanoTime();
                return HttpResponse.BodySubscribers.fromLineSubscriber(stream);
            }).whenComplete((response, failure) -> {
                if (failure != null && stream.closedNanos == 0) {
                    stream.failure = failure;
                    stream.closedNanos = System.nanoTime();
                }
            }));
        }
        return result;
    }

    List<Stream> streams() {
        return streams;
    }

    /** How many answered 200 and are open. */
    int openCount() {
        return (int) streams.stream().filter(Stream::open).count();
    }

    /** The requests to open them as samples: 200 expected, latency until the headers came. */
    List<Sample> openingSamples() {
        return streams.stream().map(stream -> {
            if (stream.openedNanos != 0) {
                return Sample.answered(stream.sentNanos, stream.openedNanos - stream.sentNanos, stream.status,
                        stream.status == 200);
            }
            long end = stream.closedNanos == 0 ? System.nanoTime() : stream.closedNanos;
            Sample.Outcome outcome = stream.failure instanceof java.net.http.HttpTimeoutException
                    || stream.failure != null && stream.failure.getCause() instanceof java.net.http.HttpTimeoutException
                    ? Sample.Outcome.TIMEOUT : Sample.Outcome.ERROR;
            return new Sample(stream.sentNanos, end - stream.sentNanos, outcome, 0);
        }).toList();
    }

    /** Closes every stream still open from this side. */
    void cancelAll() {
        streams.forEach(Stream::cancel);
        responses.forEach(response -> response.cancel(true));
    }
}
