package eu.iucplanner.scheduling.service;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

import eu.iucplanner.run.service.RunMetadata;
import eu.iucplanner.scheduling.domain.EventKind;

/**
 * A scheduling run with its best schedule so far.
 *
 * @param events          every event, by start date (shared events once, with every pair attending)
 * @param pairs           each pair's timeline (its shared events included)
 * @param cancelledEvents events cancelled by this run's request, with their last published date
 */
public record ScheduleRunResult(RunMetadata metadata, List<EventView> events, List<PairTimeline> pairs,
        List<CancelledView> cancelledEvents) {

    /**
     * One scheduled event.
     *
     * @param pairId                 the pair's id, or a shared event's group id (e.g. {@code region-asia})
     * @param travellingDelegation   the delegation that travels to a pair's in-person event
     * @param shared                 whether it is one event for many pairs (a regional seminar, a programme event)
     * @param pairIds                every pair taking part
     * @param travellingDelegations  every delegation that travels to it (a shared event's many)
     * @param delegatesMin           the smallest delegation each travelling city sends (in person)
     * @param delegatesMax           the largest delegation each travelling city sends (in person)
     * @param onlineSession          when an online event meets, in both cities' office hours where possible
     * @param sequence               the iCalendar SEQUENCE: the published one, plus one if it moved in this re-plan
     * @param status                 {@code CONFIRMED} (pinned) or {@code TENTATIVE}
     * @param publishedStart         the published start, when re-planning
     */
    public record EventView(String id, String pairId, EventKind kind, LocalDate start, LocalDate end, boolean inPerson,
            CityView host, CityView travellingDelegation, ExpertView expert, boolean pinned, boolean shared,
            List<String> pairIds, List<CityView> travellingDelegations, Integer delegatesMin, Integer delegatesMax,
            OnlineSessionView onlineSession, int sequence, String status, LocalDate publishedStart) {
    }

    /** A city as shown in a schedule. */
    public record CityView(String id, String name, String country, String subdivision, String timeZone) {
    }

    /** An expert as shown in a schedule. */
    public record ExpertView(String id, String name, String homeCity, String timeZone) {
    }

    /**
     * An online event's session.
     *
     * @param start                     in the EU city's zone
     * @param timeZone                  the EU city's IANA zone
     * @param local                     the session in each city's (and the expert's) local time
     * @param minutesOutsideOfficeHours minutes outside 9:00-17:00, summed over both cities (0 when it fits both)
     */
    public record OnlineSessionView(OffsetDateTime start, OffsetDateTime end, String timeZone,
            List<LocalSessionView> local, int minutesOutsideOfficeHours) {
    }

    /** A session in one place's local time. */
    public record LocalSessionView(String who, String timeZone, LocalDateTime start, LocalDateTime end) {
    }

    /** A cancelled event: its last published start and SEQUENCE (its calendar entry has STATUS:CANCELLED). */
    public record CancelledView(String id, String pairId, EventKind kind, LocalDate lastStart, int sequence,
            String status) {
    }

    /** A pair's events in order. */
    public record PairTimeline(String pairId, CityView euCity, CityView partnerCity, LocalDate windowStart,
            LocalDate windowEnd, List<EventView> events) {
    }
}
