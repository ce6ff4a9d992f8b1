package eu.iucplanner.pairing.service;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import eu.iucplanner.audit.Audited;
import eu.iucplanner.pairing.persistence.PairingCall;
import eu.iucplanner.pairing.persistence.PairingCallRepository;
import eu.iucplanner.problem.ProblemException;
import eu.iucplanner.run.persistence.RunStatus;
import eu.iucplanner.run.service.RunActor;
import eu.iucplanner.run.service.RunDocuments;
import eu.iucplanner.run.service.RunLifecycle;
import eu.iucplanner.run.service.RunMetadata;
import eu.iucplanner.validation.RequestValidator;

/**
 * Calls as a resource: a call's rules stored once, the pairing runs made for it, and the one run the coordination unit
 * adopted as its decision. An adopted run is held ({@link RunLifecycle#hold}): it cannot be purged, and the retention
 * keeps it and the schedules built on it, until the decision is withdrawn. Every change is audited.
 */
@Service
public class PairingCalls {

    private static final Logger LOG = LoggerFactory.getLogger(PairingCalls.class);
    /** Concurrent changes of one call are retried this often before the last one wins. */
    private static final int ATTEMPTS = 5;

    private final PairingCallRepository calls;
    private final RunLifecycle lifecycle;
    private final PairingRunKind kind;
    private final RunDocuments documents;
    private final RequestValidator validator;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher publisher;
    private final RunActor actor;
    private final Clock clock;

    public PairingCalls(PairingCallRepository calls, RunLifecycle lifecycle, PairingRunKind kind,
            RunDocuments documents, RequestValidator validator, TransactionTemplate transactions,
            ApplicationEventPublisher publisher, ObjectProvider<RunActor> actor, Clock clock) {
        this.calls = calls;
        this.lifecycle = lifecycle;
        this.kind = kind;
        this.documents = documents;
        this.validator = validator;
        this.transactions = transactions;
        this.publisher = publisher;
        this.actor = actor.getIfAvailable(() -> RunActor.NOBODY);
        this.clock = clock;
    }

    public CallView create(CallRequest request) {
        validate(request);
        PairingCall call = calls.save(PairingCall.created(UUID.randomUUID(), request.name().strip(),
                request.description(), documents.write(rulesOf(request)), currentUser(), clock.instant()));
        LOG.info("Call {} '{}' created by {}", call.id(), call.name(), call.createdBy());
        audit("CALL_CREATE", call.id(), call.name());
        return view(call, true);
    }

    /** One page of calls, newest first, without their runs. */
    public Page<CallView> list(int page, int size) {
        return calls.findAllByOrderByCreatedAtDescIdAsc(PageRequest.of(page, size)).map(call -> view(call, false));
    }

    public CallView get(UUID id) {
        return view(find(id), true);
    }

    /**
     * Replaces a call's name, description and rules. Runs made before keep the rules they were run with (their
     * stored requests hold them).
     *
     * @throws ProblemException conflict while a run is adopted as the call's decision
     */
    public CallView update(UUID id, CallRequest request) {
        validate(request);
        for (int attempt = 1; ; attempt++) {
            PairingCall call = find(id);
            if (call.decisionRunId() != null) {
                throw ProblemException.conflict("Call " + id + " has adopted run " + call.decisionRunId()
                        + " as its decision; withdraw it (DELETE /api/v1/calls/" + id + "/decision) before changing "
                        + "the call's rules.");
            }
            try {
                PairingCall saved = calls.save(call.withRules(request.name().strip(), request.description(),
                        documents.write(rulesOf(request)), clock.instant()));
                audit("CALL_UPDATE", id, saved.name());
                return view(saved, true);
            } catch (OptimisticLockingFailureException e) {
                retryOrGiveUp(id, attempt, e);
            }
        }
    }

    /**
     * Removes a call that has no runs.
     *
     * @throws ProblemException conflict while runs name it (purge them first)
     */
    public void delete(UUID id) {
        PairingCall call = find(id);
        long runs = lifecycle.countRunsOfCall(id);
        if (runs > 0) {
            throw hasRuns(id, runs);
        }
        try {
            calls.delete(call);
        } catch (DataIntegrityViolationException | OptimisticLockingFailureException e) {
            throw hasRuns(id, lifecycle.countRunsOfCall(id)); // a run was made for it meanwhile
        }
        audit("CALL_DELETE", id, call.name());
    }

    private static ProblemException hasRuns(UUID id, long runs) {
        return ProblemException.conflict("Call " + id + " has " + runs + " run(s); a call is removed only when it has "
                + "none (withdraw its decision and purge its runs first).");
    }

    /**
     * Adopts a run of the call as its decision, replacing the one adopted before; who and when are recorded and
     * audited. The run must be one of the call's, COMPLETED or TERMINATED, and feasible.
     *
     * @throws ProblemException not found for an unknown call; invalid (field pairingRunId) for a run that cannot be
     *                          adopted
     */
    public CallView adopt(UUID id, DecisionRequest request) {
        find(id);
        if (request == null) {
            throw ProblemException.invalid("$", "The request body is missing.");
        }
        RequestValidator.throwIfAny(validator.violations(request));
        UUID runId = request.pairingRunId();
        RunMetadata run = adoptable(id, runId);
        for (int attempt = 1; ; attempt++) {
            PairingCall call = find(id);
            String by = currentUser();
            Instant at = clock.instant();
            try {
                PairingCall saved = transactions.execute(tx -> {
                    PairingCall updated = calls.save(call.withDecision(runId, by, at));
                    lifecycle.release(holder(id));
                    lifecycle.hold(runId, holder(id), "it is the adopted decision of call '" + call.name() + "' ("
                            + id + "); withdraw the decision first (DELETE /api/v1/calls/" + id + "/decision)");
                    return updated;
                });
                LOG.info("Call {}: run {} adopted as its decision by {}", id, runId, by);
                audit("CALL_DECISION_ADOPT", id, "adopted pairing run " + runId + " '" + run.name() + "' ("
                        + run.status() + ", " + run.score() + ")" + (call.decisionRunId() == null
                                || call.decisionRunId().equals(runId) ? ""
                                : ", replacing pairing run " + call.decisionRunId()));
                return view(saved, true);
            } catch (OptimisticLockingFailureException e) {
                retryOrGiveUp(id, attempt, e);
            } catch (DataIntegrityViolationException e) {
                throw ProblemException.invalid("pairingRunId", "names no pairing run: " + runId); // purged meanwhile
            }
        }
    }

    /**
     * Withdraws a call's decision: the call has none, and its run may be purged again.
     *
     * @throws ProblemException not found for an unknown call or a call without a decision
     */
    public void withdraw(UUID id) {
        for (int attempt = 1; ; attempt++) {
            PairingCall call = find(id);
            UUID runId = call.decisionRunId();
            if (runId == null) {
                throw ProblemException.notFound("Call " + id + " has no adopted decision.");
            }
            try {
                transactions.executeWithoutResult(tx -> {
                    calls.save(call.withDecision(null, null, null));
                    lifecycle.release(holder(id));
                });
                LOG.info("Call {}: decision (run {}) withdrawn by {}", id, runId, currentUser());
                audit("CALL_DECISION_WITHDRAW", id, "withdrew pairing run " + runId);
                return;
            } catch (OptimisticLockingFailureException e) {
                retryOrGiveUp(id, attempt, e);
            }
        }
    }

    /**
     * The run adopted as a call's decision.
     *
     * @throws ProblemException not found for an unknown call or a call without a decision
     */
    public UUID decisionRun(UUID id) {
        PairingCall call = find(id);
        if (call.decisionRunId() == null) {
            throw ProblemException.notFound("Call " + id + " has no adopted decision yet; adopt one of its runs "
                    + "(POST /api/v1/calls/" + id + "/decision).");
        }
        return call.decisionRunId();
    }

    /** A call's decision, for other features: empty when there is no such call; a null run when none is adopted. */
    public Optional<Optional<UUID>> decisionOf(UUID id) {
        return calls.findById(id).map(call -> Optional.ofNullable(call.decisionRunId()));
    }

    /**
     * A pairing request made for a call: the call's stored rules when the request has none of its own.
     *
     * @throws ProblemException invalid (field callId) when no such call exists
     */
    public PairingRunRequest resolve(PairingRunRequest request) {
        if (request == null || request.callId() == null) {
            return request;
        }
        PairingCall call = calls.findById(request.callId()).orElseThrow(() -> ProblemException.invalid("callId",
                "names no call: " + request.callId()));
        CallRulesDto rules = request.call() != null ? request.call() : rules(call);
        PairingRunRequest resolved = request.withCall(rules, call.id());
        return resolved.name() == null || resolved.name().isBlank() ? resolved.withName(call.name()) : resolved;
    }

    private RunMetadata adoptable(UUID id, UUID runId) {
        RunMetadata run;
        try {
            run = lifecycle.metadata(kind, runId);
        } catch (ProblemException notFound) {
            throw ProblemException.invalid("pairingRunId", "names no pairing run: " + runId);
        }
        if (!id.equals(run.callId())) {
            throw ProblemException.invalid("pairingRunId", "pairing run " + runId + " was not run for this call"
                    + (run.callId() == null ? "" : " but for call " + run.callId()));
        }
        if (run.status() != RunStatus.COMPLETED && run.status() != RunStatus.TERMINATED) {
            throw ProblemException.invalid("pairingRunId", "pairing run " + runId + " is " + run.status()
                    + "; only a COMPLETED or TERMINATED run can be adopted");
        }
        if (!Boolean.TRUE.equals(run.feasible())) {
            throw ProblemException.invalid("pairingRunId", "pairing run " + runId + " breaks a hard rule (score "
                    + run.score() + "); only a feasible run can be adopted");
        }
        return run;
    }

    private void validate(CallRequest request) {
        if (request == null) {
            throw ProblemException.invalid("$", "The request body is missing.");
        }
        RequestValidator.throwIfAny(validator.violations(request));
    }

    private PairingCall find(UUID id) {
        return calls.findById(id).orElseThrow(() -> ProblemException.notFound("No call with id " + id + "."));
    }

    private CallView view(PairingCall call, boolean withRuns) {
        List<CallView.CallRun> runs = withRuns ? lifecycle.runsOfCall(call.id()).stream()
                .map(run -> CallView.CallRun.of(run, call.decisionRunId())).toList() : null;
        CallView.Decision decision = call.decisionRunId() == null ? null
                : new CallView.Decision(call.decisionRunId(), call.decidedBy(), utc(call.decidedAt()));
        return new CallView(call.id(), call.name(), call.description(), rules(call), call.createdBy(),
                utc(call.createdAt()), utc(call.updatedAt()), decision, lifecycle.countRunsOfCall(call.id()), runs);
    }

    private CallRulesDto rules(PairingCall call) {
        return documents.read(call.rulesJson(), CallRulesDto.class);
    }

    private CallRulesDto rulesOf(CallRequest request) {
        return request.rules() != null ? request.rules() : documents.read("{}", CallRulesDto.class);
    }

    private static String holder(UUID callId) {
        return "call:" + callId;
    }

    private String currentUser() {
        return actor.current().orElse(null);
    }

    private void audit(String action, UUID callId, String detail) {
        publisher.publishEvent(new Audited(currentUser(), action, "call", callId.toString(), detail));
    }

    private static void retryOrGiveUp(UUID id, int attempt, OptimisticLockingFailureException e) {
        if (attempt >= ATTEMPTS) {
            throw ProblemException.conflict("Call " + id + " kept changing while this change was made; try again.");
        }
        LOG.debug("Call {} changed meanwhile (attempt {}): {}", id, attempt, e.toString());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
