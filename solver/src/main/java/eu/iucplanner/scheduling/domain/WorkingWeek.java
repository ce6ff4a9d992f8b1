package eu.iucplanner.scheduling.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The weekend of a place: Saturday and Sunday, except where a country or a subdivision (ISO 3166-2) rests on Friday
 * and Saturday. Of the countries the holiday calendar covers, that is four Malaysian states, after python-holidays'
 * Malaysia calendar (its observed-day rules) and the states' announcements: Kedah (MY-02), Kelantan (MY-03) and
 * Terengganu (MY-11) rest on Friday and Saturday; Johor (MY-01) did so until 31 December 2024 and rests on Saturday and
 * Sunday from 1 January 2025 (announced by the Regent of Johor on 7 October 2024; The Star, 7 October 2024).
 *
 * @param weekend   the rest days
 * @param changesOn the first day of a new weekend, or {@code null}
 * @param weekendFrom the rest days from {@code changesOn}
 */
public record WorkingWeek(Set<DayOfWeek> weekend, LocalDate changesOn, Set<DayOfWeek> weekendFrom) {

    private static final Set<DayOfWeek> SATURDAY_SUNDAY = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    private static final Set<DayOfWeek> FRIDAY_SATURDAY = EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);

    /** Saturday and Sunday. */
    public static final WorkingWeek MONDAY_TO_FRIDAY = new WorkingWeek(SATURDAY_SUNDAY, null, SATURDAY_SUNDAY);

    /** Subdivisions (and countries) whose weekend differs from Saturday and Sunday. */
    private static final Map<String, WorkingWeek> EXCEPTIONS = Map.of(
            "MY-01", new WorkingWeek(FRIDAY_SATURDAY, LocalDate.of(2025, 1, 1), SATURDAY_SUNDAY),
            "MY-02", new WorkingWeek(FRIDAY_SATURDAY, null, FRIDAY_SATURDAY),
            "MY-03", new WorkingWeek(FRIDAY_SATURDAY, null, FRIDAY_SATURDAY),
            "MY-11", new WorkingWeek(FRIDAY_SATURDAY, null, FRIDAY_SATURDAY));

    public WorkingWeek {
        weekend = Set.copyOf(weekend);
        weekendFrom = Set.copyOf(weekendFrom);
    }

    /** The working week of a place: its subdivision's, else its country's, else Monday to Friday. */
    public static WorkingWeek of(String country, String subdivision) {
        if (subdivision != null && EXCEPTIONS.containsKey(subdivision)) {
            return EXCEPTIONS.get(subdivision);
        }
        return EXCEPTIONS.getOrDefault(country, MONDAY_TO_FRIDAY);
    }

    public boolean isWeekend(LocalDate date) {
        return (changesOn != null && !date.isBefore(changesOn) ? weekendFrom : weekend).contains(date.getDayOfWeek());
    }

    /** Rest days in a week on that date (2 for a Saturday-Sunday or Friday-Saturday weekend). */
    public int weekendLength(LocalDate date) {
        return (changesOn != null && !date.isBefore(changesOn) ? weekendFrom : weekend).size();
    }

    /** The weekend in words, e.g. "Friday and Saturday". */
    public String describe(LocalDate date) {
        Set<DayOfWeek> days = changesOn != null && !date.isBefore(changesOn) ? weekendFrom : weekend;
        return String.join(" and ", days.stream().sorted().map(day -> day.getDisplayName(
                java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)).toList());
    }
}
