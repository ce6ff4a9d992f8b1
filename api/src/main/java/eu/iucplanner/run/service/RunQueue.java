package eu.iucplanner.run.service;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * The global queue of runs, on the cluster-safe job runner db-scheduler (its {@code scheduled_tasks} table): one
 * execution of the task {@code solve-run} per run, due at its submission time, so every replica takes the oldest
 * waiting run when one of its {@code parallel-runs} threads is free. The job runner keeps a heartbeat per execution;
 * when a replica dies, another one finds its executions dead after {@code missed-heartbeats-limit} heartbeats and
 * revives them at their old place in the queue, so they are taken up again from their stored best solution.
 * <p>
 * Why db-scheduler rather than JobRunr: one table that a Flyway migration creates, a plain JDBC {@link DataSource}
 * (it joins the Spring transaction that stores a run, so a run and its place in the queue are stored together),
 * executions picked with {@code SELECT ... FOR UPDATE SKIP LOCKED} in due order, heartbeats and dead-execution
 * handling that a task can customise, and no dashboard, background server or serialised lambdas to operate.
 */
@Component
public class RunQueue {

    private static final Logger LOG = LoggerFactory.getLogger(RunQueue.class);
    static final String TASK = "solve-run";

    /** What became of a run its replica took from the queue. */
    public enum Outcome {
        /** It ended (or was gone): its execution leaves the queue. */
        DONE,
        /** Handed back (a graceful stop): it waits again at its old place for any replica. */
        HANDED_BACK,
        /** It could not be taken up now (the database went away): tried again a few seconds later. */
        RETRY_LATER
    }

    private final RunProperties properties;
    private final DataSource dataSource;
    private final String replica;
    private final CustomTask<Void> task;
    private final SchedulerClient client;
    private volatile Function<UUID, Outcome> handler = id -> Outcome.RETRY_LATER;
    private volatile Scheduler scheduler;

    public RunQueue(DataSource dataSource, RunProperties properties) {
        this.properties = properties;
        // Joins the Spring transaction of the caller: a run and its execution are stored together or not at all.
        this.dataSource = new TransactionAwareDataSourceProxy(dataSource);
        this.replica = properties.replicaName().isBlank() ? defaultReplicaName() : properties.replicaName();
        this.task = Tasks.custom(TASK, Void.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(5)))
                .onDeadExecution(new ReviveInPlace())
                .execute((instance, context) -> complete(handler.apply(UUID.fromString(instance.getId()))));
        this.client = SchedulerClient.Builder.create(this.dataSource, task).build();
    }

    /** The lifecycle's handler of a run taken from the queue; it returns when the run ended or was handed back. */
    void bind(Function<UUID, Outcome> runHandler) {
        this.handler = runHandler;
    }

    /** This replica's name in the queue ({@code picked_by}) and in the runs it claims. */
    public String replica() {
        return replica;
    }

    /**
     * Queues a run in the caller's transaction, due at {@code at} (its submission time: first in, first out), but
     * never later than the job runner's own clock says now, or it would wait for that moment.
     */
    void enqueue(UUID id, Instant at) {
        SchedulerClient target = scheduler != null ? scheduler : client;
        Instant now = Instant.now();
        target.scheduleIfNotExists(task.instance(id.toString()), at.isAfter(now) ? now : at);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeUp();
                }
            });
        } else {
            wakeUp();
        }
    }

    /** Takes a run that has not started out of the queue (it was stopped while waiting); best effort. */
    void cancel(UUID id) {
        try {
            Optional<?> execution = client.getScheduledExecution(TaskInstanceId.of(TASK, id.toString()));
            if (execution.isPresent()) {
                client.cancel(TaskInstanceId.of(TASK, id.toString()));
            }
        } catch (RuntimeException e) {
            // Picked meanwhile, or the database is away: the replica that takes it finds it ended and drops it.
            LOG.debug("Could not take run {} out of the queue: {}", id, e.toString());
        }
    }

    /** Lets this replica's scheduler look for due runs now rather than at its next poll. */
    void wakeUp() {
        Scheduler current = scheduler;
        if (current != null) {
            current.triggerCheckForDueExecutions();
        }
    }

    synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Scheduler.create(dataSource, task)
                .threads(properties.parallelRuns())
                .pollingInterval(properties.pollInterval())
                .heartbeatInterval(properties.heartbeatInterval())
                .missedHeartbeatsLimit(properties.missedHeartbeatsLimit())
                .schedulerName(new SchedulerName.Fixed(replica))
                // Never more executions picked than threads to solve them: the others stay for other replicas.
                .pollUsingLockAndFetch(0.5, 1.0)
                .enableImmediateExecution()
                .shutdownMaxWait(properties.shutdownGrace().plusSeconds(5))
                .build();
        scheduler.start();
        LOG.info("Replica {} takes runs from the queue with {} thread(s); a replica is dead after {} missed "
                + "heartbeats of {}", replica, properties.parallelRuns(), properties.missedHeartbeatsLimit(),
                properties.heartbeatInterval());
    }

    /** Stops taking runs; waits for the runs being executed to return (the lifecycle has ended or handed them). */
    synchronized void stop() {
        Scheduler current = scheduler;
        if (current != null) {
            current.stop();
        }
    }

    /** Whether this replica takes runs from the queue (readiness). */
    public boolean isStarted() {
        Scheduler current = scheduler;
        return current != null && current.getSchedulerState().isStarted()
                && !current.getSchedulerState().isShuttingDown();
    }

    private static CompletionHandler<Void> complete(Outcome outcome) {
        return switch (outcome) {
            case DONE -> new CompletionHandler.OnCompleteRemove<>();
            case HANDED_BACK -> (done, operations) -> operations.reschedule(done, done.getExecution().executionTime);
            case RETRY_LATER -> (done, operations) -> operations.reschedule(done,
                    done.getTimeDone().plusSeconds(5));
        };
    }

    /** A dead replica's execution waits again at its old place in the queue (not behind newer runs). */
    private static final class ReviveInPlace implements DeadExecutionHandler<Void> {
        @Override
        public void deadExecution(ExecutionComplete executionComplete, ExecutionOperations<Void> operations) {
            LOG.warn("Run {} was being solved by replica {}, which stopped sending heartbeats; it waits to be taken "
                    + "up again", executionComplete.getExecution().getId(), executionComplete.getExecution().pickedBy);
            operations.reschedule(executionComplete, executionComplete.getExecution().executionTime);
        }
    }

    private static String defaultReplicaName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "localhost";
        }
        String name = host + "-" + ManagementFactory.getRuntimeMXBean().getPid() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        return name.length() > 50 ? name.substring(name.length() - 50) : name;
    }
}
