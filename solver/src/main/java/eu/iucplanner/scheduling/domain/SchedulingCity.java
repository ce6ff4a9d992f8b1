package eu.iucplanner.scheduling.domain;

import java.time.LocalDate;
import java.time.Month;
import java.util.Map;
import java.util.Set;

import ai.timefold.solver.core.api.domain.lookup.PlanningId;

/**
 * A city that hosts and sends delegations.
 *
 * @param holidays           the host country's public holidays (date to name), from the reference data
 * @param blackoutDates      local dates to avoid (elections, festivals)
 * @param holidaySeason      months of the main holiday season (August in most EU countries)
 * @param hostingCapacity    how many visiting delegations it hosts at once
 */
public record SchedulingCity(@PlanningId String id, String name, String country, double latitude, double longitude,
        Map<LocalDate, String> holidays, Set<LocalDate> blackoutDates, Set<Month> holidaySeason,
        int hostingCapacity) {

    public SchedulingCity {
        holidays = Map.copyOf(holidays);
        blackoutDates = Set.copyOf(blackoutDates);
        holidaySeason = Set.copyOf(holidaySeason);
    }

    /** Whether no in-person event may take place here on this date: a public holiday or a blackout date. */
    public boolean isClosed(LocalDate date) {
        return holidays.containsKey(date) || blackoutDates.contains(date);
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

    /** Identity by id: records holding sets and maps would otherwise hash them on every score calculation. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SchedulingCity that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
