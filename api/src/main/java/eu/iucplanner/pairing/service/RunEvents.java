package eu.iucplanner.pairing.service;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import eu.iucplanner.web.RunMetadata;

/**
 * Server-Sent Events of the runs (pairing and scheduling; ids are unique across both): a {@code status} event with the run's metadata whenever its status changes, and a
 * {@code best-solution} event with the new score whenever the solver finds a better solution. A stream ends after the
 * run's final status.
 */
@Component
public class RunEvents {

    public static final String STATUS = "status";
    public static final String BEST_SOLUTION = "best-solution";
    private static final Duration STREAM_TIMEOUT = Duration.ofHours(1);

    /** The payload of a {@code best-solution} event. */
    public record BestSolutionEvent(UUID runId, String score, boolean feasible, int pairCount) {
    }

    private final Map<UUID, List<SseEmitter>> emitters = new ConcurrentHashMap<>();

    /** A stream for one run, opened with the run's current metadata; closed at once when the run has ended. */
    public SseEmitter subscribe(RunMetadata current) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        List<SseEmitter> list = emitters.computeIfAbsent(current.id(), id -> new CopyOnWriteArrayList<>());
        list.add(emitter);
        Runnable remove = () -> list.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(error -> remove.run());
        send(emitter, STATUS, current);
        if (current.status().isFinal()) {
            list.remove(emitter);
            emitter.complete();
        }
        return emitter;
    }

    public void status(RunMetadata metadata) {
        List<SseEmitter> list = emitters.getOrDefault(metadata.id(), List.of());
        for (SseEmitter emitter : list) {
            send(emitter, STATUS, metadata);
            if (metadata.status().isFinal()) {
                emitter.complete();
            }
        }
        if (metadata.status().isFinal()) {
            emitters.remove(metadata.id());
        }
    }

    public void bestSolution(BestSolutionEvent event) {
        bestSolution(event.runId(), event);
    }

    /** A {@code best-solution} event with any payload (scheduling runs send their own). */
    public void bestSolution(UUID runId, Object payload) {
        for (SseEmitter emitter : emitters.getOrDefault(runId, List.of())) {
            send(emitter, BEST_SOLUTION, payload);
        }
    }

    private static void send(SseEmitter emitter, String name, Object data) {
        try {
            emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            // The client went away; its emitter is removed by its completion callback.
            emitter.completeWithError(e);
        }
    }
}
