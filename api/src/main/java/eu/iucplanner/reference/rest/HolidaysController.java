package eu.iucplanner.reference.rest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import eu.iucplanner.problem.FieldError;
import eu.iucplanner.problem.ProblemException;
import eu.iucplanner.reference.HolidayCalendar;
import eu.iucplanner.reference.PublicHoliday;
import eu.iucplanner.validation.Messages;
import eu.iucplanner.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The public holidays the scheduler respects, for a calendar to shade them (the web app's Gantt): national ones per
 * country and a subdivision's own, between two dates, from the reference data the solver reads.
 */
@RestController
@RequestMapping("/api/v1/holidays")
@Tag(name = "Reference data", description = "Public holidays as the scheduler knows them.")
public class HolidaysController {

    /** The most countries and subdivisions one question may name. */
    static final int MAX_PLACES = 300;
    /** The longest span one question may cover. */
    static final int MAX_YEARS = 5;

    /**
     * One public holiday.
     *
     * @param subdivision the ISO 3166-2 subdivision it applies to; absent for a national holiday
     */
    public record HolidayView(String country, String subdivision, LocalDate date, String name) {
    }

    @Operation(summary = "Public holidays of countries (and subdivisions) between two dates",
            description = "National holidays of every country given, and the own holidays of every subdivision given "
                    + "(ISO 3166-2, e.g. US-CA), from the reference data (" + HolidayCalendar.FIRST_YEAR + " to "
                    + HolidayCalendar.LAST_YEAR + "); by date. At most " + MAX_YEARS + " years at once.")
    @ApiResponse(responseCode = "200", description = "The holidays, by date")
    @ProblemResponses({ 400 })
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public List<HolidayView> holidays(
            @Parameter(description = "ISO 3166-1 alpha-2 codes, e.g. FR") @RequestParam List<String> country,
            @Parameter(description = "ISO 3166-2 codes whose own holidays to add, e.g. FR-ARA")
            @RequestParam(required = false) List<String> subdivision,
            @Parameter(description = "first day, e.g. 2027-01-04") @RequestParam LocalDate from,
            @Parameter(description = "last day, e.g. 2028-07-03") @RequestParam LocalDate to) {
        HolidayCalendar calendar = HolidayCalendar.get();
        List<String> subdivisions = subdivision == null ? List.of() : subdivision;
        List<FieldError> errors = new ArrayList<>();
        if (country.size() + subdivisions.size() > MAX_PLACES) {
            errors.add(new FieldError("country", "name at most " + MAX_PLACES + " countries and subdivisions"));
        }
        for (String code : country) {
            if (!calendar.covers(code)) {
                errors.add(new FieldError("country", Messages.quote(code) + " is not a country with a holiday "
                        + "calendar (ISO 3166-1 alpha-2, e.g. FR)"));
            }
        }
        for (String code : subdivisions) {
            if (code.length() < 4 || !calendar.covers(code.substring(0, 2)) || code.charAt(2) != '-') {
                errors.add(new FieldError("subdivision", Messages.quote(code) + " is not an ISO 3166-2 code of a "
                        + "country with a holiday calendar, e.g. FR-ARA"));
            }
        }
        if (to.isBefore(from)) {
            errors.add(new FieldError("to", "must not be before from"));
        } else if (to.isAfter(from.plusYears(MAX_YEARS))) {
            errors.add(new FieldError("to", "must be at most " + MAX_YEARS + " years after from"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors.subList(0, Math.min(errors.size(), 100)));
        }
        int first = Math.max(from.getYear(), HolidayCalendar.FIRST_YEAR);
        int last = Math.min(to.getYear(), HolidayCalendar.LAST_YEAR);
        List<HolidayView> views = new ArrayList<>();
        for (int year = first; year <= last; year++) {
            for (String code : country.stream().distinct().toList()) {
                for (PublicHoliday holiday : calendar.holidays(code, year)) {
                    views.add(view(holiday));
                }
            }
            for (String code : subdivisions.stream().distinct().toList()) {
                for (PublicHoliday holiday : calendar.holidays(code.substring(0, 2), code, year)) {
                    if (!holiday.isNational()) {
                        views.add(view(holiday));
                    }
                }
            }
        }
        return views.stream().filter(h -> !h.date().isBefore(from) && !h.date().isAfter(to))
                .sorted(Comparator.comparing(HolidayView::date).thenComparing(HolidayView::country)
                        .thenComparing(HolidayView::name))
                .toList();
    }

    private static HolidayView view(PublicHoliday holiday) {
        return new HolidayView(holiday.country(), holiday.subdivision().orElse(null), holiday.date(), holiday.name());
    }
}
