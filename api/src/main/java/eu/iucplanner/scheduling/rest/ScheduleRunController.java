package eu.iucplanner.scheduling.rest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;
import eu.iucplanner.pairing.rest.PageView;
import eu.iucplanner.pairing.rest.ScoreAnalysisView;
import eu.iucplanner.pairing.service.RunEvents;
import eu.iucplanner.scheduling.domain.ExchangeSchedule;
import eu.iucplanner.scheduling.persistence.ScheduleRun;
import eu.iucplanner.scheduling.service.ScheduleOutputs;
import eu.iucplanner.scheduling.service.ScheduleRunService;
import eu.iucplanner.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Scheduling runs: turn pairs into an exchange calendar, follow the run, read it as JSON, CSV or iCalendar. */
@RestController
@RequestMapping("/api/v1/schedule-runs")
@Tag(name = "Schedule runs", description = "Plan the pairs' exchange events over the cooperation window.")
public class ScheduleRunController {

    static final String TEXT_CSV = "text/csv";
    static final String TEXT_CALENDAR = "text/calendar";

    private final ScheduleRunService service;
    private final ScheduleOutputs outputs;
    private final RunEvents events;
    private final SolutionManager<ExchangeSchedule, HardSoftLongScore> solutionManager;

    public ScheduleRunController(ScheduleRunService service, ScheduleOutputs outputs, RunEvents events,
            SolutionManager<ExchangeSchedule, HardSoftLongScore> solutionManager) {
        this.service = service;
        this.outputs = outputs;
        this.events = events;
        this.solutionManager = solutionManager;
    }

    @Operation(summary = "Submit pairs to schedule", description = "From a completed pairing run (pairingRunId) or "
            + "given pairs; answers at once, the run solves when a solver is free.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ScheduleRunMetadata> submit(@RequestBody ScheduleRunRequest request) {
        ScheduleRun run = service.submit(request);
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/schedule-runs/{id}")
                .buildAndExpand(run.id()).toUri();
        return ResponseEntity.accepted().location(location).body(ScheduleRunMetadata.of(run));
    }

    @Operation(summary = "List runs, newest first")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public PageView<ScheduleRunMetadata> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > 200) {
            throw ApiException.invalid(page < 0 ? "page" : "size", page < 0 ? "must be 0 or more"
                    : "must be from 1 to 200");
        }
        Page<ScheduleRun> runs = service.list(PageRequest.of(page, size));
        return new PageView<>(runs.getContent().stream().map(ScheduleRunMetadata::of).toList(), page, size,
                runs.getTotalElements(), runs.getTotalPages());
    }

    @Operation(summary = "The schedule so far: events and each pair's timeline",
            description = "Filter with pair, expert or city for a pair's timeline or an expert's or city's agenda.")
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ScheduleRunResult get(@PathVariable UUID id, @RequestParam(required = false) String pair,
            @RequestParam(required = false) String expert, @RequestParam(required = false) String city) {
        return outputs.result(service.get(id), ScheduleOutputs.filter(pair, expert, city));
    }

    @Operation(summary = "The schedule as CSV (filters as for JSON)")
    @GetMapping(path = "/{id}", produces = TEXT_CSV)
    public ResponseEntity<String> getCsv(@PathVariable UUID id, @RequestParam(required = false) String pair,
            @RequestParam(required = false) String expert, @RequestParam(required = false) String city) {
        String body = outputs.csv(service.get(id), ScheduleOutputs.filter(pair, expert, city));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(body);
    }

    @Operation(summary = "iCalendar (RFC 5545) of a pair, an expert or a city")
    @GetMapping(path = "/{id}/calendar.ics", produces = TEXT_CALENDAR)
    public ResponseEntity<String> calendar(@PathVariable UUID id, @RequestParam(required = false) String pair,
            @RequestParam(required = false) String expert, @RequestParam(required = false) String city) {
        long given = java.util.stream.Stream.of(pair, expert, city).filter(value -> value != null).count();
        if (given != 1) {
            throw ApiException.invalid(List.of(new eu.iucplanner.web.FieldErrorView("pair",
                    "give exactly one of pair, expert or city")));
        }
        String title = pair != null ? "Pair " + pair : expert != null ? "Expert " + expert : "City " + city;
        String body = outputs.ics(service.get(id), ScheduleOutputs.filter(pair, expert, city), title);
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"schedule-" + id + ".ics\"")
                .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8)).body(body);
    }

    @Operation(summary = "A run's status, score and statistics (cheap to poll)")
    @GetMapping(path = "/{id}/metadata", produces = MediaType.APPLICATION_JSON_VALUE)
    public ScheduleRunMetadata metadata(@PathVariable UUID id) {
        return ScheduleRunMetadata.of(service.get(id));
    }

    @Operation(summary = "The schedule's score by constraint, with every match")
    @GetMapping(path = "/{id}/score-analysis", produces = MediaType.APPLICATION_JSON_VALUE)
    public ScoreAnalysisView scoreAnalysis(@PathVariable UUID id) {
        ExchangeSchedule schedule = outputs.schedule(service.get(id));
        ScoreAnalysis<HardSoftLongScore> analysis = solutionManager.analyze(schedule,
                ScoreAnalysisFetchPolicy.FETCH_ALL);
        return new ScoreAnalysisView(analysis.score().toString(), analysis.constraintAnalyses().stream()
                .map(constraint -> new ScoreAnalysisView.ConstraintView(constraint.constraintName(),
                        constraint.weight().toString(), constraint.score().toString(), constraint.matchCount(),
                        (constraint.matches() == null ? List.<ai.timefold.solver.core.api.score.analysis.MatchAnalysis<
                                HardSoftLongScore>>of() : constraint.matches()).stream()
                                .map(match -> new ScoreAnalysisView.MatchView(match.score().toString(),
                                        match.justification()))
                                .toList()))
                .toList());
    }

    @Operation(summary = "Server-Sent Events: status changes and new best scores")
    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter events(@PathVariable UUID id) {
        service.get(id);
        return events.subscribe(id, () -> ScheduleRunMetadata.of(service.get(id)));
    }

    @Operation(summary = "Stop solving early, keeping the best schedule found")
    @DeleteMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ScheduleRunMetadata terminate(@PathVariable UUID id) {
        return ScheduleRunMetadata.of(service.terminate(id));
    }
}
