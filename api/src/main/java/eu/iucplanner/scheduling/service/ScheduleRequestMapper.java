package eu.iucplanner.scheduling.service;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import eu.iucplanner.problem.FieldError;
import eu.iucplanner.reference.HolidayCalendar;
import eu.iucplanner.reference.PublicHoliday;
import eu.iucplanner.scheduling.domain.ActivityPlan;
import eu.iucplanner.scheduling.domain.ActivityTemplate;
import eu.iucplanner.scheduling.domain.CooperationPair;
import eu.iucplanner.scheduling.domain.EventKind;
import eu.iucplanner.scheduling.domain.ExchangeEvent;
import eu.iucplanner.scheduling.domain.ExchangeSchedule;
import eu.iucplanner.scheduling.domain.Expert;
import eu.iucplanner.scheduling.domain.PrecedenceRule;
import eu.iucplanner.scheduling.domain.SchedulingCity;
import eu.iucplanner.scheduling.domain.SchedulingParameters;
import eu.iucplanner.scheduling.service.ScheduleRunRequest.CityInput;
import eu.iucplanner.scheduling.service.ScheduleRunRequest.CityOptions;
import eu.iucplanner.scheduling.service.ScheduleRunRequest.ExpertInput;
import eu.iucplanner.scheduling.service.ScheduleRunRequest.PairInput;
import eu.iucplanner.scheduling.service.ScheduleRunRequest.PublishedEventInput;
import eu.iucplanner.scheduling.solver.ExchangeScheduleFactory;

/**
 * Builds the planning problem of a scheduling request: each city gets its country's public holidays from the
 * reference data and, in the EU, August as its holiday season. At submission it also reports what only the whole
 * request can tell (field rules are Bean Validation's): repeated pair ids, a window outside the years the holiday
 * calendar covers, a country it does not cover, pairs no expert covers, plan templates that do not fit the
 * cooperation, and published or cancelled events that name no event. Rebuilding a stored request reports nothing and
 * never fails: what was accepted once is rebuilt as it was.
 */
@Component
public class ScheduleRequestMapper {

    static final int DEFAULT_MONTHS = 18;
    static final int DEFAULT_CAPACITY = 2;
    static final int DEFAULT_MAX_EVENTS_PER_MONTH = 4;

    /** The problem of a stored request, as it was stored. */
    public ExchangeSchedule toSchedule(ScheduleRunRequest request) {
        return toSchedule(request, new ArrayList<>());
    }

    /**
     * The problem of a request whose fields are valid and whose pairs are given (a pairing run's pairs are resolved
     * before), with every rule across the request that it breaks added to {@code errors}.
     */
    public ExchangeSchedule toSchedule(ScheduleRunRequest request, List<FieldError> errors) {
        int months = request.months() == null ? DEFAULT_MONTHS : request.months();
        LocalDate start = request.startDate();
        LocalDate end = start.plusMonths(months).minusDays(1);
        if (start.getYear() < HolidayCalendar.FIRST_YEAR || end.getYear() > HolidayCalendar.LAST_YEAR) {
            errors.add(new FieldError("startDate", "the cooperation (" + start + " to " + end + ") must lie within "
                    + HolidayCalendar.FIRST_YEAR + "-" + HolidayCalendar.LAST_YEAR
                    + ", the years the holiday calendar covers"));
        }
        ActivityPlan plan = plan(request.plan(), months, errors);
        Map<String, CityOptions> options = cityOptions(request.cities(), errors);
        List<Expert> experts = experts(request.experts());
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
            checkCalendar(input.euCity(), field + ".euCity", errors);
            checkCalendar(input.partnerCity(), field + ".partnerCity", errors);
            String language = input.language() == null ? "en" : input.language();
            SchedulingCity eu = cities.computeIfAbsent(input.euCity().id(),
                    id -> city(input.euCity(), true, options.get(id), start, months));
            SchedulingCity partner = cities.computeIfAbsent(input.partnerCity().id(),
                    id -> city(input.partnerCity(), false, options.get(id), start, months));
            CooperationPair pair = new CooperationPair(input.id(), eu, partner, input.region(), language, start,
                    months);
            pairs.add(pair);
            if (experts.stream().noneMatch(expert -> expert.covers(pair))) {
                errors.add(new FieldError(field, "no expert covers " + input.region() + " in '" + language
                        + "'; its study visits, training, seminar and workshop need one"));
            }
        }
        for (String cityId : options.keySet()) {
            if (!cities.containsKey(cityId)) {
                errors.add(new FieldError("cities", "names no city of the pairs: '" + cityId + "'"));
            }
        }
        ExchangeSchedule schedule = ExchangeScheduleFactory.create(pairs, experts, plan,
                new SchedulingParameters(plan.studyVisitsApartDays(), SchedulingParameters.defaults().spreadDays()));
        cancel(schedule, request.cancelledEvents(), errors);
        applyPublished(schedule, request.publishedEvents(), errors);
        return schedule;
    }

    private static void checkCalendar(CityInput city, String field, List<FieldError> errors) {
        if (!HolidayCalendar.get().covers(city.country())) {
            errors.add(new FieldError(field + ".country", "the holiday calendar does not cover '" + city.country()
                    + "'"));
        }
    }

    /** A city with its public holidays in the window (the years the calendar knows) and its options. */
    private static SchedulingCity city(CityInput input, boolean eu, CityOptions options, LocalDate start,
            int months) {
        Map<LocalDate, String> holidays = new HashMap<>();
        HolidayCalendar calendar = HolidayCalendar.get();
        if (calendar.covers(input.country())) {
            int first = Math.max(start.getYear(), HolidayCalendar.FIRST_YEAR);
            int last = Math.min(start.plusMonths(months).getYear(), HolidayCalendar.LAST_YEAR);
            for (int year = first; year <= last; year++) {
                for (PublicHoliday holiday : calendar.holidays(input.country(), year)) {
                    holidays.merge(holiday.date(), holiday.name(), (a, b) -> a + ", " + b);
                }
            }
        }
        Set<LocalDate> blackouts = options == null || options.blackoutDates() == null ? Set.of()
                : new HashSet<>(options.blackoutDates());
        int capacity = options == null || options.hostingCapacity() == null ? DEFAULT_CAPACITY
                : options.hostingCapacity();
        return new SchedulingCity(input.id(), input.name(), input.country(), input.latitude(), input.longitude(),
                holidays, blackouts, eu ? Set.of(Month.AUGUST) : Set.of(), capacity);
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

    private static List<Expert> experts(List<ExpertInput> given) {
        List<Expert> experts = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ExpertInput input : given == null ? List.<ExpertInput>of() : given) {
            if (!ids.add(input.id())) {
                continue;
            }
            int max = input.maxEventsPerMonth() == null ? DEFAULT_MAX_EVENTS_PER_MONTH : input.maxEventsPerMonth();
            experts.add(new Expert(input.id(), input.name() == null ? input.id() : input.name(),
                    new LinkedHashSet<>(input.regions()), new LinkedHashSet<>(input.languages()),
                    input.unavailableDates() == null ? Set.of() : new HashSet<>(input.unavailableDates()), max));
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
     * What is wrong with a request's own activity plan across its templates (a kind twice, months that do not fit),
     * for a request whose plan fields are valid: reported beside the other fields' errors.
     */
    static List<FieldError> planErrors(ScheduleRunRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.plan() != null) {
            plan(request.plan(), request.months() == null ? DEFAULT_MONTHS : request.months(), errors);
        }
        return errors;
    }

    /** The request's plan, or the default one; each template checked against the cooperation length. */
    private static ActivityPlan plan(ScheduleRunRequest.PlanInput input, int months, List<FieldError> errors) {
        if (input == null) {
            return ActivityPlan.defaults(months);
        }
        List<ActivityTemplate> templates = new ArrayList<>();
        Set<EventKind> kinds = new HashSet<>();
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
            } else {
                rules.add(new PrecedenceRule(rule.before(), rule.after(),
                        rule.minimumGapDays() == null ? 0 : rule.minimumGapDays()));
            }
        }
        int apart = input.studyVisitsApartDays() == null ? 90 : input.studyVisitsApartDays();
        return new ActivityPlan(templates, rules, apart);
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
            event.setPublishedStart(input.start());
            event.setStart(input.start());
            event.setExpert(expert);
            event.setPinned(Boolean.TRUE.equals(input.confirmed()));
        }
    }
}
