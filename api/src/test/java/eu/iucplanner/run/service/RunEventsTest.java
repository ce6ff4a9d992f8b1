package eu.iucplanner.run.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import eu.iucplanner.run.persistence.RunStatus;

/**
 * The event streams' ordering and races, reproduced deterministically with latches: a subscriber that registers while
 * the final status is being published is closed, not left open; a slow client never holds up the publisher (the
 * solver thread); a late subscriber gets the current status and best score, then every later event.
 */
class RunEventsTest {

    private final RunEvents events = new RunEvents();
    private final UUID runId = UUID.randomUUID();

    @AfterEach
    void stop() {
        events.stop();
    }

    @Test
    void aSubscriberRegisteringWhileTheFinalStatusIsPublishedIsClosedNotLeftOpen() throws Exception {
        RecordingSink sink = new RecordingSink();
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch published = new CountDownLatch(1);
        Thread subscriber = new Thread(() -> events.subscribe(runId, sink, () -> {
            // The subscriber has read the run as SOLVING; the final status is published before it is registered.
            reading.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> published.getCount() == 0 || publisherBlocked());
            return metadata(RunStatus.SOLVING, 3, null);
        }));
        subscriber.start();
        assertThat(reading.await(30, TimeUnit.SECONDS)).isTrue();
        publisher = new Thread(() -> {
            events.status(metadata(RunStatus.COMPLETED, 4, "0hard/0medium/10soft"));
            published.countDown();
        });
        publisher.start();
        subscriber.join(30_000);
        publisher.join(30_000);
        assertThat(published.getCount()).isZero();
        await().atMost(Duration.ofSeconds(30)).until(sink::completed);
        assertThat(sink.names()).containsExactly("status", "status");
        assertThat(sink.events.get(1)).asString().contains("COMPLETED");
        assertThat(events.openStreams()).isZero();
    }

    private volatile Thread publisher;

    private boolean publisherBlocked() {
        Thread thread = publisher;
        return thread != null && (thread.getState() == Thread.State.BLOCKED || !thread.isAlive());
    }

    @Test
    void aSlowClientNeverHoldsUpThePublisher() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RecordingSink slow = new RecordingSink(release);
        RecordingSink fast = new RecordingSink();
        events.subscribe(runId, slow, () -> metadata(RunStatus.SOLVING, 1, null));
        events.subscribe(runId, fast, () -> metadata(RunStatus.SOLVING, 1, null));
        // The slow client blocks in its first write; the publisher (the solver thread) goes on regardless.
        Thread solver = new Thread(() -> {
            for (int i = 1; i <= 50; i++) {
                events.bestSolution(new BestSolutionEvent(runId, "0hard/0medium/" + i + "soft", true, Map.of()));
            }
            events.status(metadata(RunStatus.COMPLETED, 2, "0hard/0medium/50soft"));
        });
        solver.start();
        solver.join(30_000);
        assertThat(solver.isAlive()).as("the publisher finished while a client was stuck").isFalse();
        assertThat(release.getCount()).as("the slow client is still stuck").isOne();
        await().atMost(Duration.ofSeconds(30)).until(fast::completed);
        assertThat(fast.names()).hasSize(52).startsWith("status").endsWith("status");
        release.countDown();
        await().atMost(Duration.ofSeconds(30)).until(slow::completed);
        assertThat(slow.names()).isEqualTo(fast.names());
    }

    @Test
    void aLateSubscriberGetsTheCurrentStatusAndBestScoreThenEveryLaterEventInOrder() {
        RecordingSink sink = new RecordingSink();
        events.subscribe(runId, sink, () -> metadata(RunStatus.SOLVING, 5, "0hard/-3medium/100soft"));
        events.status(metadata(RunStatus.SOLVING, 5, "0hard/-3medium/100soft"));
        events.bestSolution(new BestSolutionEvent(runId, "0hard/-2medium/90soft", true, Map.of("pairCount", 7)));
        events.status(metadata(RunStatus.TERMINATED, 6, "0hard/-2medium/90soft"));
        await().atMost(Duration.ofSeconds(30)).until(sink::completed);
        assertThat(sink.names()).containsExactly("status", "best-solution", "best-solution", "status");
        assertThat(sink.events.get(1)).asString().contains("100soft");
        assertThat(sink.events.get(2)).asString().contains("90soft").contains("pairCount=7");
        assertThat(sink.events.get(3)).asString().contains("TERMINATED");
    }

    @Test
    void aStreamOnAFinishedRunSendsItsStateAndClosesAtOnce() {
        RecordingSink sink = new RecordingSink();
        events.subscribe(runId, sink, () -> metadata(RunStatus.COMPLETED, 9, "0hard/0medium/5soft"));
        await().atMost(Duration.ofSeconds(30)).until(sink::completed);
        assertThat(sink.names()).containsExactly("status", "best-solution", "status");
        assertThat(events.openStreams()).isZero();
    }

    @Test
    void stoppingTheServiceClosesEveryOpenStream() {
        RecordingSink sink = new RecordingSink();
        events.subscribe(runId, sink, () -> metadata(RunStatus.SOLVING, 1, null));
        assertThat(events.openStreams()).isOne();
        events.stop();
        await().atMost(Duration.ofSeconds(30)).until(sink::completed);
        assertThat(events.openStreams()).isZero();
    }

    private RunMetadata metadata(RunStatus status, long version, String score) {
        OffsetDateTime now = OffsetDateTime.now();
        return new RunMetadata(runId, "pairing", "test", status, now, now, status.isFinal() ? now : null, score,
                score == null ? null : true, null, null, null, null, null, null, null, null, null, null, Map.of(),
                version);
    }

    /** Records what a client would receive; optionally blocks in its first send, like a client that reads nothing. */
    private static final class RecordingSink implements EventSink {
        private final List<Object> events = new CopyOnWriteArrayList<>();
        private final List<String> names = new CopyOnWriteArrayList<>();
        private final CountDownLatch blockFirst;
        private final AtomicBoolean completed = new AtomicBoolean();

        RecordingSink() {
            this(null);
        }

        RecordingSink(CountDownLatch blockFirst) {
            this.blockFirst = blockFirst;
        }

        @Override
        public void send(String name, Object data) {
            if (blockFirst != null && names.isEmpty()) {
                try {
                    blockFirst.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            names.add(name);
            events.add(data);
        }

        @Override
        public void complete() {
            completed.set(true);
        }

        boolean completed() {
            return completed.get();
        }

        List<String> names() {
            return names;
        }
    }
}
