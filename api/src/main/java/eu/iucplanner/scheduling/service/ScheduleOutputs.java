package eu.iucplanner.scheduling.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.UUID;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

import eu.iucplanner.scheduling.domain.CooperationPair;
import eu.iucplanner.scheduling.domain.ExchangeEvent;
import eu.iucplanner.scheduling.domain.ExchangeSchedule;
import eu.iucplanner.scheduling.domain.SchedulingCity;
import eu.iucplanner.csv.CsvColumn;
import eu.iucplanner.csv.CsvTable;
import eu.iucplanner.problem.ProblemException;
import eu.iucplanner.run.service.RunLifecycle;
import eu.iucplanner.scheduling.service.ScheduleRunResult.CityView;
import eu.iucplanner.scheduling.service.ScheduleRunResult.EventView;
import eu.iucplanner.scheduling.service.ScheduleRunResult.ExpertView;
import eu.iucplanner.scheduling.service.ScheduleRunResult.PairTimeline;

/**
 * The views of a schedule: events and per-pair timelines (JSON), CSV, and iCalendar (RFC 5545) for a pair, an expert
 * or a city.
 */
@Component
public class ScheduleOutputs {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** The schedule's CSV columns: text columns are neutralised against formula injection. */
    static final List<CsvColumn> CSV_COLUMNS = List.of(CsvColumn.text("event_id"), CsvColumn.text("pair_id"),
            CsvColumn.text("kind"), CsvColumn.text("start"), CsvColumn.text("end"), CsvColumn.text("in_person"),
            CsvColumn.text("host_city"), CsvColumn.text("host_country"), CsvColumn.text("travelling_delegation"),
            CsvColumn.text("expert"));

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

    public ScheduleRunResult result(UUID id, Predicate<ExchangeEvent> filter) {
        var metadata = lifecycle.metadata(kind, id);
        ExchangeSchedule schedule = schedule(id);
        List<EventView> events = dated(schedule, filter).stream().map(ScheduleOutputs::view).toList();
        List<PairTimeline> timelines = new ArrayList<>();
        for (CooperationPair pair : schedule.getPairs()) {
            List<EventView> own = events.stream().filter(event -> event.pairId().equals(pair.id())).toList();
            if (!own.isEmpty()) {
                timelines.add(new PairTimeline(pair.id(), city(pair.euCity()), city(pair.partnerCity()),
                        pair.windowStart(), pair.windowStart().plusMonths(pair.months()).minusDays(1), own));
            }
        }
        return new ScheduleRunResult(metadata, events, timelines);
    }

    /** Events filtered by pair, expert or city ids (any that is not null). */
    public static Predicate<ExchangeEvent> filter(String pairId, String expertId, String cityId) {
        return event -> (pairId == null || event.getPair().id().equals(pairId))
                && (expertId == null || expertId.equals(event.getExpertId()))
                && (cityId == null || event.getPair().euCity().id().equals(cityId)
                        || event.getPair().partnerCity().id().equals(cityId));
    }

    /** The events as CSV (RFC 4180, CRLF; a cell with a comma, quote or line break is quoted). */
    public String csv(UUID id, Predicate<ExchangeEvent> filter) {
        List<List<Object>> rows = new ArrayList<>();
        for (ExchangeEvent event : dated(schedule(id), filter)) {
            rows.add(Arrays.asList(event.getId(), event.getPair().id(), event.getKind().name(), event.getStart(),
                    event.getEnd(), event.isInPerson(), event.isInPerson() ? event.getHostCity().name() : "online",
                    event.isInPerson() ? event.getHostCity().country() : null,
                    event.isInPerson() ? event.getTravellingCity().name() : null,
                    event.getExpert() == null ? null : event.getExpert().name()));
        }
        return CsvTable.write(CSV_COLUMNS, rows);
    }

    /** An RFC 5545 calendar of the events: all-day events (DTEND exclusive), CRLF lines folded at 75 octets. */
    public String ics(UUID id, Predicate<ExchangeEvent> filter, String title) {
        List<ExchangeEvent> events = dated(schedule(id), filter);
        if (events.isEmpty()) {
            throw ProblemException.notFound("No event of run " + id + " matches the pair, expert or city asked for.");
        }
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//IUC Planner//Exchange schedule//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "X-WR-CALNAME:" + text(title));
        String stamp = STAMP.format(clock.instant());
        for (ExchangeEvent event : events) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + text(id + "/" + event.getId()) + "@iuc-planner");
            line(out, "DTSTAMP:" + stamp);
            line(out, "DTSTART;VALUE=DATE:" + DATE.format(event.getStart()));
            line(out, "DTEND;VALUE=DATE:" + DATE.format(event.getEnd().plusDays(1)));
            line(out, "SUMMARY:" + text(summary(event)));
            line(out, "LOCATION:" + text(event.isInPerson()
                    ? event.getHostCity().name() + ", " + event.getHostCity().country() : "Online"));
            line(out, "DESCRIPTION:" + text("Pair " + event.getPair().id()
                    + (event.getExpert() == null ? "" : "; expert " + event.getExpert().name())
                    + (event.isInPerson() ? "; delegation of " + event.getTravellingCity().name() : "")));
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    static String summary(ExchangeEvent event) {
        return event.getKind().label() + ": " + event.getPair().euCity().name()
                + " and " + event.getPair().partnerCity().name();
    }

    private static List<ExchangeEvent> dated(ExchangeSchedule schedule, Predicate<ExchangeEvent> filter) {
        return schedule.getEvents().stream().filter(event -> event.getStart() != null).filter(filter)
                .sorted(Comparator.comparing(ExchangeEvent::getStart).thenComparing(ExchangeEvent::getId)).toList();
    }

    private static EventView view(ExchangeEvent event) {
        return new EventView(event.getId(), event.getPair().id(), event.getKind(), event.getStart(), event.getEnd(),
                event.isInPerson(), event.isInPerson() ? city(event.getHostCity()) : null,
                event.isInPerson() ? city(event.getTravellingCity()) : null,
                event.getExpert() == null ? null : new ExpertView(event.getExpert().id(), event.getExpert().name()),
                event.isPinned());
    }

    private static CityView city(SchedulingCity city) {
        return new CityView(city.id(), city.name(), city.country());
    }

    /** RFC 5545 TEXT escaping. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n").replace("\r", "\\n");
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
