package eu.iucplanner.scheduling.service;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import eu.iucplanner.pairing.domain.ProgrammeRegion;
import eu.iucplanner.run.service.TerminationDto;
import eu.iucplanner.scheduling.domain.EventKind;
import eu.iucplanner.scheduling.domain.Host;
import eu.iucplanner.validation.IsoCountry;
import eu.iucplanner.validation.IsoLanguage;
import eu.iucplanner.validation.Limits;
import eu.iucplanner.validation.PartnerRegion;
import eu.iucplanner.validation.PlainText;
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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * What a planner submits: the pairs (from a completed pairing run or given), the programme start, the experts, the
 * cities' blackout dates and capacities, the plan and its shared events, and, when re-planning, the published schedule.
 * Field rules are Bean Validation constraints here (every string has a maximum length and a character policy: names
 * and ids one line without control characters); rules across pairs, experts and events are checked by
 * {@link ScheduleRequestMapper}.
 *
 * @param pairingRunId    take the pairs of this pairing run's best solution (or give {@code pairs})
 * @param pairs           the pairs, when not taken from a pairing run
 * @param startDate       first day of the cooperation
 * @param months          cooperation length (default 18)
 * @param experts         coordination-unit experts
 * @param cities          blackout dates and hosting capacity per city (default capacity 2)
 * @param plan            an activity plan replacing the default one
 * @param inPersonEvents  online events of the default plan to hold in person instead (KICK_OFF, THEMATIC_TRAINING,
 *                        ACTION_PLAN_WORKSHOP, FINAL_EVENT), hosted alternately by the EU and the partner city
 * @param sharedEvents    the regional seminars' venue capacity and hosts, and an optional programme event
 * @param publishedEvents the published schedule when re-planning: confirmed events are pinned, the others move as
 *                        little as possible
 * @param cancelledEvents events that will not take place (left out of the plan; listed as cancelled in calendars)
 * @param affectedPairs   when re-planning, pairs (or shared event groups) a change touched besides those whose
 *                        published events it disturbs: their events may move at the lower cost
 * @param callId          take the pairs of the run this call adopted as its decision (instead of a pairingRunId or
 *                        pairs); the stored request names both the call and the run it used
 */
@Schema(description = "Pairs to schedule over the cooperation window, with experts and city constraints.")
public record ScheduleRunRequest(
        @Size(max = Limits.NAME, message = "must be at most " + Limits.NAME + " characters") @PlainText String name,
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
        @Schema(example = "[\"THEMATIC_TRAINING\"]")
        List<@NotNull(message = "must not be null") EventKind> inPersonEvents,
        @Valid SharedEventsInput sharedEvents,
        List<@NotNull(message = "must not be null") @Valid PublishedEventInput> publishedEvents,
        List<@NotNull(message = "must not be null") @Valid EventRef> cancelledEvents,
        List<@NotNull(message = "must not be null") @Size(max = Limits.ID, message = "must be at most " + Limits.ID
                + " characters") @PlainText String> affectedPairs,
        @Valid TerminationDto termination,
        @Schema(description = "Take the pairs of the pairing run this call adopted as its decision",
                example = "0b9f6a52-3c1e-4d7a-9a57-2f4a1c9e8d10") UUID callId) {

    public ScheduleRunRequest(String name, UUID pairingRunId, List<PairInput> pairs, LocalDate startDate,
            Integer months, List<ExpertInput> experts, List<CityOptions> cities, PlanInput plan,
            List<EventKind> inPersonEvents, SharedEventsInput sharedEvents, List<PublishedEventInput> publishedEvents,
            List<EventRef> cancelledEvents, List<String> affectedPairs, TerminationDto termination) {
        this(name, pairingRunId, pairs, startDate, months, experts, cities, plan, inPersonEvents, sharedEvents,
                publishedEvents, cancelledEvents, affectedPairs, termination, null);
    }

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

    /**
     * One event of the plan; see the README for the default plan. Host {@code REGION} makes it one event for the
     * pairs of each partner region (a regional seminar), {@code PROGRAMME} one for every pair (needs
     * {@code sharedEvents.programmeEvent.city}).
     */
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

    /**
     * An event by pair (or shared event group, e.g. {@code region-asia}) and kind, e.g. a cancelled one.
     *
     * @param start    when cancelling a published event: its last published start (for its calendar entry)
     * @param sequence when cancelling a published event: its last iCalendar SEQUENCE
     * @param expertId when cancelling a published event: its last expert (for the expert's calendar)
     */
    public record EventRef(@NotBlank(message = "is required") @Size(max = Limits.ID, message = "must be at most "
            + Limits.ID + " characters") @PlainText String pairId,
            @NotNull(message = "is required") EventKind kind, LocalDate start,
            @PositiveOrZero(message = "must be 0 or more") Integer sequence,
            @Size(max = Limits.ID, message = "must be at most " + Limits.ID + " characters") @PlainText
            String expertId) {

        /** A cancellation by pair and kind only. */
        public EventRef(String pairId, EventKind kind) {
            this(pairId, kind, null, null, null);
        }
    }

    /** A pair to schedule. */
    public record PairInput(@Schema(example = "lyon-boston") @NotBlank(message = "is required")
            @Size(max = Limits.ID, message = "must be at most " + Limits.ID + " characters") @PlainText String id,
            @NotNull(message = "is required") @Valid CityInput euCity,
            @NotNull(message = "is required") @Valid CityInput partnerCity,
            @PartnerRegion ProgrammeRegion region,
            @Schema(example = "en") @IsoLanguage String language) {
    }

    /**
     * A city. Its time zone and first-level subdivision, when not given, come from the reference city of that name
     * (or the nearest one within 30 km) in that country, at submission; the subdivision's own public holidays apply.
     */
    @CityInput.Located
    public record CityInput(@Schema(example = "lyon") @NotBlank(message = "is required")
            @Size(max = Limits.ID, message = "must be at most " + Limits.ID + " characters") @PlainText String id,
            @Schema(example = "Lyon") @NotBlank(message = "is required")
            @Size(max = Limits.NAME, message = "must be at most " + Limits.NAME + " characters") @PlainText
            String name,
            @Schema(example = "FR") @NotBlank(message = "is required (ISO 3166-1 alpha-2, e.g. FR)") @IsoCountry
            String country,
            Double latitude, Double longitude,
            @Schema(example = "Europe/Paris") @TimeZoneId String timeZone,
            @Schema(example = "FR-ARA", description = "ISO 3166-2 first-level subdivision; empty when unknown")
            @Pattern(regexp = "|[A-Z]{2}-[A-Z0-9]{1,3}", message = "must be an ISO 3166-2 code, e.g. FR-ARA or IN-MH")
            String subdivision) {

        /** A city whose time zone and subdivision are looked up at submission. */
        public CityInput(String id, String name, String country, Double latitude, Double longitude) {
            this(id, name, country, latitude, longitude, null, null);
        }

        public CityInput withPlace(String newTimeZone, String newSubdivision) {
            return new CityInput(id, name, country, latitude, longitude, newTimeZone, newSubdivision);
        }

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

    /** An IANA time zone id that Java knows, at most 64 characters, e.g. Europe/Paris; {@code null} is valid. */
    @Documented
    @Constraint(validatedBy = TimeZoneId.Validator.class)
    @Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE })
    @Retention(RetentionPolicy.RUNTIME)
    public @interface TimeZoneId {

        String message() default "must be an IANA time zone, e.g. Europe/Paris";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        /** Accepts region-based IANA ids only (no offsets such as +02:00, no control characters). */
        class Validator implements ConstraintValidator<TimeZoneId, String> {

            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                if (value == null) {
                    return true;
                }
                if (value.length() > 64 || !value.matches("[A-Za-z][A-Za-z0-9_+\\-]*(/[A-Za-z0-9_+\\-]+)*")) {
                    return false;
                }
                try {
                    return ZoneId.of(value).getId().equals(value);
                } catch (DateTimeException e) {
                    return false;
                }
            }
        }
    }

    /** A city's blackout dates (elections, festivals) and how many visiting delegations it hosts at once. */
    public record CityOptions(@NotBlank(message = "is required") @Size(max = Limits.ID, message = "must be at most "
            + Limits.ID + " characters") @PlainText String cityId,
            List<@NotNull(message = "must not hold null") LocalDate> blackoutDates,
            @Min(value = 1, message = "must be at least 1") Integer hostingCapacity) {
    }

    /**
     * An expert of the coordination unit, who travels to in-person events from home.
     *
     * @param homeCity                 where the expert travels from (travel days by the distance rule); optional
     * @param timeZone                 the expert's IANA time zone (default: the home city's)
     * @param maxLongHaulTripsPerMonth most trips beyond 8,000 km from home starting in a month (default 2)
     */
    public record ExpertInput(@Schema(example = "anna") @NotBlank(message = "is required")
            @Size(max = Limits.ID, message = "must be at most " + Limits.ID + " characters") @PlainText String id,
            @Schema(example = "Anna Nowak") @Size(max = Limits.NAME, message = "must be at most " + Limits.NAME
                    + " characters") @PlainText String name,
            @NotEmpty(message = "list the partner regions the expert covers")
            List<@PartnerRegion(message = "list the partner regions the expert covers") ProgrammeRegion> regions,
            @Schema(example = "[\"en\", \"es\"]") @NotEmpty(message = "list ISO 639-1 codes, e.g. [\"en\"]")
            List<@NotNull(message = "list ISO 639-1 codes, e.g. [\"en\"]") @IsoLanguage String> languages,
            List<@NotNull(message = "must not hold null") LocalDate> unavailableDates,
            @Schema(example = "4") @Min(value = 1, message = "must be at least 1") Integer maxEventsPerMonth,
            @Valid CityInput homeCity,
            @Schema(example = "Europe/Brussels") @TimeZoneId String timeZone,
            @Schema(example = "2") @PositiveOrZero(message = "must be 0 or more") Integer maxLongHaulTripsPerMonth) {

        /** An expert without a home city (no travel days from home). */
        public ExpertInput(String id, String name, List<ProgrammeRegion> regions, List<String> languages,
                List<LocalDate> unavailableDates, Integer maxEventsPerMonth) {
            this(id, name, regions, languages, unavailableDates, maxEventsPerMonth, null, null, null);
        }

        public ExpertInput withHome(CityInput newHome, String newTimeZone) {
            return new ExpertInput(id, name, regions, languages, unavailableDates, maxEventsPerMonth, newHome,
                    newTimeZone, maxLongHaulTripsPerMonth);
        }

        public ExpertInput withUnavailableDates(List<LocalDate> dates) {
            return new ExpertInput(id, name, regions, languages, dates, maxEventsPerMonth, homeCity, timeZone,
                    maxLongHaulTripsPerMonth);
        }
    }

    /** An event of the published schedule, with its iCalendar SEQUENCE (default 0). */
    public record PublishedEventInput(@NotBlank(message = "is required") @Size(max = Limits.ID,
            message = "must be at most " + Limits.ID + " characters") @PlainText String pairId,
            @NotNull(message = "is required") EventKind kind, @NotNull(message = "is required") LocalDate start,
            @Size(max = Limits.ID, message = "must be at most " + Limits.ID + " characters") @PlainText
            String expertId,
            Boolean confirmed,
            @PositiveOrZero(message = "must be 0 or more") Integer sequence) {

        public PublishedEventInput(String pairId, EventKind kind, LocalDate start, String expertId,
                Boolean confirmed) {
            this(pairId, kind, start, expertId, confirmed, null);
        }
    }

    /**
     * Shared events.
     *
     * @param venueCapacity  delegates a regional seminar's venue holds (default 200): a region whose delegations (both
     *                       cities of every pair, times the template's largest delegation) exceed it meets in clusters
     * @param seminarHosts   a host city per partner region; others get the partner city nearest to all attending
     * @param programmeEvent a programme event for every pair (e.g. in Brussels), added to the plan
     */
    public record SharedEventsInput(
            @Schema(example = "200") @Min(value = 1, message = "must be at least 1") Integer venueCapacity,
            List<@NotNull(message = "must not be null") @Valid SeminarHostInput> seminarHosts,
            @Valid ProgrammeEventInput programmeEvent) {
    }

    /** The host of a region's seminar. */
    public record SeminarHostInput(@PartnerRegion ProgrammeRegion region,
            @NotNull(message = "is required") @Valid CityInput city) {
    }

    /**
     * A programme event for every pair (the European Week of Regions and Cities in Brussels, a global IURC meeting).
     *
     * @param earliestMonth first month of the cooperation it may start in (default: the first October from month 4)
     * @param latestMonth   last month it must end in (default: that same month)
     */
    public record ProgrammeEventInput(@NotNull(message = "is required") @Valid CityInput city,
            @Schema(example = "3") @Min(value = 1, message = "must be from 1 to 10")
            @Max(value = 10, message = "must be from 1 to 10") Integer durationDays,
            @Min(value = 1, message = "must be at least 1") Integer earliestMonth,
            @Min(value = 1, message = "must be at least 1") Integer latestMonth,
            @Schema(example = "1") @Min(value = 1, message = "must be at least 1") Integer delegatesPerCity,
            Boolean needsExpert) {
    }

    public ScheduleRunRequest withPairs(List<PairInput> newPairs) {
        return new ScheduleRunRequest(name, pairingRunId, newPairs, startDate, months, experts, cities, plan,
                inPersonEvents, sharedEvents, publishedEvents, cancelledEvents, affectedPairs, termination, callId);
    }

    /** The same request taking the pairs of this pairing run (a call's adopted run). */
    public ScheduleRunRequest withPairingRunId(UUID newPairingRunId) {
        return new ScheduleRunRequest(name, newPairingRunId, pairs, startDate, months, experts, cities, plan,
                inPersonEvents, sharedEvents, publishedEvents, cancelledEvents, affectedPairs, termination, callId);
    }

    public ScheduleRunRequest withName(String newName) {
        return new ScheduleRunRequest(newName, pairingRunId, pairs, startDate, months, experts, cities, plan,
                inPersonEvents, sharedEvents, publishedEvents, cancelledEvents, affectedPairs, termination, callId);
    }

    public ScheduleRunRequest withExperts(List<ExpertInput> newExperts) {
        return new ScheduleRunRequest(name, pairingRunId, pairs, startDate, months, newExperts, cities, plan,
                inPersonEvents, sharedEvents, publishedEvents, cancelledEvents, affectedPairs, termination, callId);
    }

    public ScheduleRunRequest withSharedEvents(SharedEventsInput newSharedEvents) {
        return new ScheduleRunRequest(name, pairingRunId, pairs, startDate, months, experts, cities, plan,
                inPersonEvents, newSharedEvents, publishedEvents, cancelledEvents, affectedPairs, termination, callId);
    }

    /** The same request as a re-plan: other cities, experts, published and cancelled events, affected pairs. */
    public ScheduleRunRequest asReplan(String newName, List<CityOptions> newCities, List<ExpertInput> newExperts,
            List<PublishedEventInput> published, List<EventRef> cancelled, List<String> affected,
            TerminationDto newTermination) {
        return new ScheduleRunRequest(newName, pairingRunId, pairs, startDate, months, newExperts, newCities, plan,
                inPersonEvents, sharedEvents, published, cancelled, affected, newTermination, callId);
    }
}
