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
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Component;

import eu.iucplanner.pairing.domain.ProgrammeRegion;
import eu.iucplanner.reference.HolidayCalendar;
import eu.iucplanner.reference.PublicHoliday;
import eu.iucplanner.reference.ReferenceData;
import eu.iucplanner.scheduling.domain.ActivityPlan;
import eu.iucplanner.scheduling.domain.CooperationPair;
import eu.iucplanner.scheduling.domain.EventKind;
import eu.iucplanner.scheduling.domain.ExchangeEvent;
import eu.iucplanner.scheduling.domain.ExchangeSchedule;
import eu.iucplanner.scheduling.domain.Expert;
import eu.iucplanner.scheduling.domain.SchedulingCity;
import eu.iucplanner.scheduling.domain.SchedulingParameters;
import eu.iucplanner.scheduling.rest.ScheduleRunRequest;
import eu.iucplanner.scheduling.rest.ScheduleRunRequest.CityInput;
import eu.iucplanner.scheduling.rest.ScheduleRunRequest.CityOptions;
import eu.iucplanner.scheduling.rest.ScheduleRunRequest.ExpertInput;
import eu.iucplanner.scheduling.rest.ScheduleRunRequest.PairInput;
import eu.iucplanner.scheduling.rest.ScheduleRunRequest.PublishedEventInput;
import eu.iucplanner.scheduling.solver.ExchangeScheduleFactory;
import eu.iucplanner.web.ApiException;
import eu.iucplanner.web.FieldErrorView;

/**
 * Checks a scheduling request field by field (every offending field is reported at once) and builds the planning
 * problem: each city gets its country's public holidays from the reference data and, in the EU, August as its holiday
 * season.
 */
@Component
public class ScheduleRequestMapper {

    static final int DEFAULT_MONTHS = 18;
    static final int DEFAULT_CAPACITY = 2;
    static final int DEFAULT_MAX_EVENTS_PER_MONTH = 4;

    private final ReferenceData reference = ReferenceData.get();

    /** The problem of a request whose pairs are given (a pairing run's pairs are resolved before). */
    public ExchangeSchedule toSchedule(ScheduleRunRequest request) {
        List<FieldErrorView> errors = new ArrayList<>();
        if (request == null) {
            throw ApiException.invalid("$", "The request body is missing.");
        }
        int months = request.months() == null ? DEFAULT_MONTHS : request.months();
        if (months < 12 || months > 36) {
            errors.add(new FieldErrorView("months", "must be from 12 to 36"));
        }
        LocalDate start = request.startDate();
        if (start == null) {
            errors.add(new FieldErrorView("startDate", "is required (ISO-8601 date, e.g. 2027-01-04)"));
        } else if (start.getYear() < HolidayCalendar.FIRST_YEAR
                || start.plusMonths(months).getYear() > HolidayCalendar.LAST_YEAR) {
            errors.add(new FieldErrorView("startDate", "the cooperation must lie within " + HolidayCalendar.FIRST_YEAR
                    + "-" + HolidayCalendar.LAST_YEAR + ", the years the holiday calendar covers"));
        }
        // With an invalid length (reported above) the plan is checked against the default length.
        ActivityPlan plan = plan(request.plan(), months < 12 || months > 36 ? DEFAULT_MONTHS : months, errors);
        Map<String, CityOptions> options = cityOptions(request.cities(), errors);
        List<Expert> experts = experts(request.experts(), errors);
        List<PairInput> pairInputs = request.pairs() == null ? List.of() : request.pairs();
        if (pairInputs.isEmpty()) {
            errors.add(new FieldErrorView("pairs", "give the pairs, or a pairingRunId whose run has pairs"));
        }
        Map<String, SchedulingCity> cities = new LinkedHashMap<>();
        List<CooperationPair> pairs = new ArrayList<>();
        Set<String> pairIds = new HashSet<>();
        for (int i = 0; i < pairInputs.size(); i++) {
            PairInput input = pairInputs.get(i);
            String field = "pairs[" + i + "]";
            if (input == null) {
                errors.add(new FieldErrorView(field, "must not be null"));
                continue;
            }
            int before = errors.size();
            if (input.id() == null || input.id().isBlank()) {
                errors.add(new FieldErrorView(field + ".id", "is required"));
            } else if (!pairIds.add(input.id())) {
                errors.add(new FieldErrorView(field + ".id", "repeats the pair id '" + input.id() + "'"));
            }
            if (input.region() == null || !input.region().isPartnerRegion()) {
                errors.add(new FieldErrorView(field + ".region", "must be a partner region: NORTH_AMERICA, "
                        + "LATIN_AMERICA_CARIBBEAN or ASIA"));
            }
            String language = input.language() == null ? "en" : input.language();
            if (!reference.isLanguage(language)) {
                errors.add(new FieldErrorView(field + ".language", "unknown language code '" + language + "'"));
            }
            checkCity(input.euCity(), field + ".euCity", errors);
            checkCity(input.partnerCity(), field + ".partnerCity", errors);
            if (errors.size() > before || start == null) {
                continue;
            }
            SchedulingCity eu = cities.computeIfAbsent(input.euCity().id(),
                    id -> city(input.euCity(), true, options.get(id), start, months));
            SchedulingCity partner = cities.computeIfAbsent(input.partnerCity().id(),
                    id -> city(input.partnerCity(), false, options.get(id), start, months));
            CooperationPair pair = new CooperationPair(input.id(), eu, partner, input.region(), language, start,
                    months);
            pairs.add(pair);
            if (experts != null && experts.stream().noneMatch(expert -> expert.covers(pair))) {
                errors.add(new FieldErrorView(field, "no expert covers " + input.region() + " in '" + language
                        + "'; its study visits, training, seminar and workshop need one"));
            }
        }
        for (String cityId : options.keySet()) {
            if (!cities.containsKey(cityId) && errors.isEmpty()) {
                errors.add(new FieldErrorView("cities", "names no city of the pairs: '" + cityId + "'"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        ExchangeSchedule schedule = ExchangeScheduleFactory.create(pairs, experts, plan,
                new SchedulingParameters(plan.studyVisitsApartDays(), SchedulingParameters.defaults().spreadDays()));
        cancel(schedule, request.cancelledEvents(), errors);
        applyPublished(schedule, request.publishedEvents(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return schedule;
    }

    private void checkCity(CityInput city, String field, List<FieldErrorView> errors) {
        if (city == null) {
            errors.add(new FieldErrorView(field, "is required"));
            return;
        }
        if (city.id() == null || city.id().isBlank()) {
            errors.add(new FieldErrorView(field + ".id", "is required"));
        }
        if (city.name() == null || city.name().isBlank()) {
            errors.add(new FieldErrorView(field + ".name", "is required"));
        }
        if (city.country() == null || reference.country(city.country()).isEmpty()) {
            errors.add(new FieldErrorView(field + ".country", "unknown country code '" + city.country() + "'"));
        } else if (!HolidayCalendar.get().covers(city.country())) {
            errors.add(new FieldErrorView(field + ".country", "the holiday calendar does not cover '"
                    + city.country() + "'"));
        }
        if (city.latitude() == null || city.longitude() == null || Math.abs(city.latitude()) > 90
                || Math.abs(city.longitude()) > 180) {
            errors.add(new FieldErrorView(field + ".latitude", "latitude and longitude are required (travel days "
                    + "come from the distance)"));
        }
    }

    private SchedulingCity city(CityInput input, boolean eu, CityOptions options, LocalDate start, int months) {
        Map<LocalDate, String> holidays = new HashMap<>();
        for (int year = start.getYear(); year <= start.plusMonths(months).getYear(); year++) {
            for (PublicHoliday holiday : HolidayCalendar.get().holidays(input.country(), year)) {
                holidays.merge(holiday.date(), holiday.name(), (a, b) -> a + ", " + b);
            }
        }
        Set<LocalDate> blackouts = options == null || options.blackoutDates() == null ? Set.of()
                : new HashSet<>(options.blackoutDates());
        int capacity = options == null || options.hostingCapacity() == null ? DEFAULT_CAPACITY
                : options.hostingCapacity();
        return new SchedulingCity(input.id(), input.name(), input.country(), input.latitude(), input.longitude(),
                holidays, blackouts, eu ? Set.of(Month.AUGUST) : Set.of(), capacity);
    }

    private static Map<String, CityOptions> cityOptions(List<CityOptions> given, List<FieldErrorView> errors) {
        Map<String, CityOptions> options = new LinkedHashMap<>();
        if (given == null) {
            return options;
        }
        for (int i = 0; i < given.size(); i++) {
            CityOptions option = given.get(i);
            String field = "cities[" + i + "]";
            if (option == null || option.cityId() == null) {
                errors.add(new FieldErrorView(field + ".cityId", "is required"));
                continue;
            }
            if (option.hostingCapacity() != null && option.hostingCapacity() < 1) {
                errors.add(new FieldErrorView(field + ".hostingCapacity", "must be at least 1"));
            }
            if (option.blackoutDates() != null && option.blackoutDates().stream().anyMatch(Objects::isNull)) {
                errors.add(new FieldErrorView(field + ".blackoutDates", "must not hold null"));
            }
            if (options.putIfAbsent(option.cityId(), option) != null) {
                errors.add(new FieldErrorView(field + ".cityId", "repeats '" + option.cityId() + "'"));
            }
        }
        return options;
    }

    private List<Expert> experts(List<ExpertInput> given, List<FieldErrorView> errors) {
        if (given == null || given.isEmpty()) {
            errors.add(new FieldErrorView("experts", "at least one expert is needed: study visits, trainings, "
                    + "seminars and workshops are accompanied"));
            return null;
        }
        int before = errors.size();
        List<Expert> experts = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            ExpertInput input = given.get(i);
            String field = "experts[" + i + "]";
            if (input == null) {
                errors.add(new FieldErrorView(field, "must not be null"));
                continue;
            }
            if (input.id() == null || input.id().isBlank()) {
                errors.add(new FieldErrorView(field + ".id", "is required"));
            } else if (!ids.add(input.id())) {
                errors.add(new FieldErrorView(field + ".id", "repeats the expert id '" + input.id() + "'"));
            }
            if (input.regions() == null || input.regions().isEmpty()
                    || input.regions().stream().anyMatch(region -> region == null || !region.isPartnerRegion())) {
                errors.add(new FieldErrorView(field + ".regions", "list the partner regions the expert covers"));
            }
            if (input.languages() == null || input.languages().isEmpty()
                    || input.languages().stream().anyMatch(language -> language == null
                            || !reference.isLanguage(language))) {
                errors.add(new FieldErrorView(field + ".languages", "list ISO 639-1 codes, e.g. [\"en\"]"));
            }
            if (input.unavailableDates() != null && input.unavailableDates().stream().anyMatch(Objects::isNull)) {
                errors.add(new FieldErrorView(field + ".unavailableDates", "must not hold null"));
            }
            int max = input.maxEventsPerMonth() == null ? DEFAULT_MAX_EVENTS_PER_MONTH : input.maxEventsPerMonth();
            if (max < 1) {
                errors.add(new FieldErrorView(field + ".maxEventsPerMonth", "must be at least 1"));
            }
            if (errors.size() == before) {
                experts.add(new Expert(input.id(), input.name() == null ? input.id() : input.name(),
                        new LinkedHashSet<ProgrammeRegion>(input.regions()), new LinkedHashSet<>(input.languages()),
                        input.unavailableDates() == null ? Set.of() : new HashSet<>(input.unavailableDates()), max));
            }
        }
        return errors.size() > before ? null : experts;
    }

    /** The request's plan, or the default one; each template checked against the cooperation length. */
    private static ActivityPlan plan(ScheduleRunRequest.PlanInput input, int months, List<FieldErrorView> errors) {
        if (input == null) {
            return ActivityPlan.defaults(months);
        }
        List<eu.iucplanner.scheduling.domain.ActivityTemplate> templates = new ArrayList<>();
        Set<EventKind> kinds = new HashSet<>();
        List<ScheduleRunRequest.TemplateInput> given = input.templates() == null ? List.of() : input.templates();
        if (given.isEmpty()) {
            errors.add(new FieldErrorView("plan.templates", "list at least one event"));
        }
        for (int i = 0; i < given.size(); i++) {
            ScheduleRunRequest.TemplateInput t = given.get(i);
            String field = "plan.templates[" + i + "]";
            if (t == null || t.kind() == null || t.host() == null || t.durationDays() == null
                    || t.earliestMonth() == null || t.latestMonth() == null) {
                errors.add(new FieldErrorView(field, "kind, host, durationDays, earliestMonth and latestMonth are "
                        + "required"));
                continue;
            }
            if (!kinds.add(t.kind())) {
                errors.add(new FieldErrorView(field + ".kind", "repeats " + t.kind()));
                continue;
            }
            if (t.latestMonth() > months) {
                errors.add(new FieldErrorView(field + ".latestMonth", "is after the cooperation's " + months
                        + " months"));
                continue;
            }
            try {
                templates.add(new eu.iucplanner.scheduling.domain.ActivityTemplate(t.kind(), t.host(),
                        t.durationDays(), t.delegatesMin() == null ? 0 : t.delegatesMin(),
                        t.delegatesMax() == null ? 0 : t.delegatesMax(), t.earliestMonth(), t.latestMonth(),
                        Boolean.TRUE.equals(t.needsExpert())));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldErrorView(field, e.getMessage()));
            }
        }
        List<eu.iucplanner.scheduling.domain.PrecedenceRule> rules = new ArrayList<>();
        List<ScheduleRunRequest.PrecedenceInput> precedences = input.precedences() == null ? List.of()
                : input.precedences();
        for (int i = 0; i < precedences.size(); i++) {
            ScheduleRunRequest.PrecedenceInput rule = precedences.get(i);
            String field = "plan.precedences[" + i + "]";
            if (rule == null || rule.before() == null || rule.after() == null || rule.before() == rule.after()) {
                errors.add(new FieldErrorView(field, "before and after are two different event kinds"));
            } else if (!kinds.contains(rule.before()) || !kinds.contains(rule.after())) {
                errors.add(new FieldErrorView(field, "names an event kind the plan does not hold"));
            } else if (rule.minimumGapDays() != null && rule.minimumGapDays() < 0) {
                errors.add(new FieldErrorView(field + ".minimumGapDays", "must be 0 or more"));
            } else {
                rules.add(new eu.iucplanner.scheduling.domain.PrecedenceRule(rule.before(), rule.after(),
                        rule.minimumGapDays() == null ? 0 : rule.minimumGapDays()));
            }
        }
        int apart = input.studyVisitsApartDays() == null ? 90 : input.studyVisitsApartDays();
        if (apart < 0) {
            errors.add(new FieldErrorView("plan.studyVisitsApartDays", "must be 0 or more"));
        }
        return new ActivityPlan(templates, rules, apart);
    }

    private static void cancel(ExchangeSchedule schedule, List<ScheduleRunRequest.EventRef> cancelled,
            List<FieldErrorView> errors) {
        if (cancelled == null) {
            return;
        }
        for (int i = 0; i < cancelled.size(); i++) {
            ScheduleRunRequest.EventRef ref = cancelled.get(i);
            String id = ref == null ? null : ref.pairId() + "/" + ref.kind();
            if (id == null || !schedule.getEvents().removeIf(event -> event.getId().equals(id))) {
                errors.add(new FieldErrorView("cancelledEvents[" + i + "]", "names no event: " + id));
            }
        }
    }

    private static void applyPublished(ExchangeSchedule schedule, List<PublishedEventInput> published,
            List<FieldErrorView> errors) {
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
            EventKind kind = input == null ? null : input.kind();
            ExchangeEvent event = input == null ? null : events.get(input.pairId() + "/" + kind);
            if (event == null) {
                errors.add(new FieldErrorView(field, "names no event: pair '" + (input == null ? null : input.pairId())
                        + "' and kind " + kind));
                continue;
            }
            if (input.start() == null) {
                errors.add(new FieldErrorView(field + ".start", "is required"));
                continue;
            }
            if (input.start().isBefore(event.earliestStart()) || input.start().isAfter(event.latestStart())) {
                errors.add(new FieldErrorView(field + ".start", "must lie from " + event.earliestStart() + " to "
                        + event.latestStart() + " for this event"));
                continue;
            }
            Expert expert = input.expertId() == null ? null : experts.get(input.expertId());
            if (input.expertId() != null && expert == null) {
                errors.add(new FieldErrorView(field + ".expertId", "names no expert: '" + input.expertId() + "'"));
                continue;
            }
            event.setPublishedStart(input.start());
            event.setStart(input.start());
            event.setExpert(expert);
            event.setPinned(Boolean.TRUE.equals(input.confirmed()));
        }
    }
}
