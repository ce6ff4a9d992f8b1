package eu.iucplanner.benchmarks.load;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one scenario did and saw while it ran; the probes' samples of its time window are read when the report is
 * written (after the last sample has been answered or timed out).
 */
final class Scenario {

    /**
     * A time the service or its database was down by the tool's own hand: failures then are expected.
     *
     * @param serviceDown whether the service process itself was down; while only its database is, health must
     *                    still answer within a second (DOWN is an answer)
     */
    record Outage(long fromNanos, long toNanos, boolean serviceDown) {
        boolean contains(long nanos) {
            return nanos >= fromNanos && nanos < toNanos;
        }

        /** Whether a request was sent during the outage or was still waiting for its answer when it began. */
        boolean affected(Sample sample) {
            return contains(sample.atNanos())
                    || sample.atNanos() < fromNanos && sample.atNanos() + sample.latencyNanos() >= fromNanos;
        }
    }

    final String title;
    final String description;
    long fromNanos;
    long toNanos;
    ServiceLog.Mark logFrom;
    ServiceLog.Mark logTo;
    final List<Outage> outages = new ArrayList<>();
    /** The scenario's own requests by what they were ("POST submissions", "DELETE"), each with its samples. */
    final Map<String, List<Sample>> requests = Collections.synchronizedMap(new LinkedHashMap<>());
    Runs.Check runs;
    String recovery = "-";
    final List<String> notes = Collections.synchronizedList(new ArrayList<>());
    final List<String> findings = Collections.synchronizedList(new ArrayList<>());

    Scenario(String title, String description) {
        this.title = title;
        this.description = description;
    }

    void requests(String what, Collection<Sample> samples) {
        requests.computeIfAbsent(what, key -> Collections.synchronizedList(new ArrayList<>())).addAll(samples);
    }

    void note(String text) {
        notes.add(text);
        System.out.println("  " + text);
    }

    void finding(String text) {
        findings.add(text);
        System.out.println("  MISBEHAVIOUR: " + text);
    }

    /** Whether a request was sent during a planned outage, or was in flight when one began. */
    boolean inOutage(Sample sample) {
        return outages.stream().anyMatch(outage -> outage.affected(sample));
    }

    /** The same for the outages in which the service process itself was down. */
    boolean serviceDown(Sample sample) {
        return outages.stream().anyMatch(outage -> outage.serviceDown() && outage.affected(sample));
    }

    double seconds() {
        return (toNanos - fromNanos) / 1e9;
    }
}
