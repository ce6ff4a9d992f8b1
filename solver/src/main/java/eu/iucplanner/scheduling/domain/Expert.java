package eu.iucplanner.scheduling.domain;

import java.time.LocalDate;
import java.util.Set;

import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import eu.iucplanner.pairing.domain.ProgrammeRegion;

/**
 * A coordination-unit expert who accompanies study visits, trainings, seminars and workshops, and travels to them from
 * home.
 *
 * @param regions                  the partner regions the expert covers
 * @param languages                working languages (ISO 639-1)
 * @param unavailableDates         days the expert cannot work or travel (leave)
 * @param maxEventsPerMonth        the most events starting in one calendar month
 * @param home                     where the expert travels from and back to; {@code null} when not known (then no
 *                                 travel day to or from home is counted, and no trip is long-haul)
 * @param timeZone                 IANA time zone of the expert (the home's unless given)
 * @param maxLongHaulTripsPerMonth the most long-haul trips (more than {@value #LONG_HAUL_KM} km from home) starting in
 *                                 one calendar month
 */
public record Expert(@PlanningId String id, String name, Set<ProgrammeRegion> regions, Set<String> languages,
        Set<LocalDate> unavailableDates, int maxEventsPerMonth, SchedulingCity home, String timeZone,
        int maxLongHaulTripsPerMonth) {

    /** A trip beyond this distance from home is long-haul: two travel days each way by the travel rule. */
    public static final int LONG_HAUL_KM = 8_000;
    public static final int DEFAULT_LONG_HAUL_TRIPS_PER_MONTH = 2;

    public Expert {
        regions = Set.copyOf(regions);
        languages = Set.copyOf(languages);
        unavailableDates = Set.copyOf(unavailableDates);
        timeZone = timeZone != null && !timeZone.isBlank() ? timeZone : home != null ? home.timeZone() : "UTC";
    }

    /** An expert without a known home (no travel from home, no long-haul cap in effect). */
    public Expert(String id, String name, Set<ProgrammeRegion> regions, Set<String> languages,
            Set<LocalDate> unavailableDates, int maxEventsPerMonth) {
        this(id, name, regions, languages, unavailableDates, maxEventsPerMonth, null, null,
                DEFAULT_LONG_HAUL_TRIPS_PER_MONTH);
    }

    /** Whether the expert covers the pair's region and speaks its working language. */
    public boolean covers(CooperationPair pair) {
        return covers(pair.region(), pair.language());
    }

    /** Whether the expert covers the region (any, when {@code null}) and speaks the language. */
    public boolean covers(ProgrammeRegion region, String language) {
        return (region == null || regions.contains(region)) && languages.contains(language);
    }

    /** Travel days from home to the city (and back), by the travel rule; 0 without a known home. */
    public int travelDaysFromHome(SchedulingCity city) {
        return home == null || city == null ? 0 : home.travelDaysTo(city);
    }

    /** Whether a trip to the city is long-haul: more than {@value #LONG_HAUL_KM} km from home. */
    public boolean isLongHaul(SchedulingCity city) {
        return home != null && city != null && home.distanceKm(city) > LONG_HAUL_KM;
    }

    /** Identity by id: records holding sets and maps would otherwise hash them on every score calculation. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Expert that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }
}
