package eu.iucplanner.scheduling.service;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import eu.iucplanner.pairing.domain.ProgrammeRegion;
import eu.iucplanner.run.service.TerminationDto;
import eu.iucplanner.scheduling.domain.EventKind;
import eu.iucplanner.scheduling.domain.Host;
import eu.iucplanner.validation.IsoCountry;
import eu.iucplanner.validation.IsoLanguage;
import eu.iucplanner.validation.PartnerRegion;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * What a planner submits: the pairs (from a completed pairing run or given), the programme start, the experts, the
 * cities' blackout dates and capacities, and, when re-planning, the published schedule. Field rules are Bean
 * Validation constraints here; rules across pairs, experts and events are checked by {@link ScheduleRequestMapper}.
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
public record ScheduleRunRequest(
        @Size(max = 200, message = "must be at most 200 characters") String name,
        UUID pairingRunId,
        List<@NotNull(message = "must not be null") @Valid PairInput> pairs,
        @Schema(example = "2027-01-04") @NotNull(message = "is required (ISO-8601 date, e.g. 2027-01-04)")
        LocalDate startDate,
        @Schema(example = "18") @Min(value = 12, message = "must be from 12 to 36")
        @Max(value = 36, message = "must be from 12 to 36") Integer months,
        @NotEmpty(message = "at least one expert is needed: study visits, trainings, seminars and workshops are "
                + "accompanied") List<@NotNull(message = "must not be null") @Valid ExpertInput> experts,
        List<@NotNull(message = "must not be null") @Valid CityOptions> cities,
        @Valid PlanInput plan,
        List<@NotNull(message = "must not be null") @Valid PublishedEventInput> publishedEvents,
        List<@NotNull(message = "must not be null") @Valid EventRef> cancelledEvents,
        @Valid TerminationDto termination) {

    /**
     * An activity plan replacing the default one for every pair.
     *
     * @param templates            one per event kind
     * @param precedences          order and gaps between events of a pair
     * @param studyVisitsApartDays the two study visits start at least this many days apart (default 90)
     */
    public record PlanInput(
            @NotEmpty(message = "list at least one event")
            List<@NotNull(message = "must not be null") @Valid TemplateInput> templates,
            List<@NotNull(message = "must not be null") @Valid PrecedenceInput> precedences,
            @PositiveOrZero(message = "must be 0 or more") Integer studyVisitsApartDays) {
    }

    /** One event of the plan; see the README for the default plan. */
    public record TemplateInput(@NotNull(message = "is required") EventKind kind,
            @NotNull(message = "is required") Host host,
            @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1") Integer durationDays,
            @PositiveOrZero(message = "must be 0 or more") Integer delegatesMin,
            @PositiveOrZero(message = "must be 0 or more") Integer delegatesMax,
            @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1") Integer earliestMonth,
            @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1") Integer latestMonth,
            Boolean needsExpert) {
    }

    /** The after event starts at least minimumGapDays after the before event ends. */
    public record PrecedenceInput(@NotNull(message = "is required") EventKind before,
            @NotNull(message = "is required") EventKind after,
            @PositiveOrZero(message = "must be 0 or more") Integer minimumGapDays) {
    }

    /** An event by pair and kind (e.g. a cancelled one). */
    public record EventRef(@NotBlank(message = "is required") String pairId,
            @NotNull(message = "is required") EventKind kind) {
    }

    /** A pair to schedule. */
    public record PairInput(@Schema(example = "lyon-boston") @NotBlank(message = "is required") String id,
            @NotNull(message = "is required") @Valid CityInput euCity,
            @NotNull(message = "is required") @Valid CityInput partnerCity,
            @PartnerRegion ProgrammeRegion region,
            @Schema(example = "en") @IsoLanguage String language) {
    }

    /** A city. */
    @CityInput.Located
    public record CityInput(@Schema(example = "lyon") @NotBlank(message = "is required") String id,
            @Schema(example = "Lyon") @NotBlank(message = "is required") String name,
            @Schema(example = "FR") @NotBlank(message = "is required (ISO 3166-1 alpha-2, e.g. FR)") @IsoCountry
            String country,
            Double latitude, Double longitude) {

        /** Latitude and longitude, both, in range: travel days come from the distance. */
        @Documented
        @Constraint(validatedBy = LocatedValidator.class)
        @Target(ElementType.TYPE)
        @Retention(RetentionPolicy.RUNTIME)
        public @interface Located {

            String message() default "latitude and longitude are required (travel days come from the distance)";

            Class<?>[] groups() default {};

            Class<? extends Payload>[] payload() default {};
        }

        /** Checks that a city has coordinates on the globe. */
        public static class LocatedValidator implements ConstraintValidator<Located, CityInput> {

            @Override
            public boolean isValid(CityInput city, ConstraintValidatorContext context) {
                if (city.latitude() != null && city.longitude() != null && Math.abs(city.latitude()) <= 90
                        && Math.abs(city.longitude()) <= 180) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode("latitude").addConstraintViolation();
                return false;
            }
        }
    }

    /** A city's blackout dates (elections, festivals) and how many visiting delegations it hosts at once. */
    public record CityOptions(@NotBlank(message = "is required") String cityId,
            List<@NotNull(message = "must not hold null") LocalDate> blackoutDates,
            @Min(value = 1, message = "must be at least 1") Integer hostingCapacity) {
    }

    /** An expert of the coordination unit. */
    public record ExpertInput(@Schema(example = "anna") @NotBlank(message = "is required") String id,
            @Schema(example = "Anna Nowak") @Size(max = 200, message = "must be at most 200 characters") String name,
            @NotEmpty(message = "list the partner regions the expert covers")
            List<@PartnerRegion(message = "list the partner regions the expert covers") ProgrammeRegion> regions,
            @Schema(example = "[\"en\", \"es\"]") @NotEmpty(message = "list ISO 639-1 codes, e.g. [\"en\"]")
            List<@NotNull(message = "list ISO 639-1 codes, e.g. [\"en\"]") @IsoLanguage String> languages,
            List<@NotNull(message = "must not hold null") LocalDate> unavailableDates,
            @Schema(example = "4") @Min(value = 1, message = "must be at least 1") Integer maxEventsPerMonth) {
    }

    /** An event of the published schedule. */
    public record PublishedEventInput(@NotBlank(message = "is required") String pairId,
            @NotNull(message = "is required") EventKind kind, @NotNull(message = "is required") LocalDate start,
            String expertId, Boolean confirmed) {
    }

    public ScheduleRunRequest withPairs(List<PairInput> newPairs) {
        return new ScheduleRunRequest(name, pairingRunId, newPairs, startDate, months, experts, cities, plan,
                publishedEvents, cancelledEvents, termination);
    }

    public ScheduleRunRequest withName(String newName) {
        return new ScheduleRunRequest(newName, pairingRunId, pairs, startDate, months, experts, cities, plan,
                publishedEvents, cancelledEvents, termination);
    }
}
