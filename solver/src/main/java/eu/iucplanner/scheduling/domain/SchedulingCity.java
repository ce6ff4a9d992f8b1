package eu.iucplanner.scheduling.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import ai.timefold.solver.core.api.domain.lookup.PlanningId;

/**
 * A city that hosts and sends delegations (or an expert's home).
 *
 * @param subdivision     first-level subdivision (ISO 3166-2, e.g. {@code IN-MH}); empty where unknown
 * @param timeZone        IANA time zone, e.g. {@code Europe/Paris}
 * @param holidays        the public holidays there (date to name): the country's and, where the subdivision is known,
 *                        the subdivision's own, from the reference data
 * @param blackoutDates   local dates to avoid (elections, festivals)
 * @param softPeriods     periods that make exchanges harder without being holidays (Ramadan, the August season, ...)
 * @param workingWeek     its weekend
 * @param hostingCapacity how many visiting delegations it hosts at once
 */
public record SchedulingCity(@PlanningId String id, String name, String country, String subdivision,
        String timeZone, double latitude, double longitude, Map<LocalDate, String> holidays,
        Set<LocalDate> blackoutDates, List<CalendarPeriod> softPeriods, WorkingWeek workingWeek,
        int hostingCapacity) {

    public SchedulingCity {
        subdivision = subdivision == null ? "" : subdivision;
        timeZone = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone;
        holidays = Map.copyOf(holidays);
        blackoutDates = Set.copyOf(blackoutDates);
        softPeriods = List.copyOf(softPeriods);
        workingWeek = workingWeek == null ? WorkingWeek.of(country, subdivision) : workingWeek;
    }

    public static Builder builder(String id, String name, String country, double latitude, double longitude) {
        return new Builder(id, name, country, latitude, longitude);
    }

    /** Whether nobody takes part in an event here on this date: a public holiday or a blackout date. */
    public boolean isClosed(LocalDate date) {
        return holidays.containsKey(date) || blackoutDates.contains(date);
    }

    public boolean isWeekend(LocalDate date) {
        return workingWeek.isWeekend(date);
    }

    /** Whether the date is no working day here: a weekend day, a public holiday or a blackout date. */
    public boolean isDayOff(LocalDate date) {
        return isWeekend(date) || isClosed(date);
    }

    /** The soft period the date falls in, if any. */
    public Optional<CalendarPeriod> softPeriodOn(LocalDate date) {
        return softPeriods.stream().filter(period -> period.contains(date)).findFirst();
    }

    /** Why the date is closed here, e.g. "Easter Monday" or "a blackout date"; empty when it is not. */
    public Optional<String> closedBecause(LocalDate date) {
        if (holidays.containsKey(date)) {
            return Optional.of(holidays.get(date));
        }
        return blackoutDates.contains(date) ? Optional.of("a blackout date") : Optional.empty();
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** Great-circle distance in kilometres. */
    public double distanceKm(SchedulingCity other) {
        double lat1 = Math.toRadians(latitude);
        double lat2 = Math.toRadians(other.latitude);
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(other.longitude - longitude);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** Travel days from here to the other city by the travel rule ({@link CooperationPair#travelDays(double)}). */
    public int travelDaysTo(SchedulingCity other) {
        return other == null || other.id.equals(id) ? 0 : CooperationPair.travelDays(distanceKm(other));
    }

    /** Identity by id: records holding sets and maps would otherwise hash them on every score calculation. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SchedulingCity that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return name + " (" + id + ")";
    }

    /** Builds a city; every calendar field is optional (no holidays, blackouts or soft periods; capacity 2). */
    public static final class Builder {

        private final String id;
        private final String name;
        private final String country;
        private final double latitude;
        private final double longitude;
        private String subdivision = "";
        private String timeZone = "UTC";
        private final Map<LocalDate, String> holidays = new HashMap<>();
        private final Set<LocalDate> blackoutDates = new HashSet<>();
        private List<CalendarPeriod> softPeriods = List.of();
        private WorkingWeek workingWeek;
        private int hostingCapacity = 2;

        private Builder(String id, String name, String country, double latitude, double longitude) {
            this.id = id;
            this.name = name;
            this.country = country;
            this.latitude = latitude;
            this.longitude = longitude;
        }

        public Builder subdivision(String value) {
            subdivision = value;
            return this;
        }

        public Builder timeZone(String value) {
            timeZone = value;
            return this;
        }

        public Builder holidays(Map<LocalDate, String> value) {
            holidays.putAll(value);
            return this;
        }

        public Builder holiday(LocalDate date, String holidayName) {
            holidays.merge(date, holidayName, (a, b) -> a + ", " + b);
            return this;
        }

        public Builder blackoutDates(Set<LocalDate> value) {
            blackoutDates.addAll(value);
            return this;
        }

        public Builder softPeriods(List<CalendarPeriod> value) {
            softPeriods = value;
            return this;
        }

        public Builder workingWeek(WorkingWeek value) {
            workingWeek = value;
            return this;
        }

        public Builder hostingCapacity(int value) {
            hostingCapacity = value;
            return this;
        }

        public SchedulingCity build() {
            return new SchedulingCity(id, name, country, subdivision, timeZone, latitude, longitude, holidays,
                    blackoutDates, softPeriods, workingWeek, hostingCapacity);
        }
    }
}
