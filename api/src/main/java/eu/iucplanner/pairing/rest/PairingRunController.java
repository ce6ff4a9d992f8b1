package eu.iucplanner.pairing.rest;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

import eu.iucplanner.pairing.domain.ProgrammeRegion;
import eu.iucplanner.pairing.persistence.PairingRun;
import eu.iucplanner.pairing.service.ApplicantCsvReader;
import eu.iucplanner.pairing.service.PairingResults;
import eu.iucplanner.pairing.service.PairingRunService;
import eu.iucplanner.pairing.service.RunEvents;
import eu.iucplanner.web.ApiException;
import eu.iucplanner.web.FieldErrorView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Pairing runs: submit a pool, follow the run, read and explain its pairs, stop it, ask what-if. */
@RestController
@RequestMapping("/api/v1/pairing-runs")
@Tag(name = "Pairing runs", description = "Pair the applicants of a call, asynchronously.")
public class PairingRunController {

    static final String TEXT_CSV = "text/csv";
    private static final int MAX_PAGE_SIZE = 200;

    private final PairingRunService service;
    private final PairingResults results;
    private final RunEvents events;

    public PairingRunController(PairingRunService service, PairingResults results, RunEvents events) {
        this.service = service;
        this.results = results;
        this.events = events;
    }

    @Operation(summary = "Submit a pool to pair",
            description = "Stores the request and answers at once; the run solves when a solver is free.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<PairingRunMetadata> submit(@RequestBody PairingRunRequest request) {
        return accepted(service.submit(request));
    }

    @Operation(summary = "Submit a pool as CSV",
            description = "One applicant a row; columns " + "id, name, country, region, kind, population, members, "
                    + "lead_authority_contact, languages, challenges, preferred_partner_regions, committed_months, "
                    + "max_partners, covenant_signatory, excluded_partners, latitude, longitude. Lists use ';', "
                    + "members 'name:population', challenges 'theme:priority'. The call's rules and termination "
                    + "come from the query parameters.")
    @PostMapping(consumes = TEXT_CSV, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<PairingRunMetadata> submitCsv(@RequestBody(required = false) String csv,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) Long populationThreshold,
            @RequestParam(required = false) Integer minimumCommitmentMonths,
            @Parameter(description = "country:region, e.g. MX:NORTH_AMERICA") @RequestParam(required = false)
            List<String> movedCountry,
            @Parameter(description = "region:pairs, e.g. ASIA:5") @RequestParam(required = false)
            List<String> targetPairs,
            @Parameter(description = "ISO-8601, e.g. PT30S") @RequestParam(required = false) String spentLimit,
            @Parameter(description = "ISO-8601, e.g. PT5S") @RequestParam(required = false)
            String unimprovedSpentLimit) {
        List<FieldErrorView> errors = new ArrayList<>();
        Duration spent = duration("spentLimit", spentLimit, errors);
        Duration unimproved = duration("unimprovedSpentLimit", unimprovedSpentLimit, errors);
        Map<String, ProgrammeRegion> moved = new LinkedHashMap<>();
        for (String entry : movedCountry == null ? List.<String>of() : movedCountry) {
            String[] parts = entry.split(":", 2);
            ProgrammeRegion region = parts.length == 2 ? region(parts[1]) : null;
            if (region == null) {
                errors.add(new FieldErrorView("movedCountry", "'" + entry + "' is not country:REGION, e.g. "
                        + "MX:NORTH_AMERICA"));
            } else {
                moved.put(parts[0], region);
            }
        }
        Map<ProgrammeRegion, Integer> targets = new EnumMap<>(ProgrammeRegion.class);
        for (String entry : targetPairs == null ? List.<String>of() : targetPairs) {
            String[] parts = entry.split(":", 2);
            ProgrammeRegion region = parts.length == 2 ? region(parts[0]) : null;
            Integer count = parts.length == 2 ? integer(parts[1]) : null;
            if (region == null || count == null) {
                errors.add(new FieldErrorView("targetPairs", "'" + entry + "' is not REGION:pairs, e.g. ASIA:5"));
            } else {
                targets.put(region, count);
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        CallRulesDto call = new CallRulesDto(name, populationThreshold, minimumCommitmentMonths, null,
                moved.isEmpty() ? null : moved, null, targets.isEmpty() ? null : targets);
        TerminationDto termination = spent == null && unimproved == null ? null
                : new TerminationDto(spent, unimproved);
        PairingRunRequest request = new PairingRunRequest(name, call, ApplicantCsvReader.read(csv), null,
                termination, null, null);
        return accepted(service.submit(request));
    }

    @Operation(summary = "List runs, newest first")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public PageView<PairingRunMetadata> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        List<FieldErrorView> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new FieldErrorView("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            errors.add(new FieldErrorView("size", "must be from 1 to " + MAX_PAGE_SIZE));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Page<PairingRun> runs = service.list(PageRequest.of(page, size));
        return new PageView<>(runs.getContent().stream().map(PairingRunMetadata::of).toList(), page, size,
                runs.getTotalElements(), runs.getTotalPages());
    }

    @Operation(summary = "A run with its best solution so far, explained",
            description = "Each pair with its per-constraint score contributions and their sentences; eligible "
                    + "applicants left with open places and why; ineligible applicants with every reason.")
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public PairingRunResult get(@PathVariable UUID id) {
        return results.result(service.get(id));
    }

    @Operation(summary = "A run's pairs as CSV")
    @GetMapping(path = "/{id}", produces = TEXT_CSV)
    public ResponseEntity<String> getCsv(@PathVariable UUID id) {
        PairingRun run = service.get(id);
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"pairing-run-" + id + ".csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(results.csv(run));
    }

    @Operation(summary = "A run's status, score and statistics (cheap to poll)")
    @GetMapping(path = "/{id}/metadata", produces = MediaType.APPLICATION_JSON_VALUE)
    public PairingRunMetadata metadata(@PathVariable UUID id) {
        return PairingRunMetadata.of(service.get(id));
    }

    @Operation(summary = "The best solution's score by constraint, with every match")
    @GetMapping(path = "/{id}/score-analysis", produces = MediaType.APPLICATION_JSON_VALUE)
    public ScoreAnalysisView scoreAnalysis(@PathVariable UUID id) {
        return results.scoreAnalysis(service.get(id));
    }

    @Operation(summary = "Server-Sent Events: status changes and new best scores",
            description = "Opens with a 'status' event; 'best-solution' events follow each improvement; the "
                    + "stream ends after the final status.")
    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter events(@PathVariable UUID id) {
        service.get(id);
        return events.subscribe(id, () -> PairingRunMetadata.of(service.get(id)));
    }

    @Operation(summary = "Stop solving early, keeping the best solution found")
    @DeleteMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public PairingRunMetadata terminate(@PathVariable UUID id) {
        return PairingRunMetadata.of(service.terminate(id));
    }

    @Operation(summary = "The best partners for one applicant, with the score difference of each",
            description = "Every candidate on the other side is ranked by forming the pair in the current best "
                    + "solution (freeing a place where needed) and scoring the whole solution.")
    @PostMapping(path = "/{id}/recommendations", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public List<RecommendationView> recommendations(@PathVariable UUID id,
            @RequestBody RecommendationRequest request) {
        PairingRun run = service.get(id);
        List<FieldErrorView> errors = new ArrayList<>();
        if (request.applicantId() == null || request.applicantId().isBlank()) {
            errors.add(new FieldErrorView("applicantId", "is required"));
        }
        int limit = request.limit() == null ? 10 : request.limit();
        if (limit < 1 || limit > 100) {
            errors.add(new FieldErrorView("limit", "must be from 1 to 100"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return results.recommendations(run, request.applicantId(), limit);
    }

    @Operation(summary = "What-if: a new run with changed pins and exclusions, from this run's best solution")
    @PostMapping(path = "/{id}/rerun", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<PairingRunMetadata> rerun(@PathVariable UUID id,
            @RequestBody(required = false) RerunRequest request) {
        return accepted(service.rerun(id, request));
    }

    private static ResponseEntity<PairingRunMetadata> accepted(PairingRun run) {
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/v1/pairing-runs/{id}").buildAndExpand(run.id()).toUri();
        return ResponseEntity.accepted().location(location).body(PairingRunMetadata.of(run));
    }

    private static Duration duration(String field, String value, List<FieldErrorView> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldErrorView(field, "'" + value + "' is not an ISO-8601 duration such as PT30S"));
            return null;
        }
    }

    private static ProgrammeRegion region(String value) {
        try {
            return ProgrammeRegion.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Integer integer(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
