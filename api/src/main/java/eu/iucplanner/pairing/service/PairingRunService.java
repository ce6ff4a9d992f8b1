package eu.iucplanner.pairing.service;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;

import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.problem.ProblemException;
import eu.iucplanner.run.service.RunLifecycle;
import eu.iucplanner.run.service.RunMetadata;

/**
 * What is pairing's own in its runs: submission (validated once, here) and what-if reruns. Everything else of the
 * lifecycle is {@link RunLifecycle}'s.
 */
@Service
public class PairingRunService {

    private final RunLifecycle lifecycle;
    private final PairingRunKind kind;
    private final PairingRequestValidator validator;
    private final ReferenceFill reference;
    private final PairingCalls calls;

    public PairingRunService(RunLifecycle lifecycle, PairingRunKind kind, PairingRequestValidator validator,
            ReferenceFill reference, PairingCalls calls) {
        this.lifecycle = lifecycle;
        this.kind = kind;
        this.validator = validator;
        this.reference = reference;
        this.calls = calls;
    }

    /**
     * Validates, stores and queues a run; nothing is stored when the request is refused. A request made for a call
     * takes the call's rules when it has none (and the call's name when it has none). With fillFromReference the
     * applicants' missing figures are filled in first, so the stored request holds them.
     */
    public RunMetadata submit(PairingRunRequest submitted) {
        PairingRunRequest request = reference.fill(calls.resolve(submitted));
        validator.validate(request);
        PairingSolution problem = problem(request);
        String name = request.name() != null && !request.name().isBlank() ? request.name()
                : problem.getCall().name();
        return lifecycle.submit(kind, request.withName(name), name, kind.summary(problem), null, null, null,
                request.callId());
    }

    /**
     * What a submission would answer, without storing anything: the problem details of a refused request (thrown),
     * or the request as it would be stored with its counts.
     */
    public Validation validate(PairingRunRequest submitted) {
        PairingRunRequest request = calls.resolve(submitted);
        validator.validate(request);
        PairingSolution problem = problem(request);
        String name = request.name() != null && !request.name().isBlank() ? request.name()
                : problem.getCall().name();
        return new Validation(true, kind.summary(problem), request.withName(name));
    }

    /**
     * A request that a submission would accept.
     *
     * @param valid   always true (a refused request answers problem details instead)
     * @param counts  what the run's metadata would count: applicants, eligible applicants
     * @param request the request as it would be stored (a CSV pool read into the JSON request)
     */
    public record Validation(boolean valid, Map<String, Object> counts, PairingRunRequest request) {
    }

    /**
     * A new run on the same pool with changed pins and exclusions, starting from this run's best solution (the pairs
     * the new pins, exclusions or capacities forbid left out). The stored pool is used as it was stored.
     */
    public RunMetadata rerun(UUID id, RerunRequest rerun) {
        RunMetadata previous = lifecycle.metadata(kind, id);
        StoredAssignment best = lifecycle.best(kind, id).orElseThrow(() -> ProblemException.conflict(
                "Run " + id + " has no solution yet (status " + previous.status() + "); rerun it once it has one."));
        PairingRunRequest request = lifecycle.request(kind, id);
        RerunRequest changes = rerun == null ? new RerunRequest(null, null, null, null) : rerun;
        String name = changes.name() != null ? changes.name() : previous.name() + " (rerun)";
        PairingRunRequest next = request
                .withPairs(changes.pinnedPairs() != null ? changes.pinnedPairs() : request.pinnedPairs(),
                        changes.excludedPairs() != null ? changes.excludedPairs() : request.excludedPairs())
                .withName(name)
                .withTermination(changes.termination() != null ? changes.termination() : request.termination());
        validator.validateRerun(changes, next);
        PairingSolution start = problem(next);
        best.applyTo(start, true);
        Map<String, Object> summary = kind.summary(problem(next));
        return lifecycle.submit(kind, next, name, summary, id, null, StoredAssignment.of(start), previous.callId());
    }

    private PairingSolution problem(PairingRunRequest request) {
        try {
            return kind.problem(request);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("$", e.getMessage());
        }
    }
}
