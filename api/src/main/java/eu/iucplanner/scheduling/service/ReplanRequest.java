package eu.iucplanner.scheduling.service;

import java.time.LocalDate;
import java.util.List;

import eu.iucplanner.run.service.TerminationDto;
import eu.iucplanner.scheduling.domain.EventKind;
import eu.iucplanner.scheduling.service.ScheduleRunRequest.CityOptions;
import eu.iucplanner.scheduling.service.ScheduleRunRequest.EventRef;
import eu.iucplanner.validation.Limits;
import eu.iucplanner.validation.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What changed since a schedule was published; the re-plan starts from that schedule, keeps its confirmed events and
 * moves as little as it can, least of all in pairs no change touched.
 *
 * @param name            the new run's name (default: the previous one's, with "(re-plan)")
 * @param cities          blackout dates to add to a city (and a new hosting capacity, when given)
 * @param expertLeave     days an expert is no longer available
 * @param cancelledEvents events that will not take place
 * @param confirmedEvents events now confirmed: they keep their date and expert from now on
 * @param postponedEvents events moved to a later date agreed with the cities: confirmed there, with their expert; the
 *                        rest of their pair (or shared group) may move around them at the lower cost
 * @param termination     how long the re-plan solves (default: the previous run's)
 */
@Schema(description = "Changes since a schedule was published: blackouts, leave, cancellations, confirmations.")
public record ReplanRequest(
        @Size(max = Limits.NAME, message = "must be at most " + Limits.NAME + " characters") @PlainText String name,
        List<@NotNull(message = "must not be null") @Valid CityOptions> cities,
        List<@NotNull(message = "must not be null") @Valid ExpertLeave> expertLeave,
        List<@NotNull(message = "must not be null") @Valid EventRef> cancelledEvents,
        List<@NotNull(message = "must not be null") @Valid EventRef> confirmedEvents,
        List<@NotNull(message = "must not be null") @Valid Postponement> postponedEvents,
        @Valid TerminationDto termination) {

    /** An event (by pair or shared group and kind) moved to a later start. */
    public record Postponement(@NotBlank(message = "is required") @Size(max = Limits.ID, message = "must be at most "
            + Limits.ID + " characters") @PlainText String pairId,
            @NotNull(message = "is required") EventKind kind,
            @NotNull(message = "is required (ISO-8601 date, e.g. 2027-06-14)") LocalDate start) {
    }

    /** Days an expert is no longer available. */
    public record ExpertLeave(@NotBlank(message = "is required") @Size(max = Limits.ID, message = "must be at most "
            + Limits.ID + " characters") @PlainText String expertId,
            @NotEmpty(message = "list the days of leave")
            List<@NotNull(message = "must not hold null") LocalDate> dates) {
    }
}
