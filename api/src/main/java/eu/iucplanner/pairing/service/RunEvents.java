package eu.iucplanner.pairing.service;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import eu.iucplanner.web.RunMetadata;

/**
 * Server-Sent Events of the runs (pairing and scheduling; ids are unique across both): a {@code status} event with the
 * run's metadata whenever its status changes, and a {@code best-solution} event with the new score whenever the solver
 * finds a better solution. A stream opens with the current status (and the current best score, if any), so a late
 * subscriber misses nothing that matters, and ends after the run's final status.
 */
@Component
public class RunEvents {

    public static final String STATUS = "status";
    public static final String BEST_SOLUTION = "best-solution";
    private static final Duration STREAM_TIMEOUT = Duration.ofHours(1);

    /** The payload of a pairing run's {@code best-solution} event. */
    public record BestSolutionEvent(UUID runId, String score, boolean feasible, int pairCount) {
    }

    /** One open stream; events that arrive before its opening events are sent are queued, so the order holds. */
    private static final class Subscriber {
        private final SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        private final List<Object[]> queued = new ArrayList<>();
        private boolean open;
    }

    private final Map<UUID, List<Subscriber>> subscribers = new ConcurrentHashMap<>();

    /**
     * A stream for one run. The subscriber is registered before the current metadata is read, so no event between
     * the two is lost.
     */
    public SseEmitter subscribe(UUID runId, Supplier<? extends RunMetadata> current) {
        Subscriber subscriber = new Subscriber();
        List<Subscriber> list = subscribers.computeIfAbsent(runId, id -> new CopyOnWriteArrayList<>());
        list.add(subscriber);
        Runnable remove = () -> list.remove(subscriber);
        subscriber.emitter.onCompletion(remove);
        subscriber.emitter.onTimeout(remove);
        subscriber.emitter.onError(error -> remove.run());
        RunMetadata metadata = current.get();
        synchronized (subscriber) {
            send(subscriber.emitter, STATUS, metadata);
            Object best = metadata.bestSolutionEvent();
            if (best != null) {
                send(subscriber.emitter, BEST_SOLUTION, best);
            }
            for (Object[] event : subscriber.queued) {
                send(subscriber.emitter, (String) event[0], event[1]);
            }
            subscriber.queued.clear();
            subscriber.open = true;
            if (metadata.status().isFinal()) {
                list.remove(subscriber);
                subscriber.emitter.complete();
            }
        }
        return subscriber.emitter;
    }

    public void status(RunMetadata metadata) {
        for (Subscriber subscriber : subscribers.getOrDefault(metadata.id(), List.of())) {
            synchronized (subscriber) {
                if (!subscriber.open) {
                    subscriber.queued.add(new Object[] { STATUS, metadata });
                    continue;
                }
                send(subscriber.emitter, STATUS, metadata);
                if (metadata.status().isFinal()) {
                    subscriber.emitter.complete();
                }
            }
        }
        if (metadata.status().isFinal()) {
            subscribers.remove(metadata.id());
        }
    }

    public void bestSolution(BestSolutionEvent event) {
        bestSolution(event.runId(), event);
    }

    /** A {@code best-solution} event with any payload (scheduling runs send their own). */
    public void bestSolution(UUID runId, Object payload) {
        for (Subscriber subscriber : subscribers.getOrDefault(runId, List.of())) {
            synchronized (subscriber) {
                if (!subscriber.open) {
                    subscriber.queued.add(new Object[] { BEST_SOLUTION, payload });
                } else {
                    send(subscriber.emitter, BEST_SOLUTION, payload);
                }
            }
        }
    }

    private static void send(SseEmitter emitter, String name, Object data) {
        try {
            emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            // The client went away; its subscriber is removed by the completion callback.
            emitter.completeWithError(e);
        }
    }
}
