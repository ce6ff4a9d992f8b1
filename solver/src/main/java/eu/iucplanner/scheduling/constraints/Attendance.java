package eu.iucplanner.scheduling.constraints;

import java.time.LocalDate;

import eu.iucplanner.scheduling.domain.ExchangeEvent;
import eu.iucplanner.scheduling.domain.SchedulingCity;

/**
 * A city taking part in an in-person event, as host or as travelling delegation: what the delegation rules join on, so
 * that a shared event with a hundred delegations is one event for each of them.
 */
record Attendance(ExchangeEvent event, SchedulingCity city) {

    String cityId() {
        return city.id();
    }

    String eventId() {
        return event.getId();
    }

    LocalDate start() {
        return event.getStart();
    }

    LocalDate end() {
        return event.getEnd();
    }
}
