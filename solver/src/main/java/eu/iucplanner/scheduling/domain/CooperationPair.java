package eu.iucplanner.scheduling.domain;

import java.time.LocalDate;

import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import eu.iucplanner.pairing.domain.ProgrammeRegion;

/**
 * Two cooperating cities and their cooperation window.
 *
 * @param region      the partner city's programme region
 * @param language    the pair's working language (ISO 639-1), for the expert who accompanies it
 * @param windowStart first day of the cooperation
 * @param months      length of the cooperation
 */
public record CooperationPair(@PlanningId String id, SchedulingCity euCity, SchedulingCity partnerCity,
        ProgrammeRegion region, String language, LocalDate windowStart, int months) {

    /** Travel days needed on each side of a long-haul visit, from the distance (see {@link #travelDays(double)}). */
    public int travelDays() {
        return travelDays(euCity.distanceKm(partnerCity));
    }

    /**
     * The documented travel rule: no extra day below 1,500 km, one day up to 8,000 km, two days beyond (long-haul
     * flights with connections and time-zone changes).
     */
    public static int travelDays(double km) {
        if (km < 1_500) {
            return 0;
        }
        return km <= 8_000 ? 1 : 2;
    }

    /** The first day of the given 1-based month of the cooperation. */
    public LocalDate monthStart(int month) {
        return windowStart.plusMonths(month - 1L);
    }

    /** The last day of the given 1-based month of the cooperation. */
    public LocalDate monthEnd(int month) {
        return windowStart.plusMonths(month).minusDays(1);
    }

    /** Identity by id: records holding sets and maps would otherwise hash them on every score calculation. */
    @Override
    public boolean equals(Object other) {
        return other instanceof CooperationPair that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
