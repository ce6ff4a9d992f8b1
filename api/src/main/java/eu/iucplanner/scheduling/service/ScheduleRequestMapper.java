package eu.iucplanner.scheduling.service;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import eu.iucplanner.pairing.domain.ProgrammeRegion;
import eu.iucplanner.problem.FieldError;
import eu.iucplanner.reference.HolidayCalendar;
import eu.iucplanner.reference.PublicHoliday;
import eu.iucplanner.reference.SoftPeriod;
import eu.iucplanner.scheduling.domain.ActivityPlan;
import eu.iucplanner.scheduling.domain.ActivityTemplate;
import eu.iucplanner.scheduling.domain.CalendarPeriod;
import eu.iucplanner.scheduling.domain.CooperationPair;
import eu.iucplanner.scheduling.domain.EventKind;
import eu.iucplanner.scheduling.domain.ExchangeEvent;
import eu.iucplanner.scheduling.domain.ExchangeSchedule;
import eu.iucplanner.scheduling.domain.Expert;
import eu.iucplanner.scheduling.domain.Host;
import eu.iucplanner.scheduling.domain.PrecedenceRule;
import eu.iucplanner.scheduling.domain.SchedulingCity;
import eu.iucplanner.scheduling.domain.SchedulingParameters;
import eu.iucplanner.scheduling.domain.SharedEventOptions;
import eu.iucplanner.scheduling.domain.WorkingWeek;
import eu.iucplanner.scheduling.service.ScheduleRunRequest.CityInput;
import eu.iucplanner.scheduling.service.ScheduleRunRequest.CityOptions;
import eu.iucplanner.scheduling.service.ScheduleRunRequest.ExpertInput;
import eu.iucplanner.scheduling.service.ScheduleRunRequest.PairInput;
import eu.iucplanner.scheduling.service.ScheduleRunRequest.ProgrammeEventInput;
import eu.iucplanner.scheduling.service.ScheduleRunRequest.PublishedEventInput;
import eu.iucplanner.scheduling.service.ScheduleRunRequest.SharedEventsInput;
import eu.iucplanner.scheduling.solver.ExchangeScheduleFactory;
import eu.iucplanner.scheduling.solver.Replanning;

/**
 * Builds the planning problem of a scheduling request: each city gets its public holidays from the reference data (its
 * subdivision's own included), its country's soft periods, its weekend and its time zone; experts travel from their
 * home cities. At submission it also reports what only the whole request can tell (field rules are Bean Validation's):
 * repeated pair ids, a window outside the years the holiday calendar covers, a country it does not cover, a
 * subdivision outside its country, pairs or shared events no expert covers, plan templates that do not fit the
 * cooperation, and published or cancelled events that name no event. Rebuilding a stored request reports nothing and
 * never fails: what was accepted once is rebuilt as it was.
 */
@Component
public class ScheduleRequestMapper {

    static final int DEFAULT_MONTHS = 18;
    static final int DEFAULT_CAPACITY = 2;
    static final int DEFAULT_MAX_EVENTS_PER_MONTH = 4;
    static final int DEFAULT_PROGRAMME_EVENT_DAYS = 3;

    /** The problem of a stored request, as it was stored. */
    public ExchangeSchedule toSchedule(ScheduleRunRequest request) {
        return toSchedule(request, new ArrayList<>());
    }

    /**
     * The problem of a request whose fields are valid and whose pairs are given (a pairing run's pairs are resolved
     * before), with every rule across the request that it breaks added to {@code errors}.
     */
    public ExchangeSchedule toSchedule(ScheduleRunRequest request, List<FieldError> errors) {
        int months = months(request);
        LocalDate start = request.startDate();
        LocalDate end = start.plusMonths(months).minusDays(1);
        if (start.getYear() < HolidayCalendar.FIRST_YEAR || end.getYear() > HolidayCalendar.LAST_YEAR) {
            errors.add(new FieldError("startDate", "the cooperation (" + start + " to " + end + ") must lie within "
                    + HolidayCalendar.FIRST_YEAR + "-" + HolidayCalendar.LAST_YEAR
                    + ", the years the holiday calendar covers"));
        }
        ActivityPlan plan = plan(request, months, errors);
        Map<String, CityOptions> options = cityOptions(request.cities(), errors);
        List<Expert> experts = experts(request.experts(), start, months, errors);
        Map<String, SchedulingCity> cities = new LinkedHashMap<>();
        List<CooperationPair> pairs = new ArrayList<>();
        Set<String> pairIds = new HashSet<>();
        List<PairInput> inputs = request.pairs() == null ? List.of() : request.pairs();
        if (inputs.isEmpty()) {
            errors.add(new FieldError("pairs", "give the pairs, or a pairingRunId whose run has pairs"));
        }
        for (int i = 0; i < inputs.size(); i++) {
            PairInput input = inputs.get(i);
            String field = "pairs[" + i + "]";
            if (!pairIds.add(input.id())) {
                errors.add(new FieldError(field + ".id", "repeats the pair id '" + input.id() + "'"));
                continue;
            }
            String language = input.language() == null ? "en" : input.language();
            SchedulingCity eu = cities.computeIfAbsent(input.euCity().id(), id -> city(input.euCity(),
                    options.get(id), start, months, field + ".euCity", errors));
            SchedulingCity partner = cities.computeIfAbsent(input.partnerCity().id(), id -> city(input.partnerCity(),
                    options.get(id), start, months, field + ".partnerCity", errors));
            CooperationPair pair = new CooperationPair(input.id(), eu, partner, input.region(), language, start,
                    months);
            pairs.add(pair);
            boolean accompanied = plan.templates().stream().anyMatch(t -> !t.shared() && t.needsExpert());
            if (accompanied && experts.stream().noneMatch(expert -> expert.covers(pair))) {
                errors.add(new FieldError(field, "no expert covers " + input.region() + " in '" + language
                        + "'; its study visits, training and workshop need one"));
            }
        }
        for (String cityId : options.keySet()) {
            if (!cities.containsKey(cityId)) {
                errors.add(new FieldError("cities", "names no city of the pairs: '" + cityId + "'"));
            }
        }
        SharedEventOptions shared = sharedOptions(request.sharedEvents(), options, start, months, errors);
        ExchangeSchedule schedule;
        try {
            schedule = ExchangeScheduleFactory.create(pairs, experts, plan, new SchedulingParameters(
                    plan.studyVisitsApartDays(), SchedulingParameters.defaults().spreadDays()), shared);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("plan", e.getMessage()));
            schedule = ExchangeScheduleFactory.create(pairs, experts, plan.withoutShared(), new SchedulingParameters(
                    plan.studyVisitsApartDays(), SchedulingParameters.defaults().spreadDays()));
        }
        checkShared(schedule, pairIds, errors);
        cancel(schedule, request.cancelledEvents(), errors);
        applyPublished(schedule, request.publishedEvents(), errors);
        List<String> affected = request.affectedPairs() == null ? List.of() : request.affectedPairs();
        Set<String> groups = new HashSet<>();
        schedule.getEvents().forEach(event -> groups.add(event.getGroupId()));
        for (int i = 0; i < affected.size(); i++) {
            if (!groups.contains(affected.get(i)) && !pairIds.contains(affected.get(i))) {
                errors.add(new FieldError("affectedPairs[" + i + "]", "names no pair or shared event: '"
                        + affected.get(i) + "'"));
            }
        }
        if (request.publishedEvents() != null && !request.publishedEvents().isEmpty()) {
            Replanning.prepare(schedule, request.affectedPairs() == null ? Set.of()
                    : new LinkedHashSet<>(request.affectedPairs()));
        }
        return schedule;
    }

    static int months(ScheduleRunRequest request) {
        return request.months() == null ? DEFAULT_MONTHS : request.months();
    }

    /**
     * A city with its public holidays in the window (its subdivision's own included; the years the calendar knows),
     * its country's soft periods, its weekend, its time zone and its options. Reports a country the calendar does not
     * cover, a subdivision outside the country, and a missing time zone.
     */
    static SchedulingCity city(CityInput input, CityOptions options, LocalDate start, int months, String field,
            List<FieldError> errors) {
        HolidayCalendar calendar = HolidayCalendar.get();
        String subdivision = input.subdivision() == null ? "" : input.subdivision();
        if (!subdivision.isEmpty() && !subdivision.startsWith(input.country() + "-")) {
            errors.add(new FieldError(field + ".subdivision", "'" + subdivision + "' is not in " + input.country()));
            subdivision = "";
        }
        if (input.timeZone() == null) {
            errors.add(new FieldError(field + ".timeZone", "is required: the reference data has no city of "
                    + input.country() + " to take it from"));
        }
        Map<LocalDate, String> holidays = new HashMap<>();
        Set<CalendarPeriod> softPeriods = new LinkedHashSet<>();
        if (calendar.covers(input.country())) {
            int first = Math.max(start.getYear(), HolidayCalendar.FIRST_YEAR);
            int last = Math.min(start.plusMonths(months).getYear(), HolidayCalendar.LAST_YEAR);
            for (int year = first; year <= last; year++) {
                for (PublicHoliday holiday : calendar.holidays(input.country(), subdivision, year)) {
                    holidays.merge(holiday.date(), holiday.name(), (a, b) -> a.equals(b) ? a : a + ", " + b);
                }
                for (SoftPeriod period : calendar.softPeriods(input.country(), year)) {
                    softPeriods.add(new CalendarPeriod(period.start(), period.end(), period.name()));
                }
            }
        } else {
            errors.add(new FieldError(field + ".country", "the holiday calendar does not cover '" + input.country()
                    + "'"));
        }
        Set<LocalDate> blackouts = options == null || options.blackoutDates() == null ? Set.of()
                : new HashSet<>(options.blackoutDates());
        int capacity = options == null || options.hostingCapacity() == null ? DEFAULT_CAPACITY
                : options.hostingCapacity();
        return new SchedulingCity(input.id(), input.name(), input.country(), subdivision, input.timeZone(),
                input.latitude(), input.longitude(), holidays, blackouts, List.copyOf(softPeriods),
                WorkingWeek.of(input.country(), subdivision), capacity);
    }

    /** A place without a calendar (an expert's home): where it is and its time zone. */
    private static SchedulingCity place(CityInput input) {
        return SchedulingCity.builder(input.id(), input.name(), input.country(), input.latitude(), input.longitude())
                .subdivision(input.subdivision()).timeZone(input.timeZone()).build();
    }

    private static Map<String, CityOptions> cityOptions(List<CityOptions> given, List<FieldError> errors) {
        Map<String, CityOptions> options = new LinkedHashMap<>();
        for (int i = 0; given != null && i < given.size(); i++) {
            CityOptions option = given.get(i);
            if (options.putIfAbsent(option.cityId(), option) != null) {
                errors.add(new FieldError("cities[" + i + "].cityId", "repeats '" + option.cityId() + "'"));
            }
        }
        return options;
    }

    private static List<Expert> experts(List<ExpertInput> given, LocalDate start, int months,
            List<FieldError> errors) {
        List<Expert> experts = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<ExpertInput> inputs = given == null ? List.of() : given;
        for (int i = 0; i < inputs.size(); i++) {
            ExpertInput input = inputs.get(i);
            if (!ids.add(input.id())) {
                continue;
            }
            if (input.homeCity() != null && input.homeCity().timeZone() == null) {
                errors.add(new FieldError("experts[" + i + "].homeCity.timeZone", "is required: the reference data "
                        + "has no city of " + input.homeCity().country() + " to take it from"));
            }
            int max = input.maxEventsPerMonth() == null ? DEFAULT_MAX_EVENTS_PER_MONTH : input.maxEventsPerMonth();
            int longHaul = input.maxLongHaulTripsPerMonth() == null ? Expert.DEFAULT_LONG_HAUL_TRIPS_PER_MONTH
                    : input.maxLongHaulTripsPerMonth();
            experts.add(new Expert(input.id(), input.name() == null ? input.id() : input.name(),
                    new LinkedHashSet<>(input.regions()), new LinkedHashSet<>(input.languages()),
                    input.unavailableDates() == null ? Set.of() : new HashSet<>(input.unavailableDates()), max,
                    input.homeCity() == null ? null : place(input.homeCity()), input.timeZone(), longHaul));
        }
        return experts;
    }

    /** Repeated expert ids (the second and later of each id). */
    static List<FieldError> repeatedExperts(List<ExpertInput> given) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; given != null && i < given.size(); i++) {
            if (!ids.add(given.get(i).id())) {
                errors.add(new FieldError("experts[" + i + "].id", "repeats the expert id '" + given.get(i).id()
                        + "'"));
            }
        }
        return errors;
    }

    /**
     * What is wrong with a request's plan across its templates (a kind twice, months that do not fit, in-person
     * switches on an own plan, a programme event without its city), for a request whose plan fields are valid:
     * reported beside the other fields' errors.
     */
    static List<FieldError> planErrors(ScheduleRunRequest request) {
        List<FieldError> errors = new ArrayList<>();
        plan(request, months(request), errors);
        return errors;
    }

    /**
     * The request's plan, or the default one (with the events it switches to in person); each template checked
     * against the cooperation length; a programme event added when the request names its city.
     */
    private static ActivityPlan plan(ScheduleRunRequest request, int months, List<FieldError> errors) {
        ProgrammeEventInput programme = request.sharedEvents() == null ? null
                : request.sharedEvents().programmeEvent();
        ActivityPlan plan;
        if (request.plan() == null) {
            Set<EventKind> inPerson = EnumSet.noneOf(EventKind.class);
            List<EventKind> switched = request.inPersonEvents() == null ? List.of() : request.inPersonEvents();
            for (int i = 0; i < switched.size(); i++) {
                if (ActivityPlan.IN_PERSON_HOSTS.containsKey(switched.get(i))) {
                    inPerson.add(switched.get(i));
                } else {
                    errors.add(new FieldError("inPersonEvents[" + i + "]", "only KICK_OFF, THEMATIC_TRAINING, "
                            + "ACTION_PLAN_WORKSHOP and FINAL_EVENT are online in the default plan"));
                }
            }
            plan = ActivityPlan.defaults(months, inPerson);
        } else {
            if (request.inPersonEvents() != null && !request.inPersonEvents().isEmpty()) {
                errors.add(new FieldError("inPersonEvents", "applies to the default plan only; give each "
                        + "template's host in your plan instead"));
            }
            plan = ownPlan(request.plan(), months, programme != null, errors);
        }
        boolean hasProgramme = plan.templates().stream().anyMatch(t -> t.host() == Host.PROGRAMME);
        if (programme != null && !hasProgramme) {
            List<ActivityTemplate> templates = new ArrayList<>(plan.templates());
            templates.add(programmeTemplate(programme, request.startDate(), months, errors));
            plan = new ActivityPlan(templates, plan.precedences(), plan.studyVisitsApartDays());
        }
        return plan;
    }

    /** The programme event's template: its own months, or by default the first October from the fourth month. */
    private static ActivityTemplate programmeTemplate(ProgrammeEventInput input, LocalDate start, int months,
            List<FieldError> errors) {
        int earliest = 4;
        int latest = months;
        for (int month = 4; start != null && month <= months; month++) {
            if (start.plusMonths(month - 1L).getMonth() == Month.OCTOBER) {
                earliest = month;
                latest = month;
                break;
            }
        }
        if (input.earliestMonth() != null) {
            earliest = input.earliestMonth();
            latest = Math.max(earliest, latest);
        }
        if (input.latestMonth() != null) {
            latest = input.latestMonth();
        }
        if (latest > months || earliest > latest) {
            errors.add(new FieldError("sharedEvents.programmeEvent.latestMonth", "months must satisfy 1 <= "
                    + "earliestMonth <= latestMonth <= " + months));
            earliest = 4;
            latest = months;
        }
        int delegates = input.delegatesPerCity() == null ? 1 : input.delegatesPerCity();
        return new ActivityTemplate(EventKind.PROGRAMME_EVENT, Host.PROGRAMME,
                input.durationDays() == null ? DEFAULT_PROGRAMME_EVENT_DAYS : input.durationDays(), 1,
                Math.max(1, delegates), earliest, latest, Boolean.TRUE.equals(input.needsExpert()));
    }

    private static ActivityPlan ownPlan(ScheduleRunRequest.PlanInput input, int months, boolean programmeCity,
            List<FieldError> errors) {
        List<ActivityTemplate> templates = new ArrayList<>();
        Set<EventKind> kinds = new HashSet<>();
        Set<EventKind> shared = new HashSet<>();
        for (int i = 0; i < input.templates().size(); i++) {
            ScheduleRunRequest.TemplateInput t = input.templates().get(i);
            String field = "plan.templates[" + i + "]";
            if (!kinds.add(t.kind())) {
                errors.add(new FieldError(field + ".kind", "repeats " + t.kind()));
                continue;
            }
            if (t.latestMonth() > months) {
                errors.add(new FieldError(field + ".latestMonth", "is after the cooperation's " + months
                        + " months"));
                continue;
            }
            if (t.host() == Host.PROGRAMME && !programmeCity) {
                errors.add(new FieldError(field + ".host", "a programme event needs its city: give "
                        + "sharedEvents.programmeEvent.city"));
                continue;
            }
            if (t.host().isShared()) {
                shared.add(t.kind());
            }
            try {
                templates.add(new ActivityTemplate(t.kind(), t.host(), t.durationDays(),
                        t.delegatesMin() == null ? 0 : t.delegatesMin(),
                        t.delegatesMax() == null ? 0 : t.delegatesMax(), t.earliestMonth(), t.latestMonth(),
                        Boolean.TRUE.equals(t.needsExpert())));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(field, e.getMessage()));
            }
        }
        List<PrecedenceRule> rules = new ArrayList<>();
        List<ScheduleRunRequest.PrecedenceInput> precedences = input.precedences() == null ? List.of()
                : input.precedences();
        for (int i = 0; i < precedences.size(); i++) {
            ScheduleRunRequest.PrecedenceInput rule = precedences.get(i);
            String field = "plan.precedences[" + i + "]";
            if (rule.before() == rule.after()) {
                errors.add(new FieldError(field, "before and after are two different event kinds"));
            } else if (!kinds.contains(rule.before()) || !kinds.contains(rule.after())) {
                errors.add(new FieldError(field, "names an event kind the plan does not hold"));
            } else if (shared.contains(rule.before()) || shared.contains(rule.after())) {
                errors.add(new FieldError(field, "a shared event (host REGION or PROGRAMME) follows no pair's order; "
                        + "give its months instead"));
            } else {
                rules.add(new PrecedenceRule(rule.before(), rule.after(),
                        rule.minimumGapDays() == null ? 0 : rule.minimumGapDays()));
            }
        }
        int apart = input.studyVisitsApartDays() == null ? 90 : input.studyVisitsApartDays();
        return new ActivityPlan(templates, rules, apart);
    }

    /** Venue capacity, the seminars' given hosts and the programme event's host. */
    private static SharedEventOptions sharedOptions(SharedEventsInput input, Map<String, CityOptions> options,
            LocalDate start, int months, List<FieldError> errors) {
        if (input == null) {
            return SharedEventOptions.defaults();
        }
        Map<ProgrammeRegion, SchedulingCity> hosts = new EnumMap<>(ProgrammeRegion.class);
        List<ScheduleRunRequest.SeminarHostInput> given = input.seminarHosts() == null ? List.of()
                : input.seminarHosts();
        for (int i = 0; i < given.size(); i++) {
            String field = "sharedEvents.seminarHosts[" + i + "]";
            ScheduleRunRequest.SeminarHostInput host = given.get(i);
            if (hosts.containsKey(host.region())) {
                errors.add(new FieldError(field + ".region", "repeats " + host.region()));
                continue;
            }
            hosts.put(host.region(), city(host.city(), options.get(host.city().id()), start, months, field + ".city",
                    errors));
        }
        SchedulingCity programmeHost = input.programmeEvent() == null ? null
                : city(input.programmeEvent().city(), options.get(input.programmeEvent().city().id()), start, months,
                        "sharedEvents.programmeEvent.city", errors);
        return new SharedEventOptions(input.venueCapacity() == null ? SharedEventOptions.DEFAULT_VENUE_CAPACITY
                : input.venueCapacity(), hosts, programmeHost);
    }

    /** Pair ids that a shared event's group also has, and shared events no expert covers. */
    private static void checkShared(ExchangeSchedule schedule, Set<String> pairIds, List<FieldError> errors) {
        for (ExchangeEvent event : schedule.getEvents()) {
            if (!event.isShared()) {
                continue;
            }
            if (pairIds.contains(event.getGroupId())) {
                errors.add(new FieldError("pairs", "a pair id '" + event.getGroupId() + "' is the group id of a "
                        + "shared event; rename the pair"));
            }
            if (event.needsExpert() && event.getExpertCandidates().isEmpty()) {
                errors.add(new FieldError("experts", "no expert covers " + (event.getRegion() == null ? ""
                        : event.getRegion() + " in ") + "'" + event.getLanguage() + "', the region and language of the "
                        + event.getKind().label().toLowerCase(java.util.Locale.ROOT) + " " + event.getGroupId()));
            }
        }
    }

    private static void cancel(ExchangeSchedule schedule, List<ScheduleRunRequest.EventRef> cancelled,
            List<FieldError> errors) {
        for (int i = 0; cancelled != null && i < cancelled.size(); i++) {
            ScheduleRunRequest.EventRef ref = cancelled.get(i);
            String id = ref.pairId() + "/" + ref.kind();
            if (!schedule.getEvents().removeIf(event -> event.getId().equals(id))) {
                errors.add(new FieldError("cancelledEvents[" + i + "]", "names no event: " + id));
            }
        }
    }

    private static void applyPublished(ExchangeSchedule schedule, List<PublishedEventInput> published,
            List<FieldError> errors) {
        if (published == null) {
            return;
        }
        Map<String, ExchangeEvent> events = new HashMap<>();
        schedule.getEvents().forEach(event -> events.put(event.getId(), event));
        Map<String, Expert> experts = new HashMap<>();
        schedule.getExperts().forEach(expert -> experts.put(expert.id(), expert));
        for (int i = 0; i < published.size(); i++) {
            PublishedEventInput input = published.get(i);
            String field = "publishedEvents[" + i + "]";
            ExchangeEvent event = events.get(input.pairId() + "/" + input.kind());
            if (event == null) {
                errors.add(new FieldError(field, "names no event: pair '" + input.pairId() + "' and kind "
                        + input.kind()));
                continue;
            }
            if (input.start().isBefore(event.earliestStart()) || input.start().isAfter(event.latestStart())) {
                errors.add(new FieldError(field + ".start", "must lie from " + event.earliestStart() + " to "
                        + event.latestStart() + " for this event"));
                continue;
            }
            Expert expert = input.expertId() == null ? null : experts.get(input.expertId());
            if (input.expertId() != null && expert == null) {
                errors.add(new FieldError(field + ".expertId", "names no expert: '" + input.expertId() + "'"));
                continue;
            }
            Replanning.publish(event, input.start(), expert, input.sequence() == null ? 0 : input.sequence());
            event.setPinned(Boolean.TRUE.equals(input.confirmed()));
        }
    }
}
