package eu.iucplanner.scheduling.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import eu.iucplanner.pairing.domain.ProgrammeRegion;
import eu.iucplanner.pairing.rest.TerminationDto;
import eu.iucplanner.scheduling.domain.EventKind;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a planner submits: the pairs (from a completed pairing run or given), the programme start, the experts, the
 * cities' blackout dates and capacities, and, when re-planning, the published schedule.
 *
 * @param pairingRunId    take the pairs of this pairing run's best solution (or give {@code pairs})
 * @param pairs           the pairs, when not taken from a pairing run
 * @param startDate       first day of the cooperation
 * @param months          cooperation length (default 18)
 * @param experts         coordination-unit experts
 * @param cities          blackout dates and hosting capacity per city (default capacity 2)
 * @param plan            an activity plan replacing the default one
 * @param publishedEvents the published schedule when re-planning: confirmed events are pinned, the others move as
 *                        little as possible
 * @param cancelledEvents events that will not take place (left out of the plan of their pair)
 */
@Schema(description = "Pairs to schedule over the cooperation window, with experts and city constraints.")
public record ScheduleRunRequest(String name, UUID pairingRunId, List<PairInput> pairs,
        @Schema(example = "2027-01-04") LocalDate startDate, @Schema(example = "18") Integer months,
        List<ExpertInput> experts, List<CityOptions> cities, PlanInput plan,
        List<PublishedEventInput> publishedEvents, List<EventRef> cancelledEvents, TerminationDto termination) {

    /**
     * An activity plan replacing the default one for every pair.
     *
     * @param templates            one per event kind
     * @param precedences          order and gaps between events of a pair
     * @param studyVisitsApartDays the two study visits start at least this many days apart (default 90)
     */
    public record PlanInput(List<TemplateInput> templates, List<PrecedenceInput> precedences,
            Integer studyVisitsApartDays) {
    }

    /** One event of the plan; see the README for the default plan. */
    public record TemplateInput(EventKind kind, eu.iucplanner.scheduling.domain.Host host, Integer durationDays,
            Integer delegatesMin, Integer delegatesMax, Integer earliestMonth, Integer latestMonth,
            Boolean needsExpert) {
    }

    /** The after event starts at least minimumGapDays after the before event ends. */
    public record PrecedenceInput(EventKind before, EventKind after, Integer minimumGapDays) {
    }

    /** An event by pair and kind (e.g. a cancelled one). */
    public record EventRef(String pairId, EventKind kind) {
    }

    /** A pair to schedule. */
    public record PairInput(@Schema(example = "lyon-boston") String id, CityInput euCity, CityInput partnerCity,
            ProgrammeRegion region, @Schema(example = "en") String language) {
    }

    /** A city. */
    public record CityInput(@Schema(example = "lyon") String id, @Schema(example = "Lyon") String name,
            @Schema(example = "FR") String country, Double latitude, Double longitude) {
    }

    /** A city's blackout dates (elections, festivals) and how many visiting delegations it hosts at once. */
    public record CityOptions(String cityId, List<LocalDate> blackoutDates, Integer hostingCapacity) {
    }

    /** An expert of the coordination unit. */
    public record ExpertInput(@Schema(example = "anna") String id, @Schema(example = "Anna Nowak") String name,
            List<ProgrammeRegion> regions, @Schema(example = "[\"en\", \"es\"]") List<String> languages,
            List<LocalDate> unavailableDates, @Schema(example = "4") Integer maxEventsPerMonth) {
    }

    /** An event of the published schedule. */
    public record PublishedEventInput(String pairId, EventKind kind, LocalDate start, String expertId,
            Boolean confirmed) {
    }

    public ScheduleRunRequest withPairs(List<PairInput> newPairs) {
        return new ScheduleRunRequest(name, pairingRunId, newPairs, startDate, months, experts, cities, plan,
                publishedEvents, cancelledEvents, termination);
    }
}
