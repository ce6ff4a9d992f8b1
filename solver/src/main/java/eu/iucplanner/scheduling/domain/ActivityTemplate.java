package eu.iucplanner.scheduling.domain;

import java.util.Objects;

/**
 * One event of a pair's activity plan.
 *
 * @param kind          what the event is
 * @param host          online, in the EU city, in the partner city, or shared by the pairs of a region or of the call
 * @param durationDays  days, travel excluded
 * @param delegatesMin  smallest delegation that travels
 * @param delegatesMax  largest delegation that travels
 * @param earliestMonth first month of the cooperation (1-based) in which the event may start
 * @param latestMonth   last month (1-based, inclusive) in which the event must end
 * @param needsExpert   whether a coordination-unit expert accompanies it
 */
public record ActivityTemplate(EventKind kind, Host host, int durationDays, int delegatesMin, int delegatesMax,
        int earliestMonth, int latestMonth, boolean needsExpert) {

    public ActivityTemplate {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(host, "host");
        if (durationDays < 1) {
            throw new IllegalArgumentException("durationDays must be at least 1");
        }
        if (earliestMonth < 1 || latestMonth < earliestMonth) {
            throw new IllegalArgumentException("months must satisfy 1 <= earliest <= latest");
        }
        if (delegatesMin < 0 || delegatesMax < delegatesMin) {
            throw new IllegalArgumentException("delegates must satisfy 0 <= min <= max");
        }
    }

    public boolean inPerson() {
        return host != Host.ONLINE;
    }

    /** Whether the event is one for many pairs (a regional seminar, a programme event). */
    public boolean shared() {
        return host.isShared();
    }
}
