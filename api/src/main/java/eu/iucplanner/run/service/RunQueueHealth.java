package eu.iucplanner.run.service;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health {@code runQueue}, part of readiness: UP once this replica takes runs from the queue (its migrations ran and
 * its job runner started), or answers the API only ({@code iuc.runs.solve=false}); DOWN before and while it stops.
 */
@Component("runQueueHealthIndicator")
public class RunQueueHealth implements HealthIndicator {

    private final RunQueue queue;
    private final RunProperties properties;
    private final RunLifecycle lifecycle;

    public RunQueueHealth(RunQueue queue, RunProperties properties, RunLifecycle lifecycle) {
        this.queue = queue;
        this.properties = properties;
        this.lifecycle = lifecycle;
    }

    @Override
    public Health health() {
        boolean up = properties.solve() ? queue.isStarted() : lifecycle.isRunning();
        return (up ? Health.up() : Health.down()).withDetail("replica", queue.replica())
                .withDetail("solves", properties.solve()).withDetail("parallelRuns", properties.parallelRuns())
                .withDetail("solving", lifecycle.solvingCount()).build();
    }
}
