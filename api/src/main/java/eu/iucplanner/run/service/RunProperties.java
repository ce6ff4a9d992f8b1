package eu.iucplanner.run.service;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The limits of every run, whatever it solves ({@code iuc.runs.*}; the former {@code iuc.pairing.*} names of the same
 * settings are still read, see application.yml).
 *
 * @param parallelRuns              how many runs solve at once, across all kinds; the others wait as SCHEDULED in
 *                                  submission order
 * @param maxSpentLimit             the longest a run may solve, whatever its termination says
 * @param bestSolutionWriteInterval how often a solving run's best solution is written to the database at most
 * @param shutdownGrace             how long a stopping service waits, in all, for solving runs to store their best
 *                                  solution
 * @param stopCheckInterval         how often a solving run is checked for a stop asked for elsewhere
 * @param stuckSolverGrace          how long a solver may take to stop once asked (by a user, the service or its own
 *                                  time limit) before its run is ended without it and its worker replaced
 * @param retention                 finished runs submitted longer ago than this are removed for good, with their
 *                                  requests (which hold personal data) and results
 * @param retentionCheckInterval    how often the retention looks for such runs
 * @param replicaName               this replica's name in the queue; empty: host name, process id and a random part
 * @param pollInterval              how often a replica looks for waiting runs when nothing woke it up
 * @param heartbeatInterval         how often a replica tells the queue that it still solves its runs
 * @param missedHeartbeatsLimit     after this many missed heartbeats another replica takes its runs up again
 * @param maxResumes                how often a run may be taken up again (its replica died or handed it back)
 *                                  before it ends INCOMPLETE
 * @param solve                     whether this replica solves runs; {@code false} makes a replica that only answers
 *                                  the API (runs it accepts wait for the solving replicas)
 */
@ConfigurationProperties("iuc.runs")
public record RunProperties(@DefaultValue("1") int parallelRuns, @DefaultValue("PT30M") Duration maxSpentLimit,
        @DefaultValue("PT2S") Duration bestSolutionWriteInterval, @DefaultValue("PT20S") Duration shutdownGrace,
        @DefaultValue("PT0.5S") Duration stopCheckInterval, @DefaultValue("PT30S") Duration stuckSolverGrace,
        @DefaultValue("P1095D") Duration retention, @DefaultValue("PT6H") Duration retentionCheckInterval,
        @DefaultValue("") String replicaName, @DefaultValue("PT1S") Duration pollInterval,
        @DefaultValue("PT5S") Duration heartbeatInterval, @DefaultValue("6") int missedHeartbeatsLimit,
        @DefaultValue("5") int maxResumes, @DefaultValue("true") boolean solve) {

    public RunProperties {
        if (parallelRuns < 1) {
            throw new IllegalArgumentException("iuc.runs.parallel-runs must be at least 1, not " + parallelRuns);
        }
        if (missedHeartbeatsLimit < 4) {
            throw new IllegalArgumentException("iuc.runs.missed-heartbeats-limit must be at least 4 (the job runner's "
                    + "minimum), not " + missedHeartbeatsLimit);
        }
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("iuc.runs.retention must be positive, not " + retention);
        }
    }
}
