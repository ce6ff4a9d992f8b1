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
 * <li>queue: {@code iuc.runs.parallel-runs} workers, across all kinds, claim the oldest SCHEDULED run in the database
 * (SOLVING);</li>
 * <li>solve: the kind's problem is rebuilt from the stored request as it was stored (with the starting solution of a
 * rerun), solved by a Timefold {@link Solver}; each new best solution goes to the event streams at once and to the
 * database at most every {@code best-solution-write-interval};</li>
 * <li>end: COMPLETED (its termination was reached), TERMINATED (stopped by a user, best solution kept), FAILED
 * (internal error, best solution found before it kept) or INCOMPLETE (the service stopped).</li>
 * </ol>
 * A stop never waits for the solver: it marks the run (in the database, so any replica sees it) and asks the solver
 * to terminate; the worker stores the best solution and ends the run. A run still waiting ends at once. After a
 * restart, runs left SOLVING are INCOMPLETE with their last stored best solution; SCHEDULED runs are solved again in
 * submission order. A graceful stop of the service stops solving runs and stores them INCOMPLETE within
 * {@code shutdown-grace} in all.
 */
@Service
public class RunLifecycle implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(RunLifecycle.class);

    static final String INCOMPLETE_MESSAGE = "The service stopped while this run was solving; the best solution "
            + "stored before it stopped is kept. Rerun it to continue from that solution.";
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
    private final Object workAvailable = new Object();
    private final ScheduledExecutorService timer;
    private final java.util.Set<Worker> workers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger workerCount = new AtomicInteger();
    private boolean started;
    private volatile boolean accepting;
    private volatile boolean shuttingDown;
    private volatile boolean running;

    private final RunActor actor;
    private final org.springframework.context.ApplicationEventPublisher publisher;

    public RunLifecycle(RunRepository runs, RunPayloadRepository payloads, TransactionTemplate transactions,
            RunDocuments documents, RunEvents events, Clock clock, RunProperties properties,
            List<RunKind<?, ?, ?>> kinds, org.springframework.beans.factory.ObjectProvider<RunActor> actor,
            org.springframework.context.ApplicationEventPublisher publisher) {
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
    }

    /** A best solution as the lifecycle keeps it: the kind's snapshot and what the metadata shows of it. */
    private record Best(Object snapshot, String score, Boolean feasible, Map<String, Object> summary) {
    }

    /** A worker thread; retired when a run it solved was abandoned (its solver did not stop), it then exits. */
    private static final class Worker {
        private Thread thread;
        private volatile boolean retired;
    }

    /** A run a worker of this process is solving. */
    private static final class ActiveRun {
        private final UUID id;
        private final RunKind<?, ?, ?> kind;
        private volatile Worker worker;
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

        ActiveRun(UUID id, RunKind<?, ?, ?> kind) {
            this.id = id;
            this.kind = kind;
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
        actor.admit(kind.name());
        UUID id = UUID.randomUUID();
        String submitter = actor.current().orElse(null);
        Run run = Run.submitted(id, kind.name(), name, clock.instant(), parentRunId, sourceRunId,
                documents.write(summary), submitter, actor.submitsAnalysisRuns());
        String requestJson = documents.write(request);
        String initialJson = initial == null ? null : documents.write(initial);
        Run saved = transactions.execute(status -> {
            Run inserted = runs.save(run);
            payloads.save(RunPayload.of(id, requestJson, initialJson));
            return inserted;
        });
        LOG.info("{} {} '{}' submitted by {}: {}", kind.name(), id, LogText.of(name), LogText.of(submitter), summary);
        publisher.publishEvent(new RunEvent("SUBMIT", id, kind.name(), submitter, parentRunId));
        wakeUpWorkers();
        return metadata(saved);
    }

    /** A new run from the stored request of this one, as it was stored; the new run names this one its parent. */
    public <R, S, P> RunMetadata duplicate(RunKind<R, S, P> kind, UUID id, String name) {
        Run original = get(kind, id);
        R request = request(kind, id);
        Map<String, Object> summary = kind.summary(kind.problem(request));
        return submit(kind, request, name == null || name.isBlank() ? original.name() + " (copy)" : name, summary,
                id, original.sourceRunId(), null);
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
        if (runs.hasDerivedRuns(id)) {
            throw ProblemException.conflict("Runs were built from run " + id + " (reruns, re-plans, duplicates or "
                    + "schedules); purge those first.");
        }
        Integer purged = transactions.execute(tx -> runs.purgeFinished(id));
        if (purged == null || purged == 0) {
            throw ProblemException.conflict("Run " + id + " changed while it was being purged; try again.");
        }
        LOG.info("{} {} purged", kind.name(), id);
        publisher.publishEvent(new RunEvent("PURGE", id, kind.name(), actor.current().orElse(null), null));
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
                Integer purged = transactions.execute(tx -> runs.purgeFinished(id));
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
    // Queue and workers
    // ************************************************************************

    /** After a (re)start: runs left SOLVING become INCOMPLETE, then the workers start on the scheduled runs. */
    @EventListener(ApplicationReadyEvent.class)
    public void recoverAndStart() {
        Instant now = clock.instant();
        for (Run run : runs.findByStatusOrderBySubmittedAtAsc(RunStatus.SOLVING)) {
            transactions.execute(tx -> runs.end(run.id(), RunStatus.INCOMPLETE.name(), now, null, null, null,
                    run.solvingMillis(), run.moveEvaluationSpeed(), INCOMPLETE_MESSAGE));
            LOG.warn("{} {} was solving when the service stopped; it is INCOMPLETE with its stored best solution ({})",
                    run.kind(), run.id(), run.score());
        }
        int scheduled = runs.findByStatusOrderBySubmittedAtAsc(RunStatus.SCHEDULED).size();
        if (scheduled > 0) {
            LOG.info("{} scheduled runs wait to be solved, oldest first", scheduled);
        }
        startWorkers();
    }

    private synchronized void startWorkers() {
        if (started || shuttingDown) {
            return;
        }
        started = true;
        accepting = true;
        running = true;
        for (int i = 0; i < properties.parallelRuns(); i++) {
            startWorker();
        }
        long interval = Math.max(50, properties.bestSolutionWriteInterval().toMillis());
        timer.scheduleWithFixedDelay(this::writeUnwritten, interval, interval, TimeUnit.MILLISECONDS);
        long check = Math.max(50, properties.stopCheckInterval().toMillis());
        timer.scheduleWithFixedDelay(this::enforceStops, check, check, TimeUnit.MILLISECONDS);
    }

    /** Starts a worker thread: at start, and in place of one whose run was abandoned. */
    private void startWorker() {
        Worker worker = new Worker();
        worker.thread = new Thread(() -> work(worker), "run-worker-" + workerCount.incrementAndGet());
        worker.thread.setDaemon(true);
        workers.add(worker);
        worker.thread.start();
    }

    private void work(Worker self) {
        try {
            while (accepting && !self.retired) {
                if (!claimAndSolve(self)) {
                    return;
                }
            }
        } finally {
            workers.remove(self);
        }
    }

    /** Claims and solves one run, or waits a while when none waits; false when interrupted. */
    private boolean claimAndSolve(Worker self) {
        Optional<Run> claimed;
        try {
            claimed = claim();
        } catch (RuntimeException e) {
            LOG.warn("Cannot claim a scheduled run yet: {}", e.toString());
            claimed = Optional.empty();
        }
        if (claimed.isPresent()) {
            execute(claimed.get(), self);
            return true;
        }
        synchronized (workAvailable) {
            try {
                workAvailable.wait(1_000);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private void wakeUpWorkers() {
        synchronized (workAvailable) {
            workAvailable.notifyAll();
        }
    }

    /** The oldest scheduled run of any kind, now SOLVING, or empty when none waits. */
    private Optional<Run> claim() {
        return transactions.execute(tx -> runs.lockOldestScheduled().flatMap(id -> {
            runs.start(id, clock.instant());
            return runs.findById(id);
        }));
    }

    private void execute(Run run, Worker worker) {
        RunKind<?, ?, ?> kind = kinds.get(run.kind());
        if (kind == null) {
            LOG.error("Run {} is of kind '{}', which this service does not know", run.id(), run.kind());
            end(run.id(), RunStatus.FAILED, null, null, null, FAILED_MESSAGE);
            return;
        }
        execute(kind, run, worker);
    }

    private <R, S, P> void execute(RunKind<R, S, P> kind, Run run, Worker worker) {
        UUID id = run.id();
        ActiveRun state = new ActiveRun(id, kind);
        state.worker = worker;
        active.put(id, state);
        long started = System.nanoTime();
        Solver<S> solver = null;
        try {
            events.status(metadata(run));
            RunPayload payload = payload(id);
            R request = documents.read(payload.requestJson(), kind.requestType());
            S solution = kind.problem(request);
            String start = payload.initialSolutionJson();
            if (start != null) {
                kind.apply(solution, documents.read(start, kind.snapshotType()));
            }
            state.stopRequested |= run.stopRequested();
            if (state.stopRequested) {
                finish(kind, state, solution, null, started, start != null);
                return;
            }
            if (shuttingDown) {
                requeue(state);
                return;
            }
            TerminationConfig termination = Terminations.of(kind.termination(request), kind.defaultTermination(),
                    properties.maxSpentLimit());
            solver = kind.solverFactory().buildSolver(
                    new SolverConfigOverride<S>().withTerminationConfig(termination));
            solver.addEventListener(event -> onBest(kind, state, event.getNewBestSolution()));
            state.deadlineNanos = System.nanoTime() + termination.getSpentLimit().toNanos();
            state.solver = solver;
            LOG.info("{} {} solving", kind.name(), id);
            S best = solver.solve(solution);
            finish(kind, state, best, solver, started, true);
        } catch (org.springframework.dao.DataAccessException databaseAway) {
            // The run could not even be loaded: the database went away. It waits for the next worker, not FAILED.
            LOG.warn("{} {} goes back to the queue: the database is not available ({})", kind.name(), id,
                    databaseAway.toString());
            requeue(state);
        } catch (Throwable error) {
            LOG.error("{} {} failed", kind.name(), id, error);
            fail(state, solver, started);
        } finally {
            active.remove(id, state);
        }
    }

    private <S> void onBest(RunKind<?, S, ?> kind, ActiveRun state, S solution) {
        Best best = best(kind, solution);
        state.latest = best;
        state.unwritten.set(best);
        events.bestSolution(new BestSolutionEvent(state.id, best.score(), Boolean.TRUE.equals(best.feasible()),
                best.summary()));
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
                    transactions.executeWithoutResult(tx -> {
                        if (runs.updateBest(state.id, best.score(), best.feasible(), summary) == 1) {
                            payloads.updateBestSolution(state.id, json);
                        }
                    });
                } catch (RuntimeException e) {
                    LOG.warn("Could not store the best solution of run {} yet: {}", state.id, e.toString());
                    state.unwritten.compareAndSet(null, best);
                }
            }
        }
    }

    /** Runs every stop-check-interval: a stop asked for elsewhere reaches the solver, and a lost one is repeated. */
    void enforceStops() {
        if (active.isEmpty()) {
            return;
        }
        try {
            List<UUID> unmarked = active.values().stream().filter(state -> !state.stopRequested)
                    .map(state -> state.id).toList();
            if (!unmarked.isEmpty()) {
                for (Run run : runs.findAllById(unmarked)) {
                    if (run.stopRequested()) {
                        Optional.ofNullable(active.get(run.id())).ifPresent(state -> state.stopRequested = true);
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
     * termination): the run ends with the best solution it reported, its worker is retired and replaced, so the
     * queue goes on; whatever the stuck thread does later is never stored.
     */
    private void abandon(ActiveRun state) {
        Best best = state.latest;
        RunStatus status = state.stopRequested ? RunStatus.TERMINATED
                : shuttingDown ? RunStatus.INCOMPLETE : RunStatus.FAILED;
        String message = status == RunStatus.TERMINATED ? STUCK_STOPPED_MESSAGE
                : status == RunStatus.INCOMPLETE ? INCOMPLETE_MESSAGE : STUCK_MESSAGE;
        synchronized (state.writeLock) {
            if (state.ended) {
                return;
            }
            state.ended = true;
            String json = best == null ? null : documents.write(best.snapshot());
            String summary = best == null ? null : documents.write(best.summary());
            storeFinal(state.id, () -> transactions.executeWithoutResult(tx -> {
                if (runs.end(state.id, status.name(), clock.instant(), best == null ? null : best.score(),
                        best == null ? null : best.feasible(), summary, null, null, message) == 1
                        && json != null) {
                    payloads.updateBestSolution(state.id, json);
                }
            }));
        }
        active.remove(state.id, state);
        LOG.error("{} {} did not stop within {} of being asked; it ends {} with its best solution, and its worker "
                + "thread {} is abandoned", state.kind.name(), state.id, properties.stuckSolverGrace(), status,
                state.worker == null ? "?" : state.worker.thread.getName());
        publishStatus(state.id);
        Worker worker = state.worker;
        if (worker != null) {
            worker.retired = true;
            if (accepting) {
                startWorker();
            }
        }
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
     * Stores a run's final state.
     *
     * @param solver      the solver that solved it, {@code null} when it was stopped before solving
     * @param hasSolution whether the solution is worth storing (solved, or a rerun's starting solution)
     */
    private <S> void finish(RunKind<?, S, ?> kind, ActiveRun state, S solution, Solver<S> solver, long started,
            boolean hasSolution) {
        Best best = best(kind, solution);
        RunStatus status = state.stopRequested ? RunStatus.TERMINATED
                : shuttingDown ? RunStatus.INCOMPLETE : RunStatus.COMPLETED;
        Long millis = solver == null ? null : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        Long speed = solver instanceof DefaultSolver<S> defaultSolver ? defaultSolver.getMoveEvaluationSpeed() : null;
        synchronized (state.writeLock) {
            if (state.ended) {
                return; // abandoned: its final state was stored already
            }
            state.ended = true;
            String json = documents.write(best.snapshot());
            String summary = documents.write(best.summary());
            String message = status == RunStatus.INCOMPLETE ? INCOMPLETE_MESSAGE : null;
            storeFinal(state.id, () -> transactions.executeWithoutResult(tx -> {
                if (runs.end(state.id, status.name(), clock.instant(), best.score(), best.feasible(), summary, millis,
                        speed, message) == 1 && hasSolution) {
                    payloads.updateBestSolution(state.id, json);
                }
            }));
        }
        LOG.info("{} {} {}: {} {}", kind.name(), state.id, status, best.score(), best.summary());
        publishStatus(state.id);
    }

    private void fail(ActiveRun state, Solver<?> solver, long started) {
        Best best = state.latest;
        boolean stopping = shuttingDown && !state.stopRequested;
        RunStatus status = stopping ? RunStatus.INCOMPLETE : RunStatus.FAILED;
        Long millis = solver == null ? null : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        synchronized (state.writeLock) {
            if (state.ended) {
                return;
            }
            state.ended = true;
            String json = best == null ? null : documents.write(best.snapshot());
            String summary = best == null ? null : documents.write(best.summary());
            storeFinal(state.id, () -> transactions.executeWithoutResult(tx -> {
                if (runs.end(state.id, status.name(), clock.instant(), best == null ? null : best.score(),
                        best == null ? null : best.feasible(), summary, millis, null,
                        stopping ? INCOMPLETE_MESSAGE : FAILED_MESSAGE) == 1 && json != null) {
                    payloads.updateBestSolution(state.id, json);
                }
            }));
        }
        publishStatus(state.id);
    }

    /** A run claimed while the service began to stop, before its solver started, waits for the next start. */
    private void requeue(ActiveRun state) {
        synchronized (state.writeLock) {
            state.ended = true;
            storeFinal(state.id, () -> transactions.executeWithoutResult(tx -> runs.requeue(state.id)));
        }
        LOG.info("{} {} goes back to the queue: the service is stopping", state.kind.name(), state.id);
    }

    /** Ends a run that never got a solver (an unknown kind). */
    private void end(UUID id, RunStatus status, String score, Boolean feasible, String summary, String message) {
        storeFinal(id, () -> transactions.executeWithoutResult(tx -> runs.end(id, status.name(), clock.instant(),
                score, feasible, summary, null, null, message)));
        publishStatus(id);
    }

    /**
     * A final write is retried until the database takes it (it may be restarting or away for a while): a solution
     * found must not be lost. While the service stops, it is retried for a few seconds only; what is not stored then
     * is recovered from the last stored best solution at the next start.
     */
    private void storeFinal(UUID id, Runnable write) {
        long delay = 200;
        for (int attempt = 1; ; attempt++) {
            try {
                write.run();
                return;
            } catch (RuntimeException e) {
                if (shuttingDown && attempt >= 10) {
                    LOG.error("Run {} could not store its final state after {} attempts; it stays SOLVING and is "
                            + "recovered as INCOMPLETE with its last stored best solution", id, attempt, e);
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
    }

    // ************************************************************************
    // Shutdown
    // ************************************************************************

    @Override
    public void start() {
        // The workers start once the application is ready (recoverAndStart), after recovery.
    }

    /**
     * Stops claiming runs, asks every solving run to terminate, and waits (at most shutdown-grace in all) for them to
     * store their best solution as INCOMPLETE. Scheduled runs stay SCHEDULED for the next start.
     */
    @Override
    public void stop() {
        shuttingDown = true;
        accepting = false;
        wakeUpWorkers();
        List<ActiveRun> solving = new ArrayList<>(active.values());
        solving.forEach(RunLifecycle::terminate);
        long deadline = System.nanoTime() + properties.shutdownGrace().toNanos();
        for (Worker worker : List.copyOf(workers)) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0 && !worker.retired) {
                    worker.thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!active.isEmpty()) {
            LOG.warn("{} runs did not store their final state within {}; they are recovered as INCOMPLETE at the "
                    + "next start", active.size(), properties.shutdownGrace());
        }
        timer.shutdown();
        running = false;
        if (!solving.isEmpty()) {
            LOG.info("{} solving runs stopped with the service", solving.size());
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
