package eu.iucplanner.scheduling.service;

import java.time.LocalDate;
import java.util.List;

import eu.iucplanner.scheduling.domain.EventKind;

/**
 * A scheduling run with its best schedule so far.
 *
 * @param events every event, by start date
 * @param pairs  each pair's timeline
 */
public record ScheduleRunResult(eu.iucplanner.run.service.RunMetadata metadata, List<EventView> events, List<PairTimeline> pairs) {

    /** One scheduled event. */
    public record EventView(String id, String pairId, EventKind kind, LocalDate start, LocalDate end, boolean inPerson,
            CityView host, CityView travellingDelegation, ExpertView expert, boolean pinned) {
    }

    /** A city as shown in a schedule. */
    public record CityView(String id, String name, String country) {
    }

    /** An expert as shown in a schedule. */
    public record ExpertView(String id, String name) {
    }

    /** A pair's events in order. */
    public record PairTimeline(String pairId, CityView euCity, CityView partnerCity, LocalDate windowStart,
            LocalDate windowEnd, List<EventView> events) {
    }
}
