package eu.iucplanner.run.rest;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import eu.iucplanner.run.persistence.RunStatus;
import eu.iucplanner.run.service.EventSink;
import eu.iucplanner.run.service.RunEnded;
import eu.iucplanner.run.service.RunEvents;
import eu.iucplanner.run.service.RunKind;
import eu.iucplanner.run.service.RunLifecycle;
import eu.iucplanner.run.service.RunMetadata;
import eu.iucplanner.run.service.RunViews;
import eu.iucplanner.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * The endpoints every kind of run has, under the kind's own path: list, metadata, event stream, stop, purge,
 * duplicate, the stored request and the score analysis. A kind's controller extends this one and adds what is its
 * own (submission, results, exports).
 */
public abstract class RunController {

    /** How long an event stream stays open at most; a client reconnects after it. */
    static final Duration STREAM_TIMEOUT = Duration.ofHours(1);
    static final int MAX_PAGE_SIZE = 200;

    protected final RunLifecycle lifecycle;
    protected final RunViews views;
    private final Clock clock;
    private final RunKind<?, ?, ?> kind;
    private final String basePath;

    protected RunController(RunLifecycle lifecycle, RunViews views, Clock clock, RunKind<?, ?, ?> kind,
            String basePath) {
        this.lifecycle = lifecycle;
        this.views = views;
        this.clock = clock;
        this.kind = kind;
        this.basePath = basePath;
    }

    @Operation(summary = "List runs, newest first", description = "Filter by one or more statuses.")
    @ApiResponse(responseCode = "200", description = "One page of runs")
    @ProblemResponses({ 400 })
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public PageView<RunMetadata> list(
            @Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0") @Min(value = 0,
                    message = "must be 0 or more") int page,
            @Parameter(description = "page size, 1 to 200") @RequestParam(defaultValue = "20") @Min(value = 1,
                    message = "must be from 1 to 200") @Max(value = MAX_PAGE_SIZE,
                            message = "must be from 1 to 200") int size,
            @Parameter(description = "only runs in these statuses") @RequestParam(required = false)
            @Size(max = 6) List<RunStatus> status) {
        Page<RunMetadata> runs = lifecycle.list(kind, status, page, size);
        return new PageView<>(runs.getContent(), page, size, runs.getTotalElements(), runs.getTotalPages());
    }

    @Operation(summary = "A run's status, score and counts (cheap to poll)")
    @ApiResponse(responseCode = "200", description = "The run's metadata")
    @ProblemResponses({ 404 })
    @GetMapping(path = "/{id}/metadata", produces = MediaType.APPLICATION_JSON_VALUE)
    public RunMetadata metadata(@PathVariable UUID id) {
        return lifecycle.metadata(kind, id);
    }

    @Operation(summary = "Server-Sent Events: status changes and new best scores",
            description = "Opens with the current 'status' (and 'best-solution' when there is one); later events "
                    + "follow in order; the stream ends with the final 'status' event.")
    @ApiResponse(responseCode = "200", description = "The event stream")
    @ProblemResponses({ 404 })
    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter events(@PathVariable UUID id) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        RunEvents.Subscription subscription = lifecycle.subscribe(kind, id, new EventSink() {
            @Override
            public void send(String name, Object data) throws IOException {
                emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
            }

            @Override
            public void complete() {
                emitter.complete();
            }
        });
        emitter.onCompletion(subscription::cancel);
        emitter.onTimeout(subscription::cancel);
        emitter.onError(error -> subscription.cancel());
        return emitter;
    }

    @Operation(summary = "Stop solving early, keeping the best solution found",
            description = "Answers at once (202) without waiting for the solver: a waiting run ends TERMINATED at "
                    + "once; a solving run stores its best solution and ends TERMINATED within a second or two. A "
                    + "run that has ended is returned as it is (200).")
    @ApiResponse(responseCode = "202", description = "Stopping: the run ends TERMINATED shortly")
    @ApiResponse(responseCode = "200", description = "The run had ended already")
    @ProblemResponses({ 404 })
    @DeleteMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<RunMetadata> stop(@PathVariable UUID id) {
        RunMetadata before = lifecycle.metadata(kind, id);
        if (before.status().isFinal()) {
            return ResponseEntity.ok(before);
        }
        return ResponseEntity.accepted().body(lifecycle.stop(kind, id));
    }

    @Operation(summary = "Remove a finished run and its documents for good",
            description = "409 while it is not finished, or while runs built from it (reruns, re-plans, duplicates, "
                    + "schedules) exist.")
    @ApiResponse(responseCode = "204", description = "Removed for good")
    @ProblemResponses({ 404, 409 })
    @PostMapping(path = "/{id}/purge")
    public ResponseEntity<Void> purge(@PathVariable UUID id) {
        lifecycle.purge(kind, id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "A new run from this run's stored request, as it was stored",
            description = "The new run names this one as its parent.")
    @ApiResponse(responseCode = "202", description = "The new run, stored and queued")
    @ProblemResponses({ 400, 404, 429 })
    @PostMapping(path = "/{id}/duplicate", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<RunMetadata> duplicate(@PathVariable UUID id,
            @Parameter(description = "the new run's name; default: this run's name with (copy)")
            @RequestParam(required = false) @Size(max = 200, message = "must be at most 200 characters")
            @eu.iucplanner.validation.PlainText String name) {
        return accepted(lifecycle.duplicate(kind, id, name));
    }

    @Operation(summary = "The request as it was stored")
    @ApiResponse(responseCode = "200", description = "The stored request")
    @ProblemResponses({ 404 })
    @GetMapping(path = "/{id}/request", produces = MediaType.APPLICATION_JSON_VALUE)
    public Object request(@PathVariable UUID id) {
        return lifecycle.visibleRequest(kind, id);
    }

    /** Computes and stores the result and the score analysis of a run of this kind that just ended here. */
    @org.springframework.context.event.EventListener
    public void ended(RunEnded ended) {
        if (ended.kind().equals(kind.name())) {
            views.warm(ended.runId(), () -> {
                result(ended.runId());
                scoreAnalysis(ended.runId());
            });
        }
    }

    @Operation(summary = "The best solution's score by constraint, with every match")
    @ApiResponse(responseCode = "200", description = "The score by constraint")
    @ProblemResponses({ 404 })
    @GetMapping(path = "/{id}/score-analysis", produces = MediaType.APPLICATION_JSON_VALUE)
    public ScoreAnalysisView scoreAnalysis(@PathVariable UUID id) {
        return views.of(lifecycle.metadata(kind, id), "score-analysis", ScoreAnalysisView.class,
                () -> ScoreAnalysisView.of(analyze(kind, id)));
    }

    @Operation(summary = "The whole run in one JSON document: metadata, request, result and score analysis",
            description = "For a data subject's or an archive's request before the run is removed for good (purge). "
                    + "Personal data are included only for roles that may see them; every export is audited.")
    @ApiResponse(responseCode = "200", description = "The run, whole")
    @ProblemResponses({ 404 })
    @GetMapping(path = "/{id}/export", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<RunExport> export(@PathVariable UUID id) {
        RunMetadata run = lifecycle.metadata(kind, id);
        RunExport export = new RunExport(clock.instant(), run, lifecycle.visibleRequest(kind, id),
                result(id), run.status() == RunStatus.FAILED || !hasSolution(run) ? null : scoreAnalysis(id));
        lifecycle.exported(kind, id);
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"" + kind.name() + "-run-" + id + ".json\"")
                .body(export);
    }

    /**
     * A run exported whole.
     *
     * @param exportedAt    when
     * @param run           its metadata
     * @param request       the stored request (without personal data for roles that may not see them)
     * @param result        the kind's result view of its best solution
     * @param scoreAnalysis the best solution's score by constraint; absent before the first solution
     */
    public record RunExport(java.time.Instant exportedAt, RunMetadata run, Object request, Object result,
            ScoreAnalysisView scoreAnalysis) {
    }

    /** The kind's result view of a run, as its GET answers it (for the export). */
    protected abstract Object result(UUID id);

    private static boolean hasSolution(RunMetadata run) {
        return run.score() != null;
    }

    private <S> ai.timefold.solver.core.api.score.analysis.ScoreAnalysis<?> analyze(RunKind<?, S, ?> runKind,
            UUID id) {
        return runKind.analyze(lifecycle.solution(runKind, id));
    }

    /** The kind this controller serves. */
    protected RunKind<?, ?, ?> kindOf() {
        return kind;
    }

    /** 202 Accepted with the new run's location and metadata. */
    protected ResponseEntity<RunMetadata> accepted(RunMetadata run) {
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path(basePath + "/{id}")
                .buildAndExpand(run.id()).toUri();
        return ResponseEntity.accepted().location(location).body(run);
    }
}
