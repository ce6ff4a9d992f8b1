package eu.iucplanner.scheduling.domain;

import java.util.EnumMap;
import java.util.Map;

import eu.iucplanner.pairing.domain.ProgrammeRegion;

/**
 * How shared events are formed.
 *
 * @param venueCapacity   the most delegates a shared event's venue holds; a region whose delegations (every city of its
 *                        pairs, times the template's largest delegation) exceed it meets in clusters, each of them one
 *                        event
 * @param seminarHosts    a host city per region (then the region meets as one event, whatever its size); regions not
 *                        listed get the partner city nearest, in sum, to every city attending
 * @param programmeHost   the host of a programme event (e.g. Brussels); required when the plan holds one
 */
public record SharedEventOptions(int venueCapacity, Map<ProgrammeRegion, SchedulingCity> seminarHosts,
        SchedulingCity programmeHost) {

    public static final int DEFAULT_VENUE_CAPACITY = 200;

    public SharedEventOptions {
        if (venueCapacity < 1) {
            throw new IllegalArgumentException("venueCapacity must be at least 1");
        }
        seminarHosts = seminarHosts.isEmpty() ? Map.of() : new EnumMap<>(seminarHosts);
    }

    public static SharedEventOptions defaults() {
        return new SharedEventOptions(DEFAULT_VENUE_CAPACITY, Map.of(), null);
    }
}
