package eu.iucplanner.scheduling.domain;

import java.time.LocalDate;

/**
 * A period, both ends included, when exchanges are harder to hold in a country though it is no public holiday
 * (Ramadan, the Lunar New Year weeks, the August season, a monsoon): a soft period of the reference data.
 */
public record CalendarPeriod(LocalDate start, LocalDate end, String name) {

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }
}
