package eu.iucplanner.pairing.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.timefold.solver.core.api.solver.SolverJob;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.api.solver.SolverStatus;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import eu.iucplanner.pairing.domain.Applicant;
import eu.iucplanner.pairing.domain.PairingProblem;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.domain.PartnerSlot;
import eu.iucplanner.pairing.persistence.PairingRun;
import eu.iucplanner.pairing.persistence.PairingRunPayload;
import eu.iucplanner.pairing.persistence.PairingRunPayloadRepository;
import eu.iucplanner.pairing.persistence.PairingRunRepository;
import eu.iucplanner.pairing.persistence.RunStatus;
import eu.iucplanner.pairing.rest.PairingRunMetadata;
import eu.iucplanner.pairing.rest.PairingRunRequest;
import eu.iucplanner.pairing.rest.RerunRequest;
import eu.iucplanner.pairing.rest.TerminationDto;
import eu.iucplanner.pairing.solver.PairingProblemFactory;
import eu.iucplanner.web.ApiException;
import jakarta.annotation.PreDestroy;

/**
 * The lifecycle of pairing runs: stores a submitted run before anything else happens, solves it when a solver thread
 * is free (SCHEDULED, then SOLVING), writes its best solution while solving at most every
 * {@code iuc.pairing.best-solution-write-interval}, and ends it COMPLETED, TERMINATED (by a user), FAILED or
 * INCOMPLETE (the service stopped while it was solving).
 *
 * <p>Restarts: a run that was SOLVING when the service stopped or died is INCOMPLETE with its last stored best
 * solution (a rerun continues from it); runs still SCHEDULED are solved again, in submission order.
 */
@Service
public class PairingRunService {

    private static final Logger LOG = LoggerFactory.getLogger(PairingRunService.class);
    static final String INCOMPLETE_MESSAGE = "The service stopped while this run was solving; the best solution "
            + "stored before it stopped is kept. Rerun it to continue from that solution.";

    private final SolverManager<PairingSolution, UUID> solverManager;
    private final PairingRunRepository runs;
    private final PairingRunPayloadRepository payloads;
    private final TransactionTemplate transactions;
    private final PairingRequestValidator validator;
    private final PairingProperties properties;
    private final ObjectMapper mapper;
    private final RunEvents events;
    private final Clock clock;
    private final TerminationConfig defaultTermination;
    private final Map<UUID, ActiveRun> active = new ConcurrentHashMap<>();
    private final ScheduledExecutorService writer;
    private volatile boolean shuttingDown;

    /** A run that has a solver job: its job, whether a user stopped it, and the best solution not yet written. */
    private static final class ActiveRun {
        private final UUID id;
        private volatile SolverJob<PairingSolution, UUID> job;
        private volatile boolean terminatedByUser;
        /** Set once the solver thread has loaded the problem, so a final best solution will follow. */
        private volatile boolean loaded;
        /** Completed when the run has stored its final status. */
        private final CompletableFuture<Void> ended = new CompletableFuture<>();
        private StoredAssignment unwritten;

        ActiveRun(UUID id) {
            this.id = id;
        }
    }

    public PairingRunService(SolverManager<PairingSolution, UUID> solverManager, PairingRunRepository runs,
            PairingRunPayloadRepository payloads, TransactionTemplate transactions, PairingRequestValidator validator,
            PairingProperties properties, ObjectMapper mapper, RunEvents events, Clock clock,
            TerminationConfig defaultTermination) {
        this.solverManager = solverManager;
        this.runs = runs;
        this.payloads = payloads;
        this.transactions = transactions;
        this.validator = validator;
        this.properties = properties;
        this.mapper = mapper;
        this.events = events;
        this.clock = clock;
        this.defaultTermination = defaultTermination;
        this.writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "pairing-best-solution-writer");
            thread.setDaemon(true);
            return thread;
        });
        long interval = Math.max(100, properties.bestSolutionWriteInterval().toMillis());
        writer.scheduleWithFixedDelay(this::writeUnwritten, interval, interval, TimeUnit.MILLISECONDS);
    }

    // ************************************************************************
    // Queries
    // ************************************************************************

    public PairingRun get(UUID id) {
        return runs.findById(id).orElseThrow(() -> ApiException.notFound("No pairing run with id " + id + "."));
    }

    public PairingRunPayload payload(UUID id) {
        return payloads.findById(id).orElseThrow(() -> ApiException.notFound("No pairing run with id " + id + "."));
    }

    public Page<PairingRun> list(Pageable pageable) {
        return runs.findAllByOrderBySubmittedAtDesc(pageable);
    }

    public PairingRunRequest request(PairingRunPayload payload) {
        return read(payload.requestJson(), PairingRunRequest.class);
    }

    public Optional<StoredAssignment> best(PairingRunPayload payload) {
        return Optional.ofNullable(payload.bestSolutionJson()).map(json -> read(json, StoredAssignment.class));
    }

    /** The solution of a stored request with a stored assignment applied (for results, analysis, recommendations). */
    public PairingSolution rebuild(PairingRunRequest request, StoredAssignment assignment) {
        PairingSolution solution = PairingProblemFactory.create(validator.toProblem(request));
        if (assignment != null) {
            apply(solution, assignment, false);
        }
        return solution;
    }

    // ************************************************************************
    // Commands
    // ************************************************************************

    /** Validates, stores and schedules a run; nothing is stored when the request is rejected. */
    public PairingRun submit(PairingRunRequest request) {
        return submit(request, null, null);
    }

    private PairingRun submit(PairingRunRequest request, UUID parentRunId, StoredAssignment initial) {
        PairingProblem problem = validator.toProblem(request);
        PairingSolution solution;
        try {
            solution = PairingProblemFactory.create(problem);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("$", e.getMessage());
        }
        int eligible = (int) solution.getApplicants().stream().filter(Applicant::isEligible).count();
        String name = request.name() != null && !request.name().isBlank() ? request.name() : problem.call().name();
        PairingRunRequest stored = request.withName(name);
        UUID id = UUID.randomUUID();
        PairingRun run = PairingRun.submitted(id, name, clock.instant(), problem.applicants().size(), eligible,
                parentRunId);
        String requestJson = write(stored);
        String initialJson = initial == null ? null : write(initial);
        PairingRun saved = transactions.execute(status -> {
            PairingRun inserted = runs.save(run);
            payloads.save(PairingRunPayload.of(id, requestJson, initialJson));
            return inserted;
        });
        LOG.info("Pairing run {} '{}' submitted: {} applicants, {} eligible", id, name, run.applicantCount(),
                eligible);
        schedule(id, stored.termination());
        return saved;
    }

    /** A new run on the same pool with changed pins and exclusions, starting from this run's best solution. */
    public PairingRun rerun(UUID id, RerunRequest rerun) {
        PairingRun previous = get(id);
        PairingRunPayload payload = payload(id);
        StoredAssignment best = best(payload).orElseThrow(() -> ApiException.conflict(
                "Run " + id + " has no solution yet (status " + previous.status() + "); rerun it once it has one."));
        PairingRunRequest request = request(payload);
        RerunRequest changes = rerun == null ? new RerunRequest(null, null, null, null) : rerun;
        PairingRunRequest next = request
                .withPairs(changes.pinnedPairs() != null ? changes.pinnedPairs() : request.pinnedPairs(),
                        changes.excludedPairs() != null ? changes.excludedPairs() : request.excludedPairs())
                .withName(changes.name() != null ? changes.name() : previous.name() + " (rerun)")
                .withTermination(changes.termination() != null ? changes.termination() : request.termination());
        return submit(next, id, best);
    }

    /** Stops a run early, keeping the best solution found; a run that has ended is returned as it is. */
    public PairingRun terminate(UUID id) {
        PairingRun run = get(id);
        if (run.status().isFinal()) {
            return run;
        }
        ActiveRun state = active.get(id);
        if (state == null) {
            return get(id);
        }
        state.terminatedByUser = true;
        // Returns once the job is cancelled (never started) or has stopped solving; the solver holds the job's lock
        // while it loads the problem, so 'loaded' tells which of the two happened.
        solverManager.terminateEarly(id);
        if (state.loaded) {
            awaitEnd(state);
            return get(id);
        }
        synchronized (state) {
            active.remove(id);
            PairingRun current = get(id);
            if (current.status().isFinal()) {
                return current;
            }
            PairingRun ended = runs.save(current.ended(RunStatus.TERMINATED, clock.instant(), null, null,
                    "Terminated before solving started."));
            state.ended.complete(null);
            events.status(PairingRunMetadata.of(ended));
            return ended;
        }
    }

    private void awaitEnd(ActiveRun state) {
        try {
            state.ended.get(properties.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Run {} did not store its final status in time", state.id, e);
        }
    }

    // ************************************************************************
    // Solving
    // ************************************************************************

    private void schedule(UUID id, TerminationDto termination) {
        ActiveRun state = new ActiveRun(id);
        active.put(id, state);
        state.job = solverManager.solveBuilder()
                .withProblemId(id)
                .withProblemFinder(problemId -> loadProblem(state))
                .withSolverJobStartedEventConsumer(event -> onStarted(state))
                .withBestSolutionEventConsumer(event -> onBest(state, event.solution()))
                .withFinalBestSolutionEventConsumer(event -> onFinal(state, event.solution()))
                .withExceptionHandler((problemId, error) -> onFailure(state, error))
                .withConfigOverride(new SolverConfigOverride<PairingSolution>()
                        .withTerminationConfig(terminationConfig(termination)))
                .run();
    }

    TerminationConfig terminationConfig(TerminationDto termination) {
        Duration cap = properties.maxSpentLimit();
        if (termination == null) {
            TerminationConfig config = defaultTermination.copyConfig();
            Duration spent = config.getSpentLimit() == null || config.getSpentLimit().compareTo(cap) > 0 ? cap
                    : config.getSpentLimit();
            return config.withSpentLimit(spent);
        }
        TerminationConfig config = new TerminationConfig()
                .withSpentLimit(termination.spentLimit() == null ? cap : termination.spentLimit());
        if (termination.unimprovedSpentLimit() != null) {
            config.setUnimprovedSpentLimit(termination.unimprovedSpentLimit());
        }
        return config;
    }

    private PairingSolution loadProblem(ActiveRun state) {
        if (shuttingDown) {
            throw new IllegalStateException("The service is stopping; run " + state.id + " stays SCHEDULED.");
        }
        PairingRunPayload payload = payload(state.id);
        PairingSolution solution = PairingProblemFactory.create(validator.toProblem(request(payload)));
        if (payload.initialSolutionJson() != null) {
            apply(solution, read(payload.initialSolutionJson(), StoredAssignment.class), true);
        }
        state.loaded = true;
        return solution;
    }

    private void onStarted(ActiveRun state) {
        synchronized (state) {
            PairingRun run = runs.findById(state.id).orElseThrow();
            if (run.status() == RunStatus.SCHEDULED) {
                PairingRun started = runs.save(run.started(clock.instant()));
                events.status(PairingRunMetadata.of(started));
            }
        }
    }

    private void onBest(ActiveRun state, PairingSolution solution) {
        StoredAssignment snapshot = StoredAssignment.of(solution);
        synchronized (state) {
            state.unwritten = snapshot;
        }
        events.bestSolution(new RunEvents.BestSolutionEvent(state.id, snapshot.score(),
                solution.getScore() != null && solution.getScore().isFeasible(), snapshot.pairCount()));
    }

    private void onFinal(ActiveRun state, PairingSolution solution) {
        synchronized (state) {
            state.unwritten = null;
            StoredAssignment snapshot = StoredAssignment.of(solution);
            RunStatus status = state.terminatedByUser ? RunStatus.TERMINATED
                    : shuttingDown ? RunStatus.INCOMPLETE : RunStatus.COMPLETED;
            SolverJob<PairingSolution, UUID> job = state.job;
            Long millis = job == null ? null : job.getSolvingDuration().toMillis();
            Long speed = job == null ? null : job.getMoveEvaluationSpeed();
            PairingRun ended = transactions.execute(tx -> {
                payloads.updateBestSolution(state.id, write(snapshot));
                PairingRun run = runs.findById(state.id).orElseThrow();
                return runs.save(run.withBest(snapshot.score(), snapshot.pairCount())
                        .ended(status, clock.instant(), millis, speed,
                                status == RunStatus.INCOMPLETE ? INCOMPLETE_MESSAGE : null));
            });
            active.remove(state.id);
            state.ended.complete(null);
            LOG.info("Pairing run {} {}: {} with {} pairs", state.id, status, snapshot.score(),
                    snapshot.pairCount());
            events.status(PairingRunMetadata.of(ended));
        }
    }

    private void onFailure(ActiveRun state, Throwable error) {
        if (shuttingDown) {
            LOG.info("Pairing run {} stopped with the service: {}", state.id, error.toString());
            state.ended.complete(null);
            return;
        }
        LOG.error("Pairing run {} failed", state.id, error);
        synchronized (state) {
            active.remove(state.id);
            runs.findById(state.id).ifPresent(run -> {
                PairingRun failed = runs.save(run.ended(RunStatus.FAILED, clock.instant(), null, null,
                        error.getClass().getSimpleName() + ": " + error.getMessage()));
                events.status(PairingRunMetadata.of(failed));
            });
            state.ended.complete(null);
        }
    }

    /** Writes the best solutions found since the last write; runs every best-solution-write-interval. */
    void writeUnwritten() {
        for (ActiveRun state : active.values()) {
            synchronized (state) {
                StoredAssignment snapshot = state.unwritten;
                if (snapshot == null) {
                    continue;
                }
                state.unwritten = null;
                try {
                    transactions.executeWithoutResult(tx -> {
                        payloads.updateBestSolution(state.id, write(snapshot));
                        runs.findById(state.id).ifPresent(run -> {
                            if (!run.status().isFinal()) {
                                runs.save(run.withBest(snapshot.score(), snapshot.pairCount()));
                            }
                        });
                    });
                } catch (RuntimeException e) {
                    LOG.warn("Could not store the best solution of run {} yet", state.id, e);
                    state.unwritten = snapshot;
                }
            }
        }
    }

    /**
     * Places a stored assignment into a fresh solution. For a rerun ({@code respectRules}), pairs that the new pins
     * and exclusions or the capacities forbid are left out, so the solver starts from a solution that breaks no
     * hard rule.
     */
    static void apply(PairingSolution solution, StoredAssignment assignment, boolean respectRules) {
        Map<String, Applicant> candidates = new HashMap<>();
        solution.getPartnerCandidates().forEach(candidate -> candidates.put(candidate.getId(), candidate));
        Map<Applicant, Integer> used = new HashMap<>();
        for (PartnerSlot slot : solution.getSlots()) {
            if (slot.isPinned() && slot.getPartner() != null) {
                used.merge(slot.getPartner(), 1, Integer::sum);
            }
        }
        for (PartnerSlot slot : solution.getSlots()) {
            if (slot.isPinned()) {
                continue;
            }
            Applicant partner = candidates.get(assignment.partnerBySlot().get(slot.getId()));
            if (partner == null) {
                continue;
            }
            if (respectRules) {
                boolean pairedAlready = solution.getSlots().stream()
                        .anyMatch(other -> other.getOwner() == slot.getOwner() && other.getPartner() == partner);
                if (slot.getOwner().excludes(partner) || partner.excludes(slot.getOwner()) || pairedAlready
                        || used.getOrDefault(partner, 0) >= partner.getMaxPartners()) {
                    continue;
                }
            }
            slot.setPartner(partner);
            used.merge(partner, 1, Integer::sum);
        }
    }

    // ************************************************************************
    // Start and stop
    // ************************************************************************

    /** After a restart: runs that were solving become INCOMPLETE; scheduled runs are solved again, oldest first. */
    @EventListener(ApplicationReadyEvent.class)
    public void recover() {
        Instant now = clock.instant();
        for (PairingRun run : runs.findByStatusOrderBySubmittedAtAsc(RunStatus.SOLVING)) {
            runs.save(run.ended(RunStatus.INCOMPLETE, now, run.solvingMillis(), run.moveEvaluationSpeed(),
                    INCOMPLETE_MESSAGE));
            LOG.warn("Pairing run {} was solving when the service stopped; it is INCOMPLETE with its stored best "
                    + "solution ({})", run.id(), run.score());
        }
        List<PairingRun> scheduled = runs.findByStatusOrderBySubmittedAtAsc(RunStatus.SCHEDULED);
        for (PairingRun run : scheduled) {
            if (!active.containsKey(run.id())) {
                schedule(run.id(), request(payload(run.id())).termination());
            }
        }
        if (!scheduled.isEmpty()) {
            LOG.info("{} scheduled pairing runs resubmitted", scheduled.size());
        }
    }

    /** Solving runs store their best solution and end INCOMPLETE; scheduled runs stay SCHEDULED for the next start. */
    @PreDestroy
    public void shutdown() {
        shuttingDown = true;
        writer.shutdown();
        long deadline = System.nanoTime() + properties.shutdownGrace().toNanos();
        for (ActiveRun state : List.copyOf(active.values())) {
            SolverJob<PairingSolution, UUID> job = state.job;
            if (job != null && job.getSolverStatus() == SolverStatus.SOLVING_ACTIVE
                    && System.nanoTime() < deadline) {
                job.terminateEarly();
                if (state.loaded) {
                    awaitEnd(state);
                }
            }
        }
        solverManager.close();
    }

    // ************************************************************************
    // JSON
    // ************************************************************************

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored " + type.getSimpleName() + " cannot be read", e);
        }
    }
}
