package eu.iucplanner.scheduling.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
import eu.iucplanner.scheduling.persistence.ScheduleRun;
import eu.iucplanner.scheduling.rest.ScheduleRunMetadata;
import eu.iucplanner.scheduling.rest.ScheduleRunResult;
import eu.iucplanner.scheduling.rest.ScheduleRunResult.CityView;
import eu.iucplanner.scheduling.rest.ScheduleRunResult.EventView;
import eu.iucplanner.scheduling.rest.ScheduleRunResult.ExpertView;
import eu.iucplanner.scheduling.rest.ScheduleRunResult.PairTimeline;
import eu.iucplanner.web.ApiException;

/**
 * The views of a schedule: events and per-pair timelines (JSON), CSV, and iCalendar (RFC 5545) for a pair, an expert
 * or a city.
 */
@Component
public class ScheduleOutputs {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final ScheduleRunService service;

    public ScheduleOutputs(ScheduleRunService service) {
        this.service = service;
    }

    public ExchangeSchedule schedule(ScheduleRun run) {
        return service.rebuild(service.payload(run.id()));
    }

    public ScheduleRunResult result(ScheduleRun run, Predicate<ExchangeEvent> filter) {
        ExchangeSchedule schedule = schedule(run);
        List<EventView> events = dated(schedule, filter).stream().map(ScheduleOutputs::view).toList();
        List<PairTimeline> timelines = new ArrayList<>();
        for (CooperationPair pair : schedule.getPairs()) {
            List<EventView> own = events.stream().filter(event -> event.pairId().equals(pair.id())).toList();
            if (!own.isEmpty()) {
                timelines.add(new PairTimeline(pair.id(), city(pair.euCity()), city(pair.partnerCity()),
                        pair.windowStart(), pair.windowStart().plusMonths(pair.months()).minusDays(1), own));
            }
        }
        return new ScheduleRunResult(ScheduleRunMetadata.of(run), events, timelines);
    }

    /** Events filtered by pair, expert or city ids (any that is not null). */
    public static Predicate<ExchangeEvent> filter(String pairId, String expertId, String cityId) {
        return event -> (pairId == null || event.getPair().id().equals(pairId))
                && (expertId == null || expertId.equals(event.getExpertId()))
                && (cityId == null || event.getPair().euCity().id().equals(cityId)
                        || event.getPair().partnerCity().id().equals(cityId));
    }

    public String csv(ScheduleRun run, Predicate<ExchangeEvent> filter) {
        StringBuilder out = new StringBuilder("event_id,pair_id,kind,start,end,in_person,host_city,host_country,"
                + "travelling_delegation,expert\r\n");
        for (ExchangeEvent event : dated(schedule(run), filter)) {
            out.append(String.join(",", csv(event.getId()), csv(event.getPair().id()), event.getKind().name(),
                    event.getStart().toString(), event.getEnd().toString(), String.valueOf(event.isInPerson()),
                    csv(event.isInPerson() ? event.getHostCity().name() : "online"),
                    event.isInPerson() ? event.getHostCity().country() : "",
                    csv(event.isInPerson() ? event.getTravellingCity().name() : ""),
                    csv(event.getExpert() == null ? "" : event.getExpert().name()))).append("\r\n");
        }
        return out.toString();
    }

    /** An RFC 5545 calendar of the events: all-day events (DTEND exclusive), CRLF lines folded at 75 octets. */
    public String ics(ScheduleRun run, Predicate<ExchangeEvent> filter, String title) {
        List<ExchangeEvent> events = dated(schedule(run), filter);
        if (events.isEmpty()) {
            throw ApiException.notFound("No event of run " + run.id() + " matches the pair, expert or city asked for.");
        }
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//IUC Planner//Exchange schedule//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "X-WR-CALNAME:" + text(title));
        String stamp = STAMP.format(Instant.now());
        for (ExchangeEvent event : events) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + text(run.id() + "/" + event.getId()) + "@iuc-planner");
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
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
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

    private static String csv(String value) {
        return value.contains(",") || value.contains("\"") ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

}
