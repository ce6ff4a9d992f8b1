package eu.iucplanner.benchmarks.load;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Latencies and failures of a set of requests.
 *
 * @param count       requests sent
 * @param failed      requests without the expected answer: another status, a timeout or no answer at all
 * @param timedOut    requests without an answer within the client's timeout (part of {@code failed})
 * @param slowerThan1s requests that took longer than one second, timed out ones included
 * @param p50Millis   median latency of the answered requests (any status), {@code NaN} when none was answered
 * @param p99Millis   99th percentile, nearest rank
 * @param maxMillis   the slowest answer
 * @param outcomes    how many ended how: status code, {@code timeout} or {@code no answer}
 */
record LatencyStats(int count, int failed, int timedOut, int slowerThan1s, double p50Millis, double p99Millis,
        double maxMillis, Map<String, Long> outcomes) {

    static LatencyStats of(Collection<Sample> samples) {
        double[] answered = samples.stream().filter(Sample::answered).mapToDouble(Sample::latencyMillis).sorted()
                .toArray();
        int failed = (int) samples.stream().filter(sample -> !sample.ok()).count();
        int timedOut = (int) samples.stream().filter(sample -> sample.outcome() == Sample.Outcome.TIMEOUT).count();
        int slow = (int) samples.stream().filter(sample -> sample.outcome() == Sample.Outcome.TIMEOUT
                || sample.answered() && sample.latencyNanos() > 1_000_000_000L).count();
        Map<String, Long> outcomes = samples.stream()
                .collect(Collectors.groupingBy(Sample::label, TreeMap::new, Collectors.counting()));
        return new LatencyStats(samples.size(), failed, timedOut, slow, percentile(answered, 50),
                percentile(answered, 99), answered.length == 0 ? Double.NaN : answered[answered.length - 1],
                outcomes);
    }

    /**
     * The nearest-rank percentile of sorted values: the smallest value such that at least {@code percent} % of the
     * values are at most it; {@code NaN} for no values.
     */
    static double percentile(double[] sorted, double percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        if (percent <= 0) {
            return sorted[0];
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    static double percentile(Collection<Double> values, double percent) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return percentile(sorted, percent);
    }

    /** "12 / 85 ms", or "-" when nothing was answered. */
    String p50p99() {
        if (Double.isNaN(p50Millis)) {
            return "-";
        }
        return millis(p50Millis) + " / " + millis(p99Millis);
    }

    /** "200×12, 503×2, timeout×1" */
    String outcomesText() {
        return outcomes.entrySet().stream().map(entry -> entry.getKey() + "×" + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    static String millis(double millis) {
        if (Double.isNaN(millis)) {
            return "-";
        }
        if (millis >= 10_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000);
        }
        if (millis >= 100) {
            return String.format(Locale.ROOT, "%.0f ms", millis);
        }
        return String.format(Locale.ROOT, "%.1f ms", millis);
    }
}
