package eu.iucplanner.scheduling.rest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import eu.iucplanner.problem.FieldError;
import eu.iucplanner.problem.ProblemException;
import eu.iucplanner.run.rest.RunController;
import eu.iucplanner.run.service.RunLifecycle;
import eu.iucplanner.run.service.RunMetadata;
import eu.iucplanner.run.service.RunViews;
import eu.iucplanner.scheduling.service.ReplanRequest;
import eu.iucplanner.scheduling.service.ScheduleFilter;
import eu.iucplanner.scheduling.service.ScheduleOutputs;
import eu.iucplanner.scheduling.service.ScheduleRunKind;
import eu.iucplanner.scheduling.service.ScheduleRunRequest;
import eu.iucplanner.scheduling.service.ScheduleRunResult;
import eu.iucplanner.scheduling.service.ScheduleRunService;
import eu.iucplanner.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Schedule runs: turn pairs into an exchange calendar, re-plan it, and read it as JSON, CSV or iCalendar (per pair,
 * expert, city or the whole run; and, at a stable URL per pairing run, its current plan); the endpoints every run has
 * (list, metadata, events, stop, purge, duplicate, request, score analysis) come from {@link RunController}.
 */
@RestController
@RequestMapping(ScheduleRunController.PATH)
@Tag(name = "Schedule runs", description = "Plan the pairs' exchange events over the cooperation window.")
public class ScheduleRunController extends RunController {

    static final String PATH = "/api/v1/schedule-runs";
    static final String TEXT_CSV = "text/csv";
    static final String TEXT_CALENDAR = "text/calendar";

    private final ScheduleRunService service;
    private final ScheduleOutputs outputs;

    public ScheduleRunController(RunLifecycle lifecycle, RunViews views, Clock clock, ScheduleRunKind kind,
            ScheduleRunService service, ScheduleOutputs outputs) {
        super(lifecycle, views, clock, kind, PATH);
        this.service = service;
        this.outputs = outputs;
    }

    @Operation(summary = "Submit pairs to schedule", description = "From a pairing run (pairingRunId) or given "
            + "pairs; answers at once (202), the run solves when a solver is free.")
    @ApiResponse(responseCode = "202", description = "The run, stored and queued")
    @ProblemResponses({ 400, 413, 415, 429 })
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<RunMetadata> submit(@RequestBody ScheduleRunRequest request,
            @io.swagger.v3.oas.annotations.Parameter(description = "schedule the pairs of an analyst's pairing run "
                    + "(analysis), which schedules do not build on by default")
            @RequestParam(defaultValue = "false") boolean fromAnalysisRun) {
        return accepted(service.submit(request, fromAnalysisRun));
    }

    @Operation(summary = "Re-plan a schedule after changes (blackouts, leave, cancellations, confirmations)",
            description = "Starts from this run's schedule as published; the new run names this one as its parent. "
                    + "Events of pairs no change touched move only if nothing else works; calendar UIDs stay, "
                    + "SEQUENCE rises on moved events and cancelled ones get STATUS:CANCELLED.")
    @ApiResponse(responseCode = "202", description = "The new run, stored and queued")
    @ProblemResponses({ 400, 404, 409, 413, 415, 429 })
    @PostMapping(path = "/{id}/replan", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<RunMetadata> replan(@PathVariable UUID id, @RequestBody ReplanRequest changes) {
        return accepted(service.replan(id, changes));
    }

    @Operation(summary = "The schedule so far: events and each pair's timeline",
            description = "Filter with pair, expert or city for a pair's timeline or an expert's or city's agenda.")
    @ApiResponse(responseCode = "200", description = "The schedule")
    @ProblemResponses({ 404, 406 })
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ScheduleRunResult get(@PathVariable UUID id, @RequestParam(required = false) String pair,
            @RequestParam(required = false) String expert, @RequestParam(required = false) String city) {
        return outputs.result(id, new ScheduleFilter(pair, expert, city));
    }

    @Override
    protected Object result(UUID id) {
        return outputs.result(id, new ScheduleFilter(null, null, null));
    }

    @Operation(summary = "The schedule as CSV (filters as for JSON)")
    @ApiResponse(responseCode = "200", description = "The schedule as CSV")
    @ProblemResponses({ 404, 406 })
    @GetMapping(path = "/{id}", produces = TEXT_CSV)
    public ResponseEntity<String> getCsv(@PathVariable UUID id, @RequestParam(required = false) String pair,
            @RequestParam(required = false) String expert, @RequestParam(required = false) String city) {
        String body = outputs.csv(id, new ScheduleFilter(pair, expert, city));
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"schedule-" + id + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(body);
    }

    @Operation(summary = "iCalendar (RFC 5545) of a pair, an expert, a city, or (none given) the whole run")
    @ApiResponse(responseCode = "200", description = "An iCalendar file")
    @ProblemResponses({ 400, 404 })
    @GetMapping(path = "/{id}/calendar.ics", produces = TEXT_CALENDAR)
    public ResponseEntity<String> calendar(@PathVariable UUID id, @RequestParam(required = false) String pair,
            @RequestParam(required = false) String expert, @RequestParam(required = false) String city) {
        return calendar(id, new ScheduleFilter(pair, expert, city), "schedule " + id);
    }

    @Operation(summary = "The current plan of a pairing run as iCalendar, at a URL that stays the same",
            description = "Serves the newest schedule run of the pairing run (re-plans included) that has ended "
                    + "without hard violations; subscribe once and every re-plan reaches the calendar. Filters as "
                    + "for a run's calendar.")
    @ApiResponse(responseCode = "200", description = "An iCalendar file")
    @ProblemResponses({ 400, 404 })
    @GetMapping(path = "/current/{pairingRunId}/calendar.ics", produces = TEXT_CALENDAR)
    public ResponseEntity<String> currentCalendar(@PathVariable UUID pairingRunId,
            @RequestParam(required = false) String pair, @RequestParam(required = false) String expert,
            @RequestParam(required = false) String city) {
        return calendar(service.currentRun(pairingRunId), new ScheduleFilter(pair, expert, city),
                "pairing run " + pairingRunId);
    }

    @Operation(summary = "The current plan of a pairing run (JSON, filters as for a run's schedule)")
    @ApiResponse(responseCode = "200", description = "The schedule")
    @ProblemResponses({ 404, 406 })
    @GetMapping(path = "/current/{pairingRunId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ScheduleRunResult current(@PathVariable UUID pairingRunId, @RequestParam(required = false) String pair,
            @RequestParam(required = false) String expert, @RequestParam(required = false) String city) {
        return outputs.result(service.currentRun(pairingRunId), new ScheduleFilter(pair, expert, city));
    }

    private ResponseEntity<String> calendar(UUID id, ScheduleFilter filter, String of) {
        if (filter.given() > 1) {
            throw ProblemException.invalid(List.of(new FieldError("pair",
                    "give at most one of pair, expert or city (none for the whole run)")));
        }
        String title = filter.pairId() != null ? "Pair " + filter.pairId()
                : filter.expertId() != null ? "Expert " + filter.expertId()
                : filter.cityId() != null ? "City " + filter.cityId() : "Exchange schedule, " + of;
        String body = outputs.ics(id, filter, title);
        String file = (filter.pairId() != null ? "pair-" + filter.pairId()
                : filter.expertId() != null ? "expert-" + filter.expertId()
                : filter.cityId() != null ? "city-" + filter.cityId() : "schedule-" + id)
                .replaceAll("[^A-Za-z0-9._-]", "_");
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"" + file + ".ics\"")
                .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8)).body(body);
    }
}
