package eu.iucplanner.pairing.rest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import eu.iucplanner.pairing.service.CallRequest;
import eu.iucplanner.pairing.service.CallView;
import eu.iucplanner.pairing.service.DecisionRequest;
import eu.iucplanner.pairing.service.PairingCalls;
import eu.iucplanner.pairing.service.PairingResults;
import eu.iucplanner.pairing.service.PairingRunResult;
import eu.iucplanner.run.rest.PageView;
import eu.iucplanner.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Calls: a call's rules stored once, its pairing runs grouped under it (a pairing request names its {@code callId}),
 * and the one run adopted as the call's decision, which schedules ({@code callId} in a schedule request), the
 * decision's export and the retention default to.
 */
@RestController
@RequestMapping(CallController.PATH)
@Tag(name = "Calls", description = "A call's rules, its pairing runs and the run adopted as its decision.")
public class CallController {

    static final String PATH = "/api/v1/calls";

    private final PairingCalls calls;
    private final PairingResults results;

    public CallController(PairingCalls calls, PairingResults results) {
        this.calls = calls;
        this.results = results;
    }

    @Operation(summary = "Create a call with its rules",
            description = "The rules are those of a pairing request's call (every field optional; left out: the "
                    + "current IURC call's defaults). Pairing runs made for the call name its id (callId).")
    @ApiResponse(responseCode = "201", description = "The call, with its location")
    @ProblemResponses({ 400, 415 })
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<CallView> create(@RequestBody(required = false) CallRequest request) {
        CallView call = calls.create(request);
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path(PATH + "/{id}")
                .buildAndExpand(call.id()).toUri();
        return ResponseEntity.created(location).body(call);
    }

    @Operation(summary = "List calls, newest first", description = "Without their runs; each with its decision and "
            + "how many runs it has.")
    @ApiResponse(responseCode = "200", description = "One page of calls")
    @ProblemResponses({ 400 })
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public PageView<CallView> list(
            @Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0") @Min(value = 0,
                    message = "must be 0 or more") int page,
            @Parameter(description = "page size, 1 to 200") @RequestParam(defaultValue = "20") @Min(value = 1,
                    message = "must be from 1 to 200") @Max(value = 200, message = "must be from 1 to 200") int size) {
        Page<CallView> found = calls.list(page, size);
        return new PageView<>(found.getContent(), page, size, found.getTotalElements(), found.getTotalPages());
    }

    @Operation(summary = "A call with its rules, its decision and its runs (newest first)")
    @ApiResponse(responseCode = "200", description = "The call")
    @ProblemResponses({ 404 })
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public CallView get(@PathVariable UUID id) {
        return calls.get(id);
    }

    @Operation(summary = "Replace a call's name, description and rules",
            description = "Only while no run is adopted as its decision (409 otherwise: withdraw it first). Runs made "
                    + "before keep the rules they were run with.")
    @ApiResponse(responseCode = "200", description = "The call as changed")
    @ProblemResponses({ 400, 404, 409, 415 })
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public CallView update(@PathVariable UUID id, @RequestBody(required = false) CallRequest request) {
        return calls.update(id, request);
    }

    @Operation(summary = "Remove a call that has no runs", description = "409 while runs were made for it.")
    @ApiResponse(responseCode = "204", description = "Removed")
    @ProblemResponses({ 404, 409 })
    @DeleteMapping(path = "/{id}")
    public ResponseEntity<Void> delete(@PathVariable UUID id) {
        calls.delete(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Adopt one of the call's runs as its decision",
            description = "The run must have been made for this call and have ended COMPLETED or TERMINATED without "
                    + "breaking a hard rule. It replaces any run adopted before; who adopted it and when are recorded "
                    + "and audited. While adopted, the run cannot be purged and the retention keeps it and the "
                    + "schedules built on it.")
    @ApiResponse(responseCode = "200", description = "The call with its decision")
    @ProblemResponses({ 400, 404, 415 })
    @PostMapping(path = "/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public CallView adopt(@PathVariable UUID id, @RequestBody(required = false) DecisionRequest request) {
        return calls.adopt(id, request);
    }

    @Operation(summary = "Withdraw the call's decision", description = "The run stays; it is no longer kept from "
            + "purges and the retention. 404 when the call has no decision.")
    @ApiResponse(responseCode = "204", description = "Withdrawn")
    @ProblemResponses({ 404 })
    @DeleteMapping(path = "/{id}/decision")
    public ResponseEntity<Void> withdraw(@PathVariable UUID id) {
        calls.withdraw(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The adopted run's result: pairs, unpaired and ineligible applicants",
            description = "As GET /api/v1/pairing-runs/{runId} of the adopted run (its Content-Location); 404 when "
                    + "the call has no decision.")
    @ApiResponse(responseCode = "200", description = "The adopted run's result")
    @ProblemResponses({ 404, 406 })
    @GetMapping(path = "/{id}/decision/pairs", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<PairingRunResult> decisionPairs(@PathVariable UUID id) {
        UUID runId = calls.decisionRun(id);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_LOCATION, PairingRunController.PATH + "/" + runId)
                .body(results.result(runId));
    }

    @Operation(summary = "The adopted run's pairs as CSV", description = "As the adopted run's CSV export.")
    @ApiResponse(responseCode = "200", description = "The adopted run's pairs as CSV")
    @ProblemResponses({ 404, 406 })
    @GetMapping(path = "/{id}/decision/pairs", produces = PairingRunController.TEXT_CSV)
    public ResponseEntity<String> decisionPairsCsv(@PathVariable UUID id) {
        UUID runId = calls.decisionRun(id);
        String body = results.csv(runId);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_LOCATION, PairingRunController.PATH + "/" + runId)
                .header("Content-Disposition", "attachment; filename=\"call-" + id + "-decision.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(body);
    }
}
