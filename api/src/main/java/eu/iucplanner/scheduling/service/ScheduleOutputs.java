package eu.iucplanner.scheduling.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.stereotype.Component;

import eu.iucplanner.csv.CsvColumn;
import eu.iucplanner.csv.CsvTable;
import eu.iucplanner.problem.ProblemException;
import eu.iucplanner.reference.Country;
import eu.iucplanner.reference.ReferenceData;
import eu.iucplanner.run.service.RunLifecycle;
import eu.iucplanner.run.service.RunMetadata;
import eu.iucplanner.scheduling.domain.CooperationPair;
import eu.iucplanner.scheduling.domain.ExchangeEvent;
import eu.iucplanner.scheduling.domain.ExchangeSchedule;
import eu.iucplanner.scheduling.domain.Expert;
import eu.iucplanner.scheduling.domain.OnlineSession;
import eu.iucplanner.scheduling.domain.SchedulingCity;
import eu.iucplanner.scheduling.service.ScheduleRunRequest.EventRef;
import eu.iucplanner.scheduling.service.ScheduleRunResult.CancelledView;
import eu.iucplanner.scheduling.service.ScheduleRunResult.CityView;
import eu.iucplanner.scheduling.service.ScheduleRunResult.EventView;
import eu.iucplanner.scheduling.service.ScheduleRunResult.ExpertView;
import eu.iucplanner.scheduling.service.ScheduleRunResult.LocalSessionView;
import eu.iucplanner.scheduling.service.ScheduleRunResult.OnlineSessionView;
import eu.iucplanner.scheduling.service.ScheduleRunResult.PairTimeline;

/**
 * The views of a schedule: events and per-pair timelines (JSON), CSV, and iCalendar (RFC 5545) for a pair, an expert,
 * a city or the whole run. Calendar entries keep their UID across re-plans (derived from the pair, or the shared
 * event's group, and the event's kind, not from the run); SEQUENCE rises when an event moves; cancelled events stay
 * in the calendar with STATUS:CANCELLED; online sessions carry their time zone (with its VTIMEZONE).
 */
@Component
public class ScheduleOutputs {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** The schedule's CSV columns: text columns are neutralised against formula injection. */
    static final List<CsvColumn> CSV_COLUMNS = List.of(CsvColumn.text("event_id"), CsvColumn.text("pair_id"),
            CsvColumn.text("kind"), CsvColumn.text("start"), CsvColumn.text("end"), CsvColumn.text("in_person"),
            CsvColumn.text("host_city"), CsvColumn.text("host_country"), CsvColumn.text("travelling_delegation"),
            CsvColumn.text("expert"), CsvColumn.text("delegates_min"), CsvColumn.text("delegates_max"),
            CsvColumn.text("attending_pairs"), CsvColumn.text("online_start"), CsvColumn.text("online_time_zone"),
            CsvColumn.text("sequence"), CsvColumn.text("status"));

    private final RunLifecycle lifecycle;
    private final ScheduleRunKind kind;
    private final Clock clock;

    public ScheduleOutputs(RunLifecycle lifecycle, ScheduleRunKind kind, Clock clock) {
        this.lifecycle = lifecycle;
        this.kind = kind;
        this.clock = clock;
    }

    /** The stored request's schedule with the best decisions so far. */
    public ExchangeSchedule schedule(UUID id) {
        return lifecycle.solution(kind, id);
    }

    public ScheduleRunResult result(UUID id, ScheduleFilter filter) {
        RunMetadata metadata = lifecycle.metadata(kind, id);
        ExchangeSchedule schedule = schedule(id);
        List<ExchangeEvent> dated = dated(schedule, filter);
        List<EventView> events = dated.stream().map(ScheduleOutputs::view).toList();
        List<PairTimeline> timelines = new ArrayList<>();
        for (CooperationPair pair : schedule.getPairs()) {
            List<EventView> own = new ArrayList<>();
            for (int i = 0; i < dated.size(); i++) {
                if (dated.get(i).attends(pair.id())) {
                    own.add(events.get(i));
                }
            }
            if (!own.isEmpty()) {
                timelines.add(new PairTimeline(pair.id(), city(pair.euCity()), city(pair.partnerCity()),
                        pair.windowStart(), pair.windowStart().plusMonths(pair.months()).minusDays(1), own));
            }
        }
        List<CancelledView> cancelled = cancelled(id, schedule, filter).stream()
                .map(ref -> new CancelledView(ref.pairId() + "/" + ref.kind(), ref.pairId(), ref.kind(), ref.start(),
                        cancelledSequence(ref), "CANCELLED"))
                .toList();
        return new ScheduleRunResult(metadata, events, timelines, cancelled);
    }

    /** The events as CSV (RFC 4180, CRLF; a cell with a comma, quote, CR or LF is quoted), cancelled ones last. */
    public String csv(UUID id, ScheduleFilter filter) {
        ExchangeSchedule schedule = schedule(id);
        List<List<Object>> rows = new ArrayList<>();
        for (ExchangeEvent event : dated(schedule, filter)) {
            OnlineSession session = session(event);
            rows.add(Arrays.asList(event.getId(), event.getGroupId(), event.getKind().name(), event.getStart(),
                    event.getEnd(), event.isInPerson(), event.isInPerson() ? event.getHostCity().name() : "online",
                    event.isInPerson() ? event.getHostCity().country() : null,
                    event.isInPerson() ? String.join("; ", event.getTravellingCities().stream()
                            .map(SchedulingCity::name).toList()) : null,
                    event.getExpert() == null ? null : event.getExpert().name(),
                    event.isInPerson() ? event.getTemplate().delegatesMin() : null,
                    event.isInPerson() ? event.getTemplate().delegatesMax() : null, event.getPairs().size(),
                    session == null ? null : session.start().toOffsetDateTime(),
                    session == null ? null : session.start().getZone().getId(), event.sequence(), status(event)));
        }
        for (EventRef ref : cancelled(id, schedule, filter)) {
            rows.add(Arrays.asList(ref.pairId() + "/" + ref.kind(), ref.pairId(), ref.kind().name(), ref.start(),
                    null, null, null, null, null, null, null, null, null, null, null, cancelledSequence(ref),
                    "CANCELLED"));
        }
        return CsvTable.write(CSV_COLUMNS, rows);
    }

    /**
     * An RFC 5545 calendar of the events: in-person events all day (DTEND exclusive), online sessions at their time
     * in the EU city's zone with a VTIMEZONE for it; CRLF lines folded at 75 octets.
     */
    public String ics(UUID id, ScheduleFilter filter, String title) {
        ExchangeSchedule schedule = schedule(id);
        List<ExchangeEvent> events = dated(schedule, filter);
        List<EventRef> cancelled = cancelled(id, schedule, filter);
        if (events.isEmpty() && cancelled.isEmpty()) {
            throw ProblemException.notFound("No event of run " + id + " matches the pair, expert or city asked for.");
        }
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//IUC Planner//Exchange schedule//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + text(title));
        Map<String, int[]> zones = new TreeMap<>();
        for (ExchangeEvent event : events) {
            OnlineSession session = session(event);
            if (session != null) {
                zones.merge(session.start().getZone().getId(), new int[] { event.getStart().getYear(),
                        event.getEnd().getYear() }, (a, b) -> new int[] { Math.min(a[0], b[0]), Math.max(a[1], b[1]) });
            }
        }
        zones.forEach((zone, years) -> timeZone(out, ZoneId.of(zone), years[0], years[1]));
        String stamp = STAMP.format(clock.instant());
        for (ExchangeEvent event : events) {
            OnlineSession session = session(event);
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + uid(event.getGroupId(), event.getKind().name()));
            line(out, "DTSTAMP:" + stamp);
            line(out, "SEQUENCE:" + event.sequence());
            line(out, "STATUS:" + status(event));
            if (session == null) {
                line(out, "DTSTART;VALUE=DATE:" + DATE.format(event.getStart()));
                line(out, "DTEND;VALUE=DATE:" + DATE.format(event.getEnd().plusDays(1)));
            } else {
                String zone = session.start().getZone().getId();
                line(out, "DTSTART;TZID=" + zone + ":" + LOCAL.format(session.start()));
                line(out, "DTEND;TZID=" + zone + ":" + LOCAL.format(session.end()));
            }
            line(out, "SUMMARY:" + text(summary(event)));
            line(out, "LOCATION:" + text(event.isInPerson() ? place(event.getHostCity()) : "Online"));
            line(out, "DESCRIPTION:" + text(description(event, session)));
            line(out, "END:VEVENT");
        }
        for (EventRef ref : cancelled) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + uid(ref.pairId(), ref.kind().name()));
            line(out, "DTSTAMP:" + stamp);
            line(out, "SEQUENCE:" + cancelledSequence(ref));
            line(out, "STATUS:CANCELLED");
            LocalDate start = ref.start() != null ? ref.start() : schedule.getPairs().isEmpty() ? LocalDate.now(clock)
                    : schedule.getPairs().get(0).windowStart();
            line(out, "DTSTART;VALUE=DATE:" + DATE.format(start));
            line(out, "DTEND;VALUE=DATE:" + DATE.format(start.plusDays(1)));
            line(out, "SUMMARY:" + text("Cancelled: " + ref.kind().label() + " (" + ref.pairId() + ")"));
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** The UID of an event: from its pair (or shared group) and kind, so that a re-plan keeps it. */
    static String uid(String groupId, String kind) {
        return text(groupId + "/" + kind) + "@iuc-planner";
    }

    static String status(ExchangeEvent event) {
        return event.isPinned() ? "CONFIRMED" : "TENTATIVE";
    }

    /** A cancelled event's SEQUENCE: one more than its last published one. */
    static int cancelledSequence(EventRef ref) {
        return (ref.sequence() == null ? 0 : ref.sequence()) + 1;
    }

    /**
     * A VTIMEZONE for the zone over the years given: its offset at the start, then every transition (daylight saving
     * time) in those years, each as its own STANDARD or DAYLIGHT component.
     */
    static void timeZone(StringBuilder out, ZoneId zone, int firstYear, int lastYear) {
        ZoneRules rules = zone.getRules();
        Instant from = LocalDate.of(firstYear, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = LocalDate.of(lastYear + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        line(out, "BEGIN:VTIMEZONE");
        line(out, "TZID:" + zone.getId());
        ZoneOffset initial = rules.getOffset(from);
        component(out, rules.isDaylightSavings(from), LocalDateTime.ofInstant(from, initial), initial, initial,
                zone, from);
        ZoneOffsetTransition transition = rules.nextTransition(from);
        while (transition != null && transition.getInstant().isBefore(to)) {
            component(out, rules.isDaylightSavings(transition.getInstant()), transition.getDateTimeBefore(),
                    transition.getOffsetBefore(), transition.getOffsetAfter(), zone, transition.getInstant());
            transition = rules.nextTransition(transition.getInstant());
        }
        line(out, "END:VTIMEZONE");
    }

    private static void component(StringBuilder out, boolean daylight, LocalDateTime start, ZoneOffset before,
            ZoneOffset after, ZoneId zone, Instant at) {
        String name = daylight ? "DAYLIGHT" : "STANDARD";
        line(out, "BEGIN:" + name);
        line(out, "DTSTART:" + LOCAL.format(start));
        line(out, "TZOFFSETFROM:" + offset(before));
        line(out, "TZOFFSETTO:" + offset(after));
        String abbreviation = DateTimeFormatter.ofPattern("zzz").format(at.atZone(zone));
        line(out, "TZNAME:" + text(abbreviation));
        line(out, "END:" + name);
    }

    /** An RFC 5545 UTC offset: +hhmm, or +hhmmss when it has seconds. */
    private static String offset(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        int absolute = Math.abs(total);
        String value = String.format("%s%02d%02d", total < 0 ? "-" : "+", absolute / 3600, absolute / 60 % 60);
        return absolute % 60 == 0 ? value : value + String.format("%02d", absolute % 60);
    }

    static String summary(ExchangeEvent event) {
        if (event.isShared()) {
            return event.getKind().label() + ": " + event.getPairs().size() + " pairs"
                    + (event.getRegion() == null ? "" : " of " + regionLabel(event)) + " in "
                    + event.getHostCity().name();
        }
        return event.getKind().label() + ": " + event.getPair().euCity().name() + " and "
                + event.getPair().partnerCity().name();
    }

    private static String regionLabel(ExchangeEvent event) {
        return switch (event.getRegion()) {
            case NORTH_AMERICA -> "North America";
            case LATIN_AMERICA_CARIBBEAN -> "Latin America and the Caribbean";
            case ASIA -> "Asia and Australasia";
            case EU -> "the EU";
        };
    }

    private static String description(ExchangeEvent event, OnlineSession session) {
        List<String> parts = new ArrayList<>();
        parts.add(event.isShared() ? "Pairs " + String.join(", ", event.getPairs().stream()
                .map(CooperationPair::id).toList()) : "Pair " + event.getPair().id());
        if (event.getExpert() != null) {
            parts.add("expert " + event.getExpert().name());
        }
        if (event.isInPerson()) {
            parts.add((event.getTravellingCities().size() == 1 ? "delegation of "
                    + event.getTravellingCities().get(0).name() : event.getTravellingCities().size() + " delegations")
                    + " (" + event.getTemplate().delegatesMin() + " to " + event.getTemplate().delegatesMax()
                    + " delegates each)");
        }
        if (session != null) {
            List<String> times = new ArrayList<>();
            for (SchedulingCity city : event.getCities()) {
                times.add(CLOCK.format(session.startIn(city.zone())) + "-" + CLOCK.format(session.endIn(city.zone()))
                        + " in " + city.name() + " (" + city.timeZone() + ")");
            }
            parts.add("online " + String.join(", ", times)
                    + (session.minutesOutsideOfficeHours() > 0 ? "; no time fits both cities' office hours, this "
                            + "is the least bad one" : ""));
        }
        return String.join("; ", parts);
    }

    /** The online session of an online event of a pair (its date in the EU city's zone); {@code null} otherwise. */
    static OnlineSession session(ExchangeEvent event) {
        if (event.isInPerson() || event.getPair() == null) {
            return null;
        }
        return OnlineSession.on(event.getStart(), event.getPair().euCity().zone(),
                event.getPair().partnerCity().zone());
    }

    private static String place(SchedulingCity city) {
        return city.name() + ", " + ReferenceData.get().country(city.country()).map(Country::name)
                .orElse(city.country());
    }

    private static List<ExchangeEvent> dated(ExchangeSchedule schedule, ScheduleFilter filter) {
        return schedule.getEvents().stream().filter(event -> event.getStart() != null).filter(filter::test)
                .sorted(Comparator.comparing(ExchangeEvent::getStart).thenComparing(ExchangeEvent::getId)).toList();
    }

    /** The request's cancelled events that match the filter (a pair's cities for a city, its last expert). */
    private List<EventRef> cancelled(UUID id, ExchangeSchedule schedule, ScheduleFilter filter) {
        List<EventRef> refs = lifecycle.request(kind, id).cancelledEvents();
        return refs == null ? List.of() : refs.stream().filter(ref -> filter.test(ref, schedule.getPairs())).toList();
    }

    private static EventView view(ExchangeEvent event) {
        Expert expert = event.getExpert();
        OnlineSession session = session(event);
        OnlineSessionView online = null;
        if (session != null) {
            List<LocalSessionView> local = new ArrayList<>();
            for (SchedulingCity city : event.getCities()) {
                local.add(new LocalSessionView(city.name(), city.timeZone(),
                        session.startIn(city.zone()).toLocalDateTime(), session.endIn(city.zone()).toLocalDateTime()));
            }
            if (expert != null) {
                ZoneId zone = ZoneId.of(expert.timeZone());
                local.add(new LocalSessionView(expert.name(), expert.timeZone(),
                        session.startIn(zone).toLocalDateTime(), session.endIn(zone).toLocalDateTime()));
            }
            online = new OnlineSessionView(session.start().toOffsetDateTime(), session.end().toOffsetDateTime(),
                    session.start().getZone().getId(), local, session.minutesOutsideOfficeHours());
        }
        return new EventView(event.getId(), event.getGroupId(), event.getKind(), event.getStart(), event.getEnd(),
                event.isInPerson(), event.isInPerson() ? city(event.getHostCity()) : null,
                event.getTravellingCity() == null ? null : city(event.getTravellingCity()),
                expert == null ? null : new ExpertView(expert.id(), expert.name(),
                        expert.home() == null ? null : expert.home().name(), expert.timeZone()),
                event.isPinned(), event.isShared(), event.getPairs().stream().map(CooperationPair::id).toList(),
                event.getTravellingCities().stream().map(ScheduleOutputs::city).toList(),
                event.isInPerson() ? event.getTemplate().delegatesMin() : null,
                event.isInPerson() ? event.getTemplate().delegatesMax() : null, online, event.sequence(),
                status(event), event.getPublishedStart());
    }

    private static CityView city(SchedulingCity city) {
        return new CityView(city.id(), city.name(), city.country(), city.subdivision().isEmpty() ? null
                : city.subdivision(), city.timeZone());
    }

    /**
     * RFC 5545 TEXT escaping; line breaks become \n and other control characters are dropped (requests refuse them in
     * names, but a request stored before that rule may hold them).
     */
    static String text(String value) {
        return value.replaceAll("[\\p{Cntrl}&&[^\r\n]]", "").replace("\\", "\\\\").replace(";", "\\;")
                .replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Appends a content line, folded so that no line exceeds 75 octets (UTF-8), ended by CRLF. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            String character = new String(Character.toChars(codePoint));
            int size = character.getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                out.append(current).append("\r\n ");
                current.setLength(0);
                octets = 1;
            }
            current.append(character);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append(current).append("\r\n");
    }
}
