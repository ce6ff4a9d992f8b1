package eu.iucplanner.benchmarks.load;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One batch of runs submitted at once to a set of replicas, measured by the service's own timestamps: from the first
 * submission to the last end (the makespan), how many completed per minute, where and how long each waited and
 * solved.
 *
 * @param label        what ran the batch, e.g. "2 replicas"
 * @param pool         the demo pool of the batch's runs (SMALL, HUGE)
 * @param replicas     how many replicas were up
 * @param parallelRuns {@code iuc.runs.parallel-runs} of each
 * @param runs         the batch's runs as their metadata told at the end
 * @param cpuSeconds   CPU time (user and system) the replicas' processes used during the batch; {@code NaN} unknown
 * @param loadBefore   the machine's load average (1, 5, 15 min) before the first submission
 * @param loadAfter    the same after the last run ended
 */
record Throughput(String label, String pool, int replicas, int parallelRuns, List<RunTimes> runs,
        double cpuSeconds, String loadBefore, String loadAfter) {

    Throughput {
        runs = List.copyOf(runs);
    }

    /** Runs that ended COMPLETED. */
    long completed() {
        return runs.stream().filter(run -> "COMPLETED".equals(run.status())).count();
    }

    /** Seconds from the first submission to the last end; {@code NaN} when no run ended. */
    double makespanSeconds() {
        Instant first = runs.stream().map(RunTimes::submittedAt).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        Instant last = runs.stream().map(RunTimes::completedAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        return first == null || last == null ? Double.NaN : RunTimes.seconds(first, last);
    }

    /** Completed runs per minute of makespan. */
    double runsPerMinute() {
        double makespan = makespanSeconds();
        return Double.isNaN(makespan) || makespan <= 0 ? Double.NaN : completed() * 60.0 / makespan;
    }

    /** How many runs each replica solved (the last one, for a run taken up again). */
    Map<String, Long> byReplica() {
        return runs.stream().filter(run -> run.replica() != null)
                .collect(Collectors.groupingBy(RunTimes::replica, TreeMap::new, Collectors.counting()));
    }

    /** Runs taken up again after a replica died or handed them back: none expected in a batch. */
    int resumes() {
        return runs.stream().mapToInt(RunTimes::resumes).sum();
    }

    /** A percentile (nearest rank) of the seconds runs waited in the queue. */
    double waitSeconds(double percent) {
        return LatencyStats.percentile(runs.stream().map(RunTimes::waitSeconds).filter(value -> !value.isNaN())
                .toList(), percent);
    }

    /** A percentile of the seconds the solver ran. */
    double solvingSeconds(double percent) {
        return LatencyStats.percentile(runs.stream().filter(run -> run.solvingDuration() != null)
                .map(run -> run.solvingDuration().toNanos() / 1e9).toList(), percent);
    }

    /** A percentile of the moves evaluated per second (each run's own average). */
    double moveEvaluationSpeed(double percent) {
        return LatencyStats.percentile(runs.stream().filter(run -> run.moveEvaluationSpeed() >= 0)
                .map(run -> (double) run.moveEvaluationSpeed()).toList(), percent);
    }

    /** CPU seconds of the replicas per completed run. */
    double cpuSecondsPerRun() {
        long completed = completed();
        return completed == 0 ? Double.NaN : cpuSeconds / completed;
    }
}
