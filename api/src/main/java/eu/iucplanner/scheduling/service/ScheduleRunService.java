package eu.iucplanner.scheduling.service;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverJob;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.api.solver.SolverStatus;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import eu.iucplanner.pairing.persistence.RunStatus;
import eu.iucplanner.pairing.rest.TerminationDto;
import eu.iucplanner.pairing.service.PairingProperties;
import eu.iucplanner.pairing.service.RunEvents;
import eu.iucplanner.scheduling.domain.ExchangeSchedule;
import eu.iucplanner.scheduling.persistence.ScheduleRun;
import eu.iucplanner.scheduling.persistence.ScheduleRunPayload;
import eu.iucplanner.scheduling.persistence.ScheduleRunPayloadRepository;
import eu.iucplanner.scheduling.persistence.ScheduleRunRepository;
import eu.iucplanner.scheduling.rest.ScheduleRunMetadata;
import eu.iucplanner.scheduling.rest.ScheduleRunRequest;
import eu.iucplanner.web.ApiException;
import jakarta.annotation.PreDestroy;

/**
 * The lifecycle of scheduling runs, the same as pairing runs' (see {@code PairingRunService}): stored before anything
 * else, SCHEDULED then SOLVING, best schedule written at most every best-solution-write-interval, ended COMPLETED,
 * TERMINATED, FAILED or INCOMPLETE; after a restart SOLVING runs are INCOMPLETE and SCHEDULED runs are solved again.
 * Scheduling runs share the pairing runs' {@code iuc.pairing.*} limits.
 */
@Service
public class ScheduleRunService {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleRunService.class);
    static final String INCOMPLETE_MESSAGE = "The service stopped while this run was solving; the best schedule "
            + "stored before it stopped is kept.";

    private final SolverManager<ExchangeSchedule, UUID> solverManager;
    private final ScheduleRunRepository runs;
    private final ScheduleRunPayloadRepository payloads;
    private final TransactionTemplate transactions;
    private final ScheduleRequestMapper mapper;
    private final PairsFromPairingRun pairsFromPairingRun;
    private final eu.iucplanner.pairing.service.PairingRequestValidator terminationCheck;
    private final PairingProperties properties;
    private final ObjectMapper json;
    private final RunEvents events;
    private final Clock clock;
    private final TerminationConfig defaultTermination;
    private final Map<UUID, ActiveRun> active = new ConcurrentHashMap<>();
    private final ScheduledExecutorService writer;
    private volatile boolean shuttingDown;

    private static final class ActiveRun {
        private final UUID id;
        private volatile SolverJob<ExchangeSchedule, UUID> job;
        private volatile boolean terminatedByUser;
        private volatile boolean loaded;
        private final CompletableFuture<Void> ended = new CompletableFuture<>();
        private StoredSchedule unwritten;

        ActiveRun(UUID id) {
            this.id = id;
        }
    }

    public ScheduleRunService(SolverManager<ExchangeSchedule, UUID> solverManager, ScheduleRunRepository runs,
            ScheduleRunPayloadRepository payloads, TransactionTemplate transactions, ScheduleRequestMapper mapper,
            PairsFromPairingRun pairsFromPairingRun,
            eu.iucplanner.pairing.service.PairingRequestValidator terminationCheck, PairingProperties properties,
            ObjectMapper json, RunEvents events, Clock clock, SchedulingTermination defaultTermination) {
        this.solverManager = solverManager;
        this.runs = runs;
        this.payloads = payloads;
        this.transactions = transactions;
        this.mapper = mapper;
        this.pairsFromPairingRun = pairsFromPairingRun;
        this.terminationCheck = terminationCheck;
        this.properties = properties;
        this.json = json;
        this.events = events;
        this.clock = clock;
        this.defaultTermination = defaultTermination.config();
        this.writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "schedule-best-solution-writer");
            thread.setDaemon(true);
            return thread;
        });
        long interval = Math.max(100, properties.bestSolutionWriteInterval().toMillis());
        writer.scheduleWithFixedDelay(this::writeUnwritten, interval, interval, TimeUnit.MILLISECONDS);
    }

    public ScheduleRun get(UUID id) {
        return runs.findById(id).orElseThrow(() -> ApiException.notFound("No schedule run with id " + id + "."));
    }

    public ScheduleRunPayload payload(UUID id) {
        return payloads.findById(id).orElseThrow(() -> ApiException.notFound("No schedule run with id " + id + "."));
    }

    public Page<ScheduleRun> list(Pageable pageable) {
        return runs.findAllByOrderBySubmittedAtDesc(pageable);
    }

    public ScheduleRunRequest request(ScheduleRunPayload payload) {
        return read(payload.requestJson(), ScheduleRunRequest.class);
    }

    /** The stored request's problem with the best schedule so far applied. */
    public ExchangeSchedule rebuild(ScheduleRunPayload payload) {
        ExchangeSchedule schedule = mapper.toSchedule(request(payload));
        if (payload.bestSolutionJson() != null) {
            read(payload.bestSolutionJson(), StoredSchedule.class).applyTo(schedule);
        }
        return schedule;
    }

    /** Validates (resolving a pairing run's pairs), stores and schedules a run; nothing is stored when rejected. */
    public ScheduleRun submit(ScheduleRunRequest request) {
        if (request == null) {
            throw ApiException.invalid("$", "The request body is missing.");
        }
        ScheduleRunRequest resolved = request.pairingRunId() == null ? request
                : request.withPairs(pairsFromPairingRun.pairs(request.pairingRunId(), request.pairs()));
        checkTermination(resolved.termination());
        ExchangeSchedule schedule = mapper.toSchedule(resolved);
        UUID id = UUID.randomUUID();
        String name = resolved.name() != null && !resolved.name().isBlank() ? resolved.name()
                : "Schedule of " + schedule.getPairs().size() + " pairs from " + resolved.startDate();
        ScheduleRun run = ScheduleRun.submitted(id, name, clock.instant(), schedule.getPairs().size(),
                schedule.getEvents().size(), resolved.pairingRunId());
        String requestJson = write(resolved);
        ScheduleRun saved = transactions.execute(status -> {
            ScheduleRun inserted = runs.save(run);
            payloads.save(ScheduleRunPayload.of(id, requestJson));
            return inserted;
        });
        LOG.info("Schedule run {} '{}' submitted: {} pairs, {} events", id, name, run.pairCount(), run.eventCount());
        schedule(id, resolved.termination());
        return saved;
    }

    private void checkTermination(TerminationDto termination) {
        List<eu.iucplanner.web.FieldErrorView> errors = terminationCheck.terminationErrors(termination);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    public ScheduleRun terminate(UUID id) {
        ScheduleRun run = get(id);
        if (run.status().isFinal()) {
            return run;
        }
        ActiveRun state = active.get(id);
        if (state == null) {
            return get(id);
        }
        state.terminatedByUser = true;
        solverManager.terminateEarly(id);
        if (state.loaded) {
            awaitEnd(state);
            return get(id);
        }
        synchronized (state) {
            active.remove(id);
            ScheduleRun current = get(id);
            if (current.status().isFinal()) {
                return current;
            }
            ScheduleRun ended = runs.save(current.ended(RunStatus.TERMINATED, clock.instant(), null, null,
                    "Terminated before solving started."));
            state.ended.complete(null);
            events.status(ScheduleRunMetadata.of(ended));
            return ended;
        }
    }

    private void awaitEnd(ActiveRun state) {
        try {
            state.ended.get(properties.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Schedule run {} did not store its final status in time", state.id, e);
        }
    }

    private void schedule(UUID id, TerminationDto termination) {
        ActiveRun state = new ActiveRun(id);
        active.put(id, state);
        TerminationConfig config;
        if (termination == null) {
            config = defaultTermination.copyConfig();
        } else {
            config = new TerminationConfig().withSpentLimit(termination.spentLimit() == null
                    ? properties.maxSpentLimit() : termination.spentLimit());
            if (termination.unimprovedSpentLimit() != null) {
                config.setUnimprovedSpentLimit(termination.unimprovedSpentLimit());
            }
        }
        state.job = solverManager.solveBuilder()
                .withProblemId(id)
                .withProblemFinder(problemId -> load(state))
                .withSolverJobStartedEventConsumer(event -> onStarted(state))
                .withBestSolutionEventConsumer(event -> onBest(state, event.solution()))
                .withFinalBestSolutionEventConsumer(event -> onFinal(state, event.solution()))
                .withExceptionHandler((problemId, error) -> onFailure(state, error))
                .withConfigOverride(new SolverConfigOverride<ExchangeSchedule>().withTerminationConfig(config))
                .run();
    }

    private ExchangeSchedule load(ActiveRun state) {
        if (shuttingDown) {
            throw new IllegalStateException("The service is stopping; run " + state.id + " stays SCHEDULED.");
        }
        ExchangeSchedule schedule = mapper.toSchedule(request(payload(state.id)));
        state.loaded = true;
        return schedule;
    }

    private void onStarted(ActiveRun state) {
        synchronized (state) {
            ScheduleRun run = runs.findById(state.id).orElseThrow();
            if (run.status() == RunStatus.SCHEDULED) {
                events.status(ScheduleRunMetadata.of(runs.save(run.started(clock.instant()))));
            }
        }
    }

    private void onBest(ActiveRun state, ExchangeSchedule schedule) {
        StoredSchedule snapshot = StoredSchedule.of(schedule);
        synchronized (state) {
            state.unwritten = snapshot;
        }
        events.bestSolution(state.id, Map.of("runId", state.id, "score", String.valueOf(snapshot.score())));
    }

    private void onFinal(ActiveRun state, ExchangeSchedule schedule) {
        synchronized (state) {
            state.unwritten = null;
            StoredSchedule snapshot = StoredSchedule.of(schedule);
            RunStatus status = state.terminatedByUser ? RunStatus.TERMINATED
                    : shuttingDown ? RunStatus.INCOMPLETE : RunStatus.COMPLETED;
            SolverJob<ExchangeSchedule, UUID> job = state.job;
            Long millis = job == null ? null : job.getSolvingDuration().toMillis();
            Long speed = job == null ? null : job.getMoveEvaluationSpeed();
            ScheduleRun ended = transactions.execute(tx -> {
                payloads.updateBestSolution(state.id, write(snapshot));
                ScheduleRun run = runs.findById(state.id).orElseThrow();
                return runs.save(run.withBest(snapshot.score()).ended(status, clock.instant(), millis, speed,
                        status == RunStatus.INCOMPLETE ? INCOMPLETE_MESSAGE : null));
            });
            active.remove(state.id);
            state.ended.complete(null);
            LOG.info("Schedule run {} {}: {}", state.id, status, snapshot.score());
            events.status(ScheduleRunMetadata.of(ended));
        }
    }

    private void onFailure(ActiveRun state, Throwable error) {
        if (shuttingDown) {
            state.ended.complete(null);
            return;
        }
        LOG.error("Schedule run {} failed", state.id, error);
        synchronized (state) {
            active.remove(state.id);
            runs.findById(state.id).ifPresent(run -> events.status(ScheduleRunMetadata.of(runs.save(run.ended(
                    RunStatus.FAILED, clock.instant(), null, null,
                    error.getClass().getSimpleName() + ": " + error.getMessage())))));
            state.ended.complete(null);
        }
    }

    void writeUnwritten() {
        for (ActiveRun state : active.values()) {
            synchronized (state) {
                StoredSchedule snapshot = state.unwritten;
                if (snapshot == null) {
                    continue;
                }
                state.unwritten = null;
                try {
                    transactions.executeWithoutResult(tx -> {
                        payloads.updateBestSolution(state.id, write(snapshot));
                        runs.findById(state.id).ifPresent(run -> {
                            if (!run.status().isFinal()) {
                                runs.save(run.withBest(snapshot.score()));
                            }
                        });
                    });
                } catch (RuntimeException e) {
                    LOG.warn("Could not store the best schedule of run {} yet", state.id, e);
                    state.unwritten = snapshot;
                }
            }
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    public void recover() {
        for (ScheduleRun run : runs.findByStatusOrderBySubmittedAtAsc(RunStatus.SOLVING)) {
            runs.save(run.ended(RunStatus.INCOMPLETE, clock.instant(), run.solvingMillis(), run.moveEvaluationSpeed(),
                    INCOMPLETE_MESSAGE));
        }
        List<ScheduleRun> scheduled = runs.findByStatusOrderBySubmittedAtAsc(RunStatus.SCHEDULED);
        for (ScheduleRun run : scheduled) {
            if (!active.containsKey(run.id())) {
                schedule(run.id(), request(payload(run.id())).termination());
            }
        }
    }

    @PreDestroy
    public void shutdown() {
        shuttingDown = true;
        writer.shutdown();
        for (ActiveRun state : List.copyOf(active.values())) {
            SolverJob<ExchangeSchedule, UUID> job = state.job;
            if (job != null && job.getSolverStatus() == SolverStatus.SOLVING_ACTIVE) {
                job.terminateEarly();
                if (state.loaded) {
                    awaitEnd(state);
                }
            }
        }
        solverManager.close();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored " + type.getSimpleName() + " cannot be read", e);
        }
    }
}
