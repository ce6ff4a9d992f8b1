package eu.iucplanner.pairing.rest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

import eu.iucplanner.pairing.csv.ApplicantColumn;
import eu.iucplanner.pairing.domain.PopulationPolicy;
import eu.iucplanner.pairing.domain.ProgrammeRegion;
import eu.iucplanner.pairing.service.ApplicantCsvReader;
import eu.iucplanner.pairing.service.CallRulesDto;
import eu.iucplanner.pairing.service.PairingResults;
import eu.iucplanner.pairing.service.PairingRunKind;
import eu.iucplanner.pairing.service.PairingRunRequest;
import eu.iucplanner.pairing.service.PairingRunResult;
import eu.iucplanner.pairing.service.PairingRunService;
import eu.iucplanner.pairing.service.RecommendationRequest;
import eu.iucplanner.pairing.service.RecommendationView;
import eu.iucplanner.pairing.service.RerunRequest;
import eu.iucplanner.problem.FieldError;
import eu.iucplanner.problem.ProblemException;
import eu.iucplanner.run.rest.RunController;
import eu.iucplanner.run.service.RunLifecycle;
import eu.iucplanner.run.service.RunMetadata;
import eu.iucplanner.run.service.RunViews;
import eu.iucplanner.run.service.TerminationDto;
import eu.iucplanner.validation.RequestValidator;
import eu.iucplanner.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Pairing runs: submit a pool, read and explain its pairs, ask what-if; the endpoints every run has (list, metadata,
 * events, stop, purge, duplicate, request, score analysis) come from {@link RunController}.
 */
@RestController
@RequestMapping(PairingRunController.PATH)
@Tag(name = "Pairing runs", description = "Pair the applicants of a call, asynchronously.")
public class PairingRunController extends RunController {

    static final String PATH = "/api/v1/pairing-runs";
    static final String TEXT_CSV = "text/csv";
    /** The columns of a pool as CSV, for the annotation's description: {@link ApplicantColumn} says the same. */
    static final String CSV_COLUMNS = "id (required), name (required), country (required), region, kind, population, "
            + "members, lead_authority_contact, languages, challenges, preferred_partner_regions, committed_months, "
            + "max_partners, covenant_signatory, excluded_partners, latitude, longitude.";

    private final PairingRunService service;
    private final PairingResults results;
    private final RequestValidator validator;

    public PairingRunController(RunLifecycle lifecycle, RunViews views, Clock clock, PairingRunKind kind,
            PairingRunService service, PairingResults results, RequestValidator validator) {
        super(lifecycle, views, clock, kind, PATH);
        this.service = service;
        this.results = results;
        this.validator = validator;
    }

    @Operation(summary = "Submit a pool to pair",
            description = "Stores the request and answers at once (202); the run solves when a solver is free.")
    @ApiResponse(responseCode = "202", description = "The run, stored and queued")
    @ProblemResponses({ 400, 413, 415, 429 })
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<RunMetadata> submit(@RequestBody PairingRunRequest request) {
        return accepted(service.submit(request));
    }

    @Operation(summary = "Submit a pool as CSV",
            description = "One applicant a row; the columns: " + CSV_COLUMNS + " Lists use ';', members "
                    + "'name:population', challenges 'theme:priority'. The call's rules and termination come from the "
                    + "query parameters.")
    @ApiResponse(responseCode = "202", description = "The run, stored and queued")
    @ProblemResponses({ 400, 413, 415, 429 })
    @PostMapping(consumes = TEXT_CSV, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<RunMetadata> submitCsv(@RequestBody(required = false) String csv,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) Long populationThreshold,
            @RequestParam(required = false) Integer minimumCommitmentMonths,
            @Parameter(description = "country:region, e.g. MX:NORTH_AMERICA") @RequestParam(required = false)
            List<String> movedCountry,
            @Parameter(description = "region:pairs, e.g. ASIA:5") @RequestParam(required = false)
            List<String> targetPairs,
            @Parameter(description = "ISO-8601, e.g. PT30S") @RequestParam(required = false) String spentLimit,
            @Parameter(description = "ISO-8601, e.g. PT5S") @RequestParam(required = false)
            String unimprovedSpentLimit,
            @Parameter(description = "let a row's region differ from its country's region (default false)")
            @RequestParam(required = false) Boolean allowRegionOverride,
            @Parameter(description = "HARD (default), PREFERENCE or NONE") @RequestParam(required = false)
            String populationPolicy,
            @Parameter(description = "with PREFERENCE: the population an applicant must exceed")
            @RequestParam(required = false) Long populationFloor,
            @Parameter(description = "hard cap on the pairs of any one country") @RequestParam(required = false)
            Integer maxPairsPerCountry,
            @Parameter(description = "soft cap on the pairs of any one country") @RequestParam(required = false)
            Integer softMaxPairsPerCountry) {
        return accepted(service.submit(csvRequest(csv, name, populationThreshold, minimumCommitmentMonths,
                movedCountry, targetPairs, spentLimit, unimprovedSpentLimit, allowRegionOverride, populationPolicy,
                populationFloor, maxPairsPerCountry, softMaxPairsPerCountry)));
    }

    @Operation(summary = "Check a pool without storing it (a dry run of the submission)",
            description = "Answers what a submission would: the same problem details for a request that would be "
                    + "refused, or the request as it would be stored (a CSV pool read into the JSON request) with "
                    + "its counts. Nothing is stored, no run is queued and the submission limits are not touched.")
    @ApiResponse(responseCode = "200", description = "The request is valid; the request as it would be stored")
    @ProblemResponses({ 400, 413, 415 })
    @PostMapping(path = "/validation", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public PairingRunService.Validation validate(@RequestBody PairingRunRequest request) {
        return service.validate(request);
    }

    @Operation(summary = "Check a pool given as CSV without storing it (a dry run of the CSV submission)",
            description = "Query parameters as for the CSV submission. A field error names the row as "
                    + "applicants[i] (the i-th applicant, on line i + 2 of the file) and the column by its header.")
    @ApiResponse(responseCode = "200", description = "The pool is valid; the request as it would be stored")
    @ProblemResponses({ 400, 413, 415 })
    @PostMapping(path = "/validation", consumes = TEXT_CSV, produces = MediaType.APPLICATION_JSON_VALUE)
    public PairingRunService.Validation validateCsv(@RequestBody(required = false) String csv,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) Long populationThreshold,
            @RequestParam(required = false) Integer minimumCommitmentMonths,
            @Parameter(description = "country:region, e.g. MX:NORTH_AMERICA") @RequestParam(required = false)
            List<String> movedCountry,
            @Parameter(description = "region:pairs, e.g. ASIA:5") @RequestParam(required = false)
            List<String> targetPairs,
            @Parameter(description = "ISO-8601, e.g. PT30S") @RequestParam(required = false) String spentLimit,
            @Parameter(description = "ISO-8601, e.g. PT5S") @RequestParam(required = false)
            String unimprovedSpentLimit,
            @Parameter(description = "let a row's region differ from its country's region (default false)")
            @RequestParam(required = false) Boolean allowRegionOverride,
            @Parameter(description = "HARD (default), PREFERENCE or NONE") @RequestParam(required = false)
            String populationPolicy,
            @Parameter(description = "with PREFERENCE: the population an applicant must exceed")
            @RequestParam(required = false) Long populationFloor,
            @Parameter(description = "hard cap on the pairs of any one country") @RequestParam(required = false)
            Integer maxPairsPerCountry,
            @Parameter(description = "soft cap on the pairs of any one country") @RequestParam(required = false)
            Integer softMaxPairsPerCountry) {
        return service.validate(csvRequest(csv, name, populationThreshold, minimumCommitmentMonths, movedCountry,
                targetPairs, spentLimit, unimprovedSpentLimit, allowRegionOverride, populationPolicy, populationFloor,
                maxPairsPerCountry, softMaxPairsPerCountry));
    }

    /** The request a CSV pool and the call's rules in query parameters make. */
    private static PairingRunRequest csvRequest(String csv, String name, Long populationThreshold,
            Integer minimumCommitmentMonths, List<String> movedCountry, List<String> targetPairs, String spentLimit,
            String unimprovedSpentLimit, Boolean allowRegionOverride, String populationPolicy, Long populationFloor,
            Integer maxPairsPerCountry, Integer softMaxPairsPerCountry) {
        List<FieldError> errors = new ArrayList<>();
        Duration spent = duration("spentLimit", spentLimit, errors);
        Duration unimproved = duration("unimprovedSpentLimit", unimprovedSpentLimit, errors);
        Map<String, ProgrammeRegion> moved = new LinkedHashMap<>();
        for (String entry : movedCountry == null ? List.<String>of() : movedCountry) {
            String[] parts = entry.split(":", 2);
            ProgrammeRegion region = parts.length == 2 ? region(parts[1]) : null;
            if (region == null) {
                errors.add(new FieldError("movedCountry", "'" + entry + "' is not country:REGION, e.g. "
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
                errors.add(new FieldError("targetPairs", "'" + entry + "' is not REGION:pairs, e.g. ASIA:5"));
            } else {
                targets.put(region, count);
            }
        }
        PopulationPolicy policy = null;
        if (populationPolicy != null && !populationPolicy.isBlank()) {
            try {
                policy = PopulationPolicy.valueOf(populationPolicy.strip());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("populationPolicy", "'" + populationPolicy + "' is not one of "
                        + java.util.Arrays.toString(PopulationPolicy.values())));
            }
        }
        RequestValidator.throwIfAny(errors);
        CallRulesDto call = new CallRulesDto(name, populationThreshold, minimumCommitmentMonths, null,
                moved.isEmpty() ? null : moved, null, targets.isEmpty() ? null : targets, allowRegionOverride,
                policy, populationFloor, null, maxPairsPerCountry, null, softMaxPairsPerCountry, null);
        TerminationDto termination = spent == null && unimproved == null ? null
                : new TerminationDto(spent, unimproved);
        return new PairingRunRequest(name, call, ApplicantCsvReader.read(csv), null, termination, null, null);
    }

    @Operation(summary = "The columns of a pool as CSV", description = "A header line with every column, for a "
            + "template.")
    @ApiResponse(responseCode = "200", description = "A CSV header line")
    @GetMapping(path = "/csv-template", produces = TEXT_CSV)
    public ResponseEntity<String> csvTemplate() {
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"applicant-pool-template.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(String.join(",", ApplicantColumn.headers()) + "\r\n");
    }

    @Operation(summary = "A run with its best solution so far, explained",
            description = "Each pair with its per-constraint score contributions and their sentences; eligible "
                    + "applicants left with open places and why; ineligible applicants with every reason.")
    @ApiResponse(responseCode = "200", description = "The run's result")
    @ProblemResponses({ 404, 406 })
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public PairingRunResult get(@PathVariable UUID id) {
        return results.result(id);
    }

    @Override
    protected Object result(UUID id) {
        return results.result(id);
    }

    @Operation(summary = "A run's pairs as CSV")
    @ApiResponse(responseCode = "200", description = "The pairs as CSV")
    @ProblemResponses({ 404, 406 })
    @GetMapping(path = "/{id}", produces = TEXT_CSV)
    public ResponseEntity<String> getCsv(@PathVariable UUID id) {
        String body = results.csv(id);
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"pairing-run-" + id + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(body);
    }

    @Operation(summary = "The best partners for one applicant, with the score difference of each",
            description = "Every candidate on the other side is ranked by forming the pair in the current best "
                    + "solution (freeing a place where needed) and scoring the whole solution.")
    @ApiResponse(responseCode = "200", description = "Recommended partners, best first")
    @ProblemResponses({ 400, 404, 409, 415 })
    @PostMapping(path = "/{id}/recommendations", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public List<RecommendationView> recommendations(@PathVariable UUID id,
            @RequestBody RecommendationRequest request) {
        lifecycle.metadata(kindOf(), id);
        RequestValidator.throwIfAny(validator.violations(request));
        return results.recommendations(id, request.applicantId(), request.limit() == null ? 10 : request.limit());
    }

    @Operation(summary = "What-if: a new run with changed pins and exclusions, from this run's best solution",
            description = "A field left out keeps this run's value; a list given replaces it whole ([] removes "
                    + "every pin or exclusion). The new run names this one its parent.")
    @ApiResponse(responseCode = "202", description = "The new run, stored and queued")
    @ProblemResponses({ 400, 404, 409, 413, 415, 429 })
    @PostMapping(path = "/{id}/rerun", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<RunMetadata> rerun(@PathVariable UUID id,
            @RequestBody(required = false) RerunRequest request) {
        return accepted(service.rerun(id, request));
    }

    private static Duration duration(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "'" + value + "' is not an ISO-8601 duration such as PT30S"));
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
