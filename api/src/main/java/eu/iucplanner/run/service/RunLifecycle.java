package eu.iucplanner.run.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import ai.timefold.solver.core.api.score.Score;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import ai.timefold.solver.core.impl.solver.DefaultSolver;
import eu.iucplanner.problem.ProblemException;
import eu.iucplanner.run.persistence.Run;
import eu.iucplanner.run.persistence.RunPayload;
import eu.iucplanner.run.persistence.RunPayloadRepository;
import eu.iucplanner.run.persistence.RunRepository;
import eu.iucplanner.run.persistence.RunStatus;

/**
 * The one lifecycle of every run, whatever it solves (each kind plugs in through its {@link RunKind}):
 * <ol>
 * <li>submit: the run and its request are stored (SCHEDULED) before the client gets its answer;</li>
 * <li>queue: the run joins the global queue of the job runner ({@link RunQueue}) in the same transaction; each
 * replica takes the oldest waiting run whenever one of its {@code iuc.runs.parallel-runs} threads is free, and claims
 * it with a new token (SOLVING);</li>
 * <li>solve: the kind's problem is rebuilt from the stored request as it was stored (with the starting solution of a
 * rerun), solved by a Timefold {@link Solver}; each new best solution goes to the event streams at once and to the
 * database at most every {@code best-solution-write-interval};</li>
 * <li>end: COMPLETED (its termination was reached), TERMINATED (stopped by a user, best solution kept), FAILED
 * (internal error, best solution found before it kept) or INCOMPLETE (taken up again more than
 * {@code max-resumes} times).</li>
 * </ol>
 * A stop never waits for the solver: it marks the run (in the database, so the replica that solves it sees it within
 * {@code stop-check-interval}) and asks the solver to terminate; that replica stores the best solution and ends the
 * run. A run still waiting ends at once. Every write of a solving run names its claim token, so a replica that lost
 * its claim (it was thought dead) never overwrites the new owner's state. A graceful stop of a replica hands its
 * solving runs back to the queue with their best solution within {@code shutdown-grace}; a replica that dies leaves
 * its runs to the job runner's dead-execution detection, after which another replica takes them up again from their
 * stored best solution.
 */
@Service
public class RunLifecycle implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(RunLifecycle.class);

    static final String RESUMED_TOO_OFTEN = "The replicas solving this run died or stopped too often (see "
            + "iuc.runs.max-resumes); the best solution stored before is kept. Rerun it to continue from there.";
    static final String FAILED_MESSAGE = "The solver failed with an internal error; the best solution found before "
            + "the failure, if any, is kept. The service log has the details under this run's id.";
    static final String STOPPED_BEFORE_START = "Stopped before solving started.";
    static final String STUCK_MESSAGE = "The solver did not stop at the end of its time limit; the run was ended and "
            + "the best solution it had found is kept. The service log has the details under this run's id.";
    static final String STUCK_STOPPED_MESSAGE = "The solver did not stop when asked; the run was ended and the best "
            + "solution it had found is kept.";

    private final RunRepository runs;
    private final RunPayloadRepository payloads;
    private final TransactionTemplate transactions;
    private final RunDocuments documents;
    private final RunEvents events;
    private final Clock clock;
    private final RunProperties properties;
    private final Map<String, RunKind<?, ?, ?>> kinds;
    private final Map<UUID, ActiveRun> active = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final java.util.concurrent.ExecutorService solverThreads;
    private final RunQueue queue;
    private final RunNotifications notifications;
    private boolean started;
    private volatile boolean shuttingDown;
    private volatile boolean running;

    private final RunActor actor;
    private final org.springframework.context.ApplicationEventPublisher publisher;

    public RunLifecycle(RunRepository runs, RunPayloadRepository payloads, TransactionTemplate transactions,
            RunDocuments documents, RunEvents events, Clock clock, RunProperties properties,
            List<RunKind<?, ?, ?>> kinds, org.springframework.beans.factory.ObjectProvider<RunActor> actor,
            org.springframework.context.ApplicationEventPublisher publisher, RunQueue queue,
            RunNotifications notifications) {
        this.queue = queue;
        this.notifications = notifications;
        this.actor = actor.getIfAvailable(() -> RunActor.NOBODY);
        this.publisher = publisher;
        this.runs = runs;
        this.payloads = payloads;
        this.transactions = transactions;
        this.documents = documents;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
        this.kinds = kinds.stream().collect(Collectors.toUnmodifiableMap(RunKind::name, Function.identity()));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("run-writer"));
        this.solverThreads = Executors.newCachedThreadPool(daemon("run-solver"));
        queue.bind(this::takeUp);
        notifications.solvedHere(active::containsKey);
    }

    /** A best solution as the lifecycle keeps it: the kind's snapshot and what the metadata shows of it. */
    private record Best(Object snapshot, String score, Boolean feasible, Map<String, Object> summary) {
    }

    /** A run this replica is solving, under its claim. */
    private static final class ActiveRun {
        private final UUID id;
        private final RunKind<?, ?, ?> kind;
        private final UUID claim;
        /** Completed when the run ended, was handed back or abandoned: the queue's thread then goes on. */
        private final java.util.concurrent.CompletableFuture<RunQueue.Outcome> outcome =
                new java.util.concurrent.CompletableFuture<>();
        private volatile Thread thread;
        private volatile boolean lostClaim;
        /** When the run's own termination should have stopped it ({@code System.nanoTime()}). */
        private volatile long deadlineNanos = Long.MAX_VALUE;
        /** When the lifecycle first asked its solver to terminate, 0 before. */
        private volatile long terminateAskedNanos;
        private final Object writeLock = new Object();
        private final AtomicReference<Best> unwritten = new AtomicReference<>();
        private volatile Best latest;
        private volatile Solver<?> solver;
        private volatile boolean stopRequested;
        private boolean ended;

        ActiveRun(UUID id, RunKind<?, ?, ?> kind, UUID claim) {
            this.id = id;
            this.kind = kind;
            this.claim = claim;
        }
    }

    // ************************************************************************
    // Queries
    // ************************************************************************

    public Run get(RunKind<?, ?, ?> kind, UUID id) {
        return runs.findByIdAndKind(id, kind.name())
                .orElseThrow(() -> ProblemException.notFound("No " + kind.label() + " with id " + id + "."));
    }

    /** The run's metadata, with the newest best solution when this process is solving it. */
    public RunMetadata metadata(RunKind<?, ?, ?> kind, UUID id) {
        return metadata(get(kind, id));
    }

    public Page<RunMetadata> list(RunKind<?, ?, ?> kind, Collection<RunStatus> statuses, int page, int size) {
        PageRequest request = PageRequest.of(page, size);
        Page<Run> found = statuses == null || statuses.isEmpty()
                ? runs.findByKindOrderBySubmittedAtDesc(kind.name(), request)
                : runs.findByKindAndStatusInOrderBySubmittedAtDesc(kind.name(), statuses, request);
        return found.map(this::metadata);
    }

    /** The request as it was stored. */
    public <R> R request(RunKind<R, ?, ?> kind, UUID id) {
        get(kind, id);
        return documents.read(payload(id).requestJson(), kind.requestType());
    }

    /**
     * The request as the current user may see it: as stored, or without personal data (the kind's
     * {@link RunKind#withoutPersonalData}) for a user who may not see it.
     */
    public <R> R visibleRequest(RunKind<R, ?, ?> kind, UUID id) {
        R request = request(kind, id);
        return actor.seesPersonalData() ? request : kind.withoutPersonalData(request);
    }

    /** Whether the current user may see personal data. */
    public boolean seesPersonalData() {
        return actor.seesPersonalData();
    }

    /** The stored best solution's decisions, if the run has one yet. */
    public <P> Optional<P> best(RunKind<?, ?, P> kind, UUID id) {
        get(kind, id);
        String json = payload(id).bestSolutionJson();
        return Optional.ofNullable(json).map(text -> documents.read(text, kind.snapshotType()));
    }

    /** The stored request's problem with the stored best solution applied (an empty one before the first best). */
    public <R, S, P> S solution(RunKind<R, S, P> kind, UUID id) {
        get(kind, id);
        RunPayload payload = payload(id);
        S solution = kind.problem(documents.read(payload.requestJson(), kind.requestType()));
        if (payload.bestSolutionJson() != null) {
            kind.apply(solution, documents.read(payload.bestSolutionJson(), kind.snapshotType()));
        }
        return solution;
    }

    private RunPayload payload(UUID id) {
        return payloads.findById(id).orElseThrow(() -> ProblemException.notFound("No run with id " + id + "."));
    }

    private RunMetadata metadata(Run run) {
        RunMetadata metadata = RunMetadata.of(run, documents.readMap(run.summaryJson()));
        ActiveRun solving = active.get(run.id());
        Best latest = solving == null ? null : solving.latest;
        if (latest != null && run.status() == RunStatus.SOLVING) {
            return metadata.withBest(new BestSolutionEvent(run.id(), latest.score(),
                    Boolean.TRUE.equals(latest.feasible()), latest.summary()));
        }
        return metadata;
    }

    /** Opens an event stream on a run: its current state first, then every later event. */
    public RunEvents.Subscription subscribe(RunKind<?, ?, ?> kind, UUID id, EventSink sink) {
        get(kind, id);
        return events.subscribe(id, sink, () -> metadata(kind, id));
    }

    // ************************************************************************
    // Commands
    // ************************************************************************

    /**
     * Stores a run that its kind accepted (validated) and queues it. Nothing else is checked here: a request is
     * validated once, at the door.
     *
     * @param summary     the kind's counts of the problem as submitted
     * @param parentRunId the run it derives from (rerun, re-plan, duplicate), or {@code null}
     * @param sourceRunId the run whose result it builds on, or {@code null}
     * @param initial     a starting solution (a rerun's), or {@code null}
     */
    public <R, S, P> RunMetadata submit(RunKind<R, S, P> kind, R request, String name, Map<String, Object> summary,
            UUID parentRunId, UUID sourceRunId, P initial) {
        return submit(kind, request, name, summary, parentRunId, sourceRunId, initial, null);
    }

    /**
     * As {@link #submit(RunKind, Object, String, Map, UUID, UUID, Object)}, for a run made under a call.
     *
     * @param callId the call it is run for (its metadata names it), or {@code null}
     */
    public <R, S, P> RunMetadata submit(RunKind<R, S, P> kind, R request, String name, Map<String, Object> summary,
            UUID parentRunId, UUID sourceRunId, P initial, UUID callId) {
        actor.admit(kind.name());
        UUID id = UUID.randomUUID();
        String submitter = actor.current().orElse(null);
        Run run = Run.submitted(id, kind.name(), name, clock.instant(), parentRunId, sourceRunId,
                documents.write(summary), submitter, actor.submitsAnalysisRuns(), callId);
        String requestJson = documents.write(request);
        String initialJson = initial == null ? null : documents.write(initial);
        Run saved = transactions.execute(status -> {
            Run inserted = runs.save(run);
            payloads.save(RunPayload.of(id, requestJson, initialJson));
            queue.enqueue(id, run.submittedAt());
            return inserted;
        });
        LOG.info("{} {} '{}' submitted by {}: {}", kind.name(), id, LogText.of(name), LogText.of(submitter), summary);
        publisher.publishEvent(new RunEvent("SUBMIT", id, kind.name(), submitter, parentRunId));
        return metadata(saved);
    }

    /** A new run from the stored request of this one, as it was stored; the new run names this one its parent. */
    public <R, S, P> RunMetadata duplicate(RunKind<R, S, P> kind, UUID id, String name) {
        Run original = get(kind, id);
        R request = request(kind, id);
        Map<String, Object> summary = kind.summary(kind.problem(request));
        return submit(kind, request, name == null || name.isBlank() ? original.name() + " (copy)" : name, summary,
                id, original.sourceRunId(), null, original.callId());
    }

    /**
     * Stops a run without waiting for the solver: a SCHEDULED run ends TERMINATED at once; a SOLVING run is marked to
     * stop and its solver is asked to terminate, after which it stores its best solution and ends TERMINATED. A run
     * that has ended is returned as it is.
     */
    public RunMetadata stop(RunKind<?, ?, ?> kind, UUID id) {
        Run run = get(kind, id);
        if (run.status() == RunStatus.SCHEDULED) {
            Integer ended = transactions.execute(tx -> runs.terminateScheduled(id, clock.instant(),
                    STOPPED_BEFORE_START));
            if (ended != null && ended == 1) {
                LOG.info("{} {} stopped before it started", kind.name(), id);
                queue.cancel(id);
                notifications.status(id);
                publisher.publishEvent(new RunEvent("STOP", id, kind.name(), actor.current().orElse(null), null));
                RunMetadata metadata = metadata(kind, id);
                events.status(metadata);
                return metadata;
            }
            run = get(kind, id);
        }
        if (run.status() == RunStatus.SOLVING) {
            transactions.execute(tx -> runs.requestStop(id));
            ActiveRun solving = active.get(id);
            if (solving != null) {
                solving.stopRequested = true;
                terminate(solving);
            }
            LOG.info("{} {} asked to stop", kind.name(), id);
            publisher.publishEvent(new RunEvent("STOP", id, kind.name(), actor.current().orElse(null), null));
        }
        return metadata(kind, id);
    }

    /**
     * Removes a finished run and its documents for good.
     *
     * @throws ProblemException (conflict) while it is not finished or while runs built from it exist
     */
    public void purge(RunKind<?, ?, ?> kind, UUID id) {
        Run run = get(kind, id);
        if (!run.status().isFinal()) {
            throw ProblemException.conflict("Run " + id + " is " + run.status() + "; stop it (DELETE) and purge it "
                    + "once it has ended.");
        }
        List<String> held = runs.holdReasons(id);
        if (!held.isEmpty()) {
            throw ProblemException.conflict("Run " + id + " is kept: " + String.join("; ", held) + ".");
        }
        if (runs.hasDerivedRuns(id)) {
            throw ProblemException.conflict("Runs were built from run " + id + " (reruns, re-plans, duplicates or "
                    + "schedules); purge those first.");
        }
        Integer purged;
        try {
            purged = transactions.execute(tx -> runs.purgeFinished(id));
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            purged = 0; // held or built on meanwhile: the database's foreign keys refused it
        }
        if (purged == null || purged == 0) {
            throw ProblemException.conflict("Run " + id + " changed while it was being purged; try again.");
        }
        LOG.info("{} {} purged", kind.name(), id);
        publisher.publishEvent(new RunEvent("PURGE", id, kind.name(), actor.current().orElse(null), null));
    }

    /**
     * Keeps a run from purges and the retention (and the runs built on it from the retention) until its holder
     * releases it. Joins the caller's transaction, so a holder records its own state and the hold at once.
     *
     * @param holder who holds it, e.g. {@code call:<id>}; one holder may hold several runs
     * @param reason a sentence a purge's refusal quotes
     */
    public void hold(UUID runId, String holder, String reason) {
        runs.hold(runId, holder, reason);
    }

    /** Releases every run a holder holds (in the caller's transaction). */
    public void release(String holder) {
        runs.release(holder);
    }

    /** The runs made under a call, newest first (at most 500), and how many there are. */
    public List<RunMetadata> runsOfCall(UUID callId) {
        return runs.findTop500ByCallIdOrderBySubmittedAtDesc(callId).stream().map(this::metadata).toList();
    }

    public long countRunsOfCall(UUID callId) {
        return runs.countByCallId(callId);
    }

    /** Records that the current user exported a run whole (the audit log lists exports of personal data). */
    public void exported(RunKind<?, ?, ?> kind, UUID id) {
        publisher.publishEvent(new RunEvent("EXPORT", id, kind.name(), actor.current().orElse(null), null));
    }

    /**
     * Retention: removes for good every finished run submitted before {@code before}, with its request and results,
     * derived runs before the runs they were built from. A run that a younger run was built from stays until that
     * one goes too. Each removal is published as a {@code RETENTION_PURGE} event (the audit log records it).
     *
     * @return how many runs were removed
     */
    public int purgeOlderThan(Instant before) {
        int removed = 0;
        List<UUID> batch;
        do {
            batch = runs.findPurgeableBefore(before);
            int removedInBatch = 0;
            for (UUID id : batch) {
                Optional<Run> run = runs.findById(id);
                Integer purged;
                try {
                    purged = transactions.execute(tx -> runs.purgeFinished(id));
                } catch (org.springframework.dao.DataIntegrityViolationException e) {
                    LOG.debug("Retention keeps run {}: it was held or built on meanwhile", id);
                    continue;
                }
                if (purged != null && purged > 0) {
                    removedInBatch++;
                    publisher.publishEvent(new RunEvent("RETENTION_PURGE", id,
                            run.map(Run::kind).orElse(null), null, null));
                }
            }
            removed += removedInBatch;
            if (removedInBatch == 0) {
                break;
            }
        } while (!batch.isEmpty());
        return removed;
    }

    // ************************************************************************
    // Queue: runs taken up from the job runner
    // ************************************************************************

    /** When the application is ready: this replica starts taking runs from the queue. */
    @EventListener(ApplicationReadyEvent.class)
    public synchronized void recoverAndStart() {
        if (started || shuttingDown) {
            return;
        }
        started = true;
        running = true;
        try {
            int waiting = runs.findByStatusOrderBySubmittedAtAsc(RunStatus.SCHEDULED).size();
            int solving = runs.findByStatusOrderBySubmittedAtAsc(RunStatus.SOLVING).size();
            if (waiting + solving > 0) {
                LOG.info("{} runs wait and {} are solving (here before a restart, or on other replicas)", waiting,
                        solving);
            }
        } catch (RuntimeException e) {
            LOG.warn("Cannot count the waiting runs: {}", e.toString());
        }
        long interval = Math.max(50, properties.bestSolutionWriteInterval().toMillis());
        timer.scheduleWithFixedDelay(this::writeUnwritten, interval, interval, TimeUnit.MILLISECONDS);
        long check = Math.max(50, properties.stopCheckInterval().toMillis());
        timer.scheduleWithFixedDelay(this::enforceStops, check, check, TimeUnit.MILLISECONDS);
        if (properties.solve()) {
            queue.start();
        } else {
            LOG.info("Replica {} solves no runs (iuc.runs.solve=false); it answers the API only", queue.replica());
        }
    }

    /**
     * A run this replica took from the queue (on one of the job runner's threads): claims it with a new token and
     * solves it on a solver thread; returns once it ended or was handed back (or was abandoned: a solver that does
     * not stop keeps only its own thread).
     */
    RunQueue.Outcome takeUp(UUID id) {
        if (shuttingDown) {
            return RunQueue.Outcome.HANDED_BACK;
        }
        Run run;
        UUID claim = UUID.randomUUID();
        try {
            Optional<Run> found = runs.findById(id);
            if (found.isEmpty() || found.get().status().isFinal()) {
                return RunQueue.Outcome.DONE; // stopped while waiting, or purged
            }
            Integer claimed = transactions.execute(tx -> runs.claim(id, claim, queue.replica(), clock.instant()));
            if (claimed == null || claimed == 0) {
                return RunQueue.Outcome.DONE;
            }
            run = runs.findById(id).orElseThrow();
        } catch (org.springframework.dao.DataAccessException databaseAway) {
            LOG.warn("Run {} cannot be taken up yet: the database is not available ({})", id,
                    databaseAway.toString());
            return RunQueue.Outcome.RETRY_LATER;
        }
        RunKind<?, ?, ?> kind = kinds.get(run.kind());
        if (kind == null) {
            LOG.error("Run {} is of kind '{}', which this service does not know", id, run.kind());
            end(id, claim, RunStatus.FAILED, FAILED_MESSAGE);
            return RunQueue.Outcome.DONE;
        }
        if (run.resumeCount() > properties.maxResumes()) {
            LOG.error("{} {} was taken up {} times (its replicas died or stopped while solving it); it ends "
                    + "INCOMPLETE with its stored best solution", kind.name(), id, run.resumeCount());
            end(id, claim, RunStatus.INCOMPLETE, RESUMED_TOO_OFTEN);
            return RunQueue.Outcome.DONE;
        }
        ActiveRun state = new ActiveRun(id, kind, claim);
        active.put(id, state);
        try {
            solverThreads.execute(() -> execute(kind, run, state));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            active.remove(id, state);
            handBack(state);
            return RunQueue.Outcome.HANDED_BACK;
        }
        try {
            return state.outcome.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RunQueue.Outcome.HANDED_BACK;
        } catch (java.util.concurrent.ExecutionException e) {
            return RunQueue.Outcome.DONE;
        }
    }

    private <R, S, P> void execute(RunKind<R, S, P> kind, Run run, ActiveRun state) {
        UUID id = run.id();
        state.thread = Thread.currentThread();
        long started = System.nanoTime();
        Solver<S> solver = null;
        try {
            events.status(metadata(run));
            notifications.status(id);
            RunPayload payload = payload(id);
            if (payload.formatVersion() > RunPayload.FORMAT_VERSION) {
                LOG.warn("{} {} was stored by a newer version (document format {}); it waits for a replica of that "
                        + "version", kind.name(), id, payload.formatVersion());
                handBack(state);
                return;
            }
            R request = documents.read(payload.requestJson(), kind.requestType());
            S solution = kind.problem(request);
            // A run taken up again continues from its stored best solution; a rerun starts from its parent's.
            String start = run.resumeCount() > 0 && payload.bestSolutionJson() != null ? payload.bestSolutionJson()
                    : payload.initialSolutionJson();
            if (start != null) {
                kind.apply(solution, documents.read(start, kind.snapshotType()));
            }
            if (run.resumeCount() > 0) {
                LOG.info("{} {} taken up again (resume {}) from {}", kind.name(), id, run.resumeCount(),
                        payload.bestSolutionJson() != null ? "its stored best solution " + run.score()
                                : "the start: no best solution was stored");
            }
            state.stopRequested |= run.stopRequested();
            if (state.stopRequested) {
                finish(kind, state, solution, null, started, start != null);
                return;
            }
            if (shuttingDown) {
                handBack(state);
                return;
            }
            TerminationConfig termination = Terminations.of(kind.termination(request), kind.defaultTermination(),
                    properties.maxSpentLimit());
            solver = kind.solverFactory().buildSolver(
                    new SolverConfigOverride<S>().withTerminationConfig(termination));
            solver.addEventListener(event -> onBest(kind, state, event.getNewBestSolution()));
            state.deadlineNanos = System.nanoTime() + termination.getSpentLimit().toNanos();
            state.solver = solver;
            if (state.lostClaim || state.stopRequested || shuttingDown) {
                terminate(state);
            }
            LOG.info("{} {} solving on replica {}", kind.name(), id, queue.replica());
            S best = solver.solve(solution);
            finish(kind, state, best, solver, started, true);
        } catch (org.springframework.dao.DataAccessException databaseAway) {
            // The run could not even be loaded: the database went away. It waits in the queue, not FAILED.
            LOG.warn("{} {} goes back to the queue: the database is not available ({})", kind.name(), id,
                    databaseAway.toString());
            synchronized (state.writeLock) {
                state.ended = true;
            }
            state.outcome.complete(RunQueue.Outcome.RETRY_LATER);
        } catch (Throwable error) {
            LOG.error("{} {} failed", kind.name(), id, error);
            fail(state, solver, started);
        } finally {
            active.remove(id, state);
            state.outcome.complete(RunQueue.Outcome.DONE);
        }
    }

    private <S> void onBest(RunKind<?, S, ?> kind, ActiveRun state, S solution) {
        Best best = best(kind, solution);
        state.latest = best;
        state.unwritten.set(best);
        BestSolutionEvent event = new BestSolutionEvent(state.id, best.score(), Boolean.TRUE.equals(best.feasible()),
                best.summary());
        events.bestSolution(event);
        notifications.bestSolution(event);
    }

    private static <S> Best best(RunKind<?, S, ?> kind, S solution) {
        Score<?> score = kind.score(solution);
        return new Best(kind.snapshot(solution), score == null ? null : score.toString(),
                score == null ? null : score.isFeasible(), kind.summary(solution));
    }

    /** Writes the best solutions found since the last write; runs every best-solution-write-interval. */
    void writeUnwritten() {
        for (ActiveRun state : active.values()) {
            synchronized (state.writeLock) {
                Best best = state.unwritten.getAndSet(null);
                if (best == null || state.ended) {
                    continue;
                }
                try {
                    String json = documents.write(best.snapshot());
                    String summary = documents.write(best.summary());
                    Boolean stored = transactions.execute(tx -> {
                        if (runs.updateBest(state.id, state.claim, best.score(), best.feasible(), summary) == 1) {
                            payloads.updateBestSolution(state.id, json);
                            return true;
                        }
                        return false;
                    });
                    if (!Boolean.TRUE.equals(stored)) {
                        loseClaim(state);
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Could not store the best solution of run {} yet: {}", state.id, e.toString());
                    state.unwritten.compareAndSet(null, best);
                }
            }
        }
    }

    /**
     * The run no longer carries this replica's claim (another replica took it up after this one was thought dead,
     * or it ended elsewhere): this replica stops solving it and writes nothing more of it.
     */
    private void loseClaim(ActiveRun state) {
        if (state.lostClaim) {
            return;
        }
        state.lostClaim = true;
        state.ended = true;
        LOG.warn("{} {} is no longer this replica's ({}): another replica took it up, or it ended; this replica "
                + "stops solving it and stores nothing more", state.kind.name(), state.id, queue.replica());
        terminate(state);
        active.remove(state.id, state);
        state.outcome.complete(RunQueue.Outcome.DONE);
    }

    /**
     * Runs every stop-check-interval: a stop asked for on any replica reaches the solver, a lost one is repeated, a
     * lost claim stops the solver, and a solver that does not stop is abandoned.
     */
    void enforceStops() {
        if (active.isEmpty()) {
            return;
        }
        try {
            List<UUID> ids = active.values().stream().map(state -> state.id).toList();
            java.util.Set<UUID> seen = new java.util.HashSet<>();
            for (Run run : runs.findAllById(ids)) {
                seen.add(run.id());
                ActiveRun state = active.get(run.id());
                if (state == null) {
                    continue;
                }
                if (run.stopRequested()) {
                    state.stopRequested = true;
                }
                if (!state.claim.equals(run.claim()) || run.status() != RunStatus.SOLVING) {
                    synchronized (state.writeLock) {
                        if (!state.ended) {
                            loseClaim(state);
                        }
                    }
                }
            }
            for (UUID id : ids) {
                ActiveRun state = active.get(id);
                if (!seen.contains(id) && state != null) {
                    synchronized (state.writeLock) {
                        if (!state.ended) {
                            loseClaim(state); // purged meanwhile
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("Cannot check for stops: {}", e.toString());
        }
        long now = System.nanoTime();
        long grace = properties.stuckSolverGrace().toNanos();
        for (ActiveRun state : active.values()) {
            if (state.stopRequested || shuttingDown || now > state.deadlineNanos) {
                terminate(state);
            }
            long asked = state.terminateAskedNanos;
            if (asked != 0 && now - asked > grace) {
                abandon(state);
            }
        }
    }

    /**
     * A solver that did not stop within {@code stuck-solver-grace} after it was asked (a phase that ignores its
     * termination): the run ends with the best solution it reported (or is handed back when the service stops), and
     * its queue thread goes on with the next run; only the stuck solver thread stays busy, and whatever it does later
     * is never stored.
     */
    private void abandon(ActiveRun state) {
        Best best = state.latest;
        if (shuttingDown && !state.stopRequested) {
            if (state.ended) {
                return;
            }
            LOG.error("{} {} did not stop in time; it is handed back with its last best solution and its solver "
                    + "thread {} is abandoned", state.kind.name(), state.id, threadName(state));
            storeLatestBest(state, best);
            handBack(state);
            active.remove(state.id, state);
            return;
        }
        RunStatus status = state.stopRequested ? RunStatus.TERMINATED : RunStatus.FAILED;
        String message = status == RunStatus.TERMINATED ? STUCK_STOPPED_MESSAGE : STUCK_MESSAGE;
        synchronized (state.writeLock) {
            if (state.ended) {
                return;
            }
            state.ended = true;
            String json = best == null ? null : documents.write(best.snapshot());
            String summary = best == null ? null : documents.write(best.summary());
            storeFinal(state.id, () -> transactions.executeWithoutResult(tx -> {
                if (runs.end(state.id, state.claim, status.name(), clock.instant(),
                        best == null ? null : best.score(), best == null ? null : best.feasible(), summary, null, null,
                        message) == 1 && json != null) {
                    payloads.updateBestSolution(state.id, json);
                }
            }));
        }
        active.remove(state.id, state);
        LOG.error("{} {} did not stop within {} of being asked; it ends {} with its best solution, and its solver "
                + "thread {} is abandoned", state.kind.name(), state.id, properties.stuckSolverGrace(), status,
                threadName(state));
        publishStatus(state.id);
        state.outcome.complete(RunQueue.Outcome.DONE);
    }

    private static String threadName(ActiveRun state) {
        Thread thread = state.thread;
        return thread == null ? "?" : thread.getName();
    }

    /**
     * Asks a run's solver to terminate. Timefold forgets a request made just before its solving starts, so the timer
     * repeats it until the solver has taken it.
     */
    private static void terminate(ActiveRun state) {
        Solver<?> solver = state.solver;
        if (solver != null && solver.isSolving() && !solver.isTerminateEarly()) {
            solver.terminateEarly();
        }
        if (solver != null && state.terminateAskedNanos == 0) {
            state.terminateAskedNanos = System.nanoTime();
        }
    }

    /**
     * Stores a run's final state, or hands it back to the queue with its best solution when this replica stops.
     *
     * @param solver      the solver that solved it, {@code null} when it was stopped before solving
     * @param hasSolution whether the solution is worth storing (solved, or a rerun's starting solution)
     */
    private <S> void finish(RunKind<?, S, ?> kind, ActiveRun state, S solution, Solver<S> solver, long started,
            boolean hasSolution) {
        Best best = best(kind, solution);
        if (shuttingDown && !state.stopRequested) {
            storeLatestBest(state, hasSolution ? best : null);
            handBack(state);
            return;
        }
        RunStatus status = state.stopRequested ? RunStatus.TERMINATED : RunStatus.COMPLETED;
        Long millis = solver == null ? null : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        Long speed = solver instanceof DefaultSolver<S> defaultSolver ? defaultSolver.getMoveEvaluationSpeed() : null;
        boolean[] stored = { false };
        synchronized (state.writeLock) {
            if (state.ended) {
                return; // abandoned, or its claim was lost: its final state is not this replica's to store
            }
            state.ended = true;
            String json = documents.write(best.snapshot());
            String summary = documents.write(best.summary());
            storeFinal(state.id, () -> transactions.executeWithoutResult(tx -> {
                if (runs.end(state.id, state.claim, status.name(), clock.instant(), best.score(), best.feasible(),
                        summary, millis, speed, null) == 1) {
                    stored[0] = true;
                    if (hasSolution) {
                        payloads.updateBestSolution(state.id, json);
                    }
                }
            }));
        }
        if (!stored[0]) {
            LOG.warn("{} {} ended here but no longer carries this replica's claim; its result was not stored",
                    kind.name(), state.id);
            return;
        }
        LOG.info("{} {} {}: {} {}", kind.name(), state.id, status, best.score(), best.summary());
        publishStatus(state.id);
        publisher.publishEvent(new RunEnded(state.id, kind.name()));
    }

    private void fail(ActiveRun state, Solver<?> solver, long started) {
        Best best = state.latest;
        if (shuttingDown && !state.stopRequested) {
            storeLatestBest(state, best);
            handBack(state);
            return;
        }
        Long millis = solver == null ? null : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        synchronized (state.writeLock) {
            if (state.ended) {
                return;
            }
            state.ended = true;
            String json = best == null ? null : documents.write(best.snapshot());
            String summary = best == null ? null : documents.write(best.summary());
            storeFinal(state.id, () -> transactions.executeWithoutResult(tx -> {
                if (runs.end(state.id, state.claim, RunStatus.FAILED.name(), clock.instant(),
                        best == null ? null : best.score(), best == null ? null : best.feasible(), summary, millis,
                        null, FAILED_MESSAGE) == 1 && json != null) {
                    payloads.updateBestSolution(state.id, json);
                }
            }));
        }
        publishStatus(state.id);
    }

    /** Writes a best solution not written yet (before a hand-back), under the run's claim. */
    private void storeLatestBest(ActiveRun state, Best best) {
        synchronized (state.writeLock) {
            if (state.ended || best == null) {
                return;
            }
            state.unwritten.set(null);
            String json = documents.write(best.snapshot());
            String summary = documents.write(best.summary());
            storeFinal(state.id, () -> transactions.executeWithoutResult(tx -> {
                if (runs.updateBest(state.id, state.claim, best.score(), best.feasible(), summary) == 1) {
                    payloads.updateBestSolution(state.id, json);
                }
            }));
        }
    }

    /**
     * Hands a run back to the queue (this replica stops): it waits again, with its best solution stored, and any
     * replica takes it up again from there.
     */
    private void handBack(ActiveRun state) {
        synchronized (state.writeLock) {
            if (state.ended) {
                return;
            }
            state.ended = true;
            storeFinal(state.id, () -> transactions.executeWithoutResult(tx -> runs.handBack(state.id, state.claim)));
        }
        LOG.info("{} {} handed back to the queue: replica {} stops", state.kind.name(), state.id, queue.replica());
        publishStatus(state.id);
        state.outcome.complete(RunQueue.Outcome.HANDED_BACK);
    }

    /** Ends a run that never got a solver (an unknown kind, resumed too often). */
    private void end(UUID id, UUID claim, RunStatus status, String message) {
        storeFinal(id, () -> transactions.executeWithoutResult(tx -> runs.end(id, claim, status.name(),
                clock.instant(), null, null, null, null, null, message)));
        publishStatus(id);
    }

    /**
     * A final write is retried until the database takes it (it may be restarting or away for a while): a solution
     * found must not be lost. While the service stops, it is retried for a few seconds only; what is not stored then
     * stays in the queue and is taken up again from the last stored best solution.
     */
    private void storeFinal(UUID id, Runnable write) {
        long delay = 200;
        for (int attempt = 1; ; attempt++) {
            try {
                write.run();
                return;
            } catch (RuntimeException e) {
                if (shuttingDown && attempt >= 10) {
                    LOG.error("Run {} could not store its final state after {} attempts; it stays in the queue and "
                            + "is taken up again from its last stored best solution", id, attempt, e);
                    return;
                }
                LOG.warn("Run {} could not store its final state yet (attempt {}): {}", id, attempt, e.toString());
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                delay = Math.min(delay * 2, 5_000);
            }
        }
    }

    private void publishStatus(UUID id) {
        try {
            runs.findById(id).ifPresent(run -> events.status(metadata(run)));
        } catch (RuntimeException e) {
            LOG.warn("Could not publish the status of run {}: {}", id, e.toString());
        }
        notifications.status(id);
    }

    // ************************************************************************
    // Shutdown
    // ************************************************************************

    @Override
    public void start() {
        // This replica starts taking runs once the application is ready (recoverAndStart).
    }

    /**
     * A graceful stop of this replica: asks every solving run to terminate and hands it back to the queue with its
     * best solution (at most shutdown-grace in all), so another replica, or this one after its restart, takes it up
     * again; then stops taking runs. Waiting runs stay in the queue.
     */
    @Override
    public void stop() {
        shuttingDown = true;
        List<ActiveRun> solving = new ArrayList<>(active.values());
        solving.forEach(RunLifecycle::terminate);
        long deadline = System.nanoTime() + properties.shutdownGrace().toNanos();
        for (ActiveRun state : solving) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    state.outcome.get(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                LOG.debug("Run {} did not hand back within the grace: {}", state.id, e.toString());
            }
        }
        for (ActiveRun state : List.copyOf(active.values())) {
            if (!state.outcome.isDone()) {
                // Did not stop within the grace: handed back with its last best solution; its thread is left.
                LOG.warn("{} {} did not stop within {}; it is handed back with its last best solution",
                        state.kind.name(), state.id, properties.shutdownGrace());
                abandon(state);
            }
        }
        queue.stop();
        timer.shutdown();
        solverThreads.shutdown();
        running = false;
        if (!solving.isEmpty()) {
            LOG.info("{} solving runs handed back to the queue as replica {} stopped", solving.size(),
                    queue.replica());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the event streams have closed and before the web server waits for requests in flight. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1;
    }

    /** How many runs this process is solving now. */
    public int solvingCount() {
        return active.size();
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
