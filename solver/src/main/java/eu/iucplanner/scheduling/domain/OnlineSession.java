package eu.iucplanner.scheduling.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * When an online meeting of two cities takes place on its date: a session inside both cities' office hours (9:00 to
 * 17:00 local time, with each zone's daylight saving time on that date) where one exists, else the least bad one (the
 * fewest minutes outside office hours, summed over both cities). Among equally good start times (quarter hours of the
 * date in the first city's zone) the middle one is taken.
 *
 * @param start                     the start, in the first city's zone
 * @param end                       the end, in the first city's zone
 * @param minutesOutsideOfficeHours minutes of the session outside office hours, summed over both cities
 */
public record OnlineSession(ZonedDateTime start, ZonedDateTime end, int minutesOutsideOfficeHours) {

    public static final LocalTime OFFICE_OPENS = LocalTime.of(9, 0);
    public static final LocalTime OFFICE_CLOSES = LocalTime.of(17, 0);
    /** Length of an online session (a day of an online event). */
    public static final int SESSION_MINUTES = 120;
    private static final int STEP_MINUTES = 15;

    /** The session of an online event on its date, between the first and the second city. */
    public static OnlineSession on(LocalDate date, ZoneId first, ZoneId second) {
        return on(date, first, second, SESSION_MINUTES);
    }

    public static OnlineSession on(LocalDate date, ZoneId first, ZoneId second, int minutes) {
        ZonedDateTime dayStart = date.atStartOfDay(first);
        ZonedDateTime dayEnd = date.plusDays(1).atStartOfDay(first);
        int best = Integer.MAX_VALUE;
        List<ZonedDateTime> bestStarts = new ArrayList<>();
        for (ZonedDateTime candidate = dayStart; candidate.isBefore(dayEnd);
                candidate = candidate.plusMinutes(STEP_MINUTES)) {
            ZonedDateTime end = candidate.plusMinutes(minutes);
            int outside = outside(candidate, end, first) + outside(candidate, end, second);
            if (outside < best) {
                best = outside;
                bestStarts.clear();
            }
            if (outside == best) {
                bestStarts.add(candidate);
            }
        }
        ZonedDateTime start = bestStarts.get((bestStarts.size() - 1) / 2);
        return new OnlineSession(start, start.plusMinutes(minutes), best);
    }

    /** The session's start in another zone (e.g. the partner city's or an expert's). */
    public ZonedDateTime startIn(ZoneId zone) {
        return start.withZoneSameInstant(zone);
    }

    public ZonedDateTime endIn(ZoneId zone) {
        return end.withZoneSameInstant(zone);
    }

    /** Minutes of [start, end) outside 9:00-17:00 local time in the zone, counted by quarter hours. */
    private static int outside(ZonedDateTime start, ZonedDateTime end, ZoneId zone) {
        int minutes = 0;
        for (ZonedDateTime at = start; at.isBefore(end); at = at.plusMinutes(STEP_MINUTES)) {
            LocalTime local = at.withZoneSameInstant(zone).toLocalTime();
            if (local.isBefore(OFFICE_OPENS) || !local.isBefore(OFFICE_CLOSES)) {
                minutes += STEP_MINUTES;
            }
        }
        return minutes;
    }
}
