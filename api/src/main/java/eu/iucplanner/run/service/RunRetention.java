package eu.iucplanner.run.service;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps runs no longer than {@code iuc.runs.retention}: every {@code iuc.runs.retention-check-interval} (and soon
 * after the start) the finished runs submitted before that age are removed for good, with their requests, which hold
 * the applicants' contact people, and their results. Each removal is audited; the count is logged. Several replicas
 * may run it at once: a run is removed once, the others find it gone.
 */
@Component
public class RunRetention {

    private static final Logger LOG = LoggerFactory.getLogger(RunRetention.class);

    private final RunLifecycle lifecycle;
    private final RunProperties properties;
    private final Clock clock;

    public RunRetention(RunLifecycle lifecycle, RunProperties properties, Clock clock) {
        this.lifecycle = lifecycle;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${iuc.runs.retention-first-check:PT1M}",
            fixedDelayString = "${iuc.runs.retention-check-interval:PT6H}")
    public void scheduled() {
        try {
            purge();
        } catch (RuntimeException e) {
            LOG.warn("The run retention could not finish; it tries again at its next check: {}", e.toString());
        }
    }

    /** Removes the runs past the retention now; returns how many. */
    public int purge() {
        Instant before = clock.instant().minus(properties.retention());
        int removed = lifecycle.purgeOlderThan(before);
        if (removed > 0) {
            LOG.info("Retention removed {} run(s) submitted before {} (iuc.runs.retention {})", removed, before,
                    properties.retention());
        }
        return removed;
    }
}
