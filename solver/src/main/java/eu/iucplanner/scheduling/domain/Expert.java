package eu.iucplanner.scheduling.domain;

import java.time.LocalDate;
import java.util.Set;

import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import eu.iucplanner.pairing.domain.ProgrammeRegion;

/**
 * A coordination-unit expert who accompanies study visits, trainings and seminars.
 *
 * @param regions            the partner regions the expert covers
 * @param languages          working languages (ISO 639-1)
 * @param unavailableDates   days the expert cannot work
 * @param maxEventsPerMonth  the most events the expert takes in one calendar month
 */
public record Expert(@PlanningId String id, String name, Set<ProgrammeRegion> regions, Set<String> languages,
        Set<LocalDate> unavailableDates, int maxEventsPerMonth) {

    public Expert {
        regions = Set.copyOf(regions);
        languages = Set.copyOf(languages);
        unavailableDates = Set.copyOf(unavailableDates);
    }

    /** Whether the expert covers the pair's region and speaks its working language. */
    public boolean covers(CooperationPair pair) {
        return regions.contains(pair.region()) && languages.contains(pair.language());
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
}
