package eu.iucplanner.scheduling.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

import eu.iucplanner.pairing.domain.ApplicantProfile;
import eu.iucplanner.pairing.service.PairingRunPairs;
import eu.iucplanner.problem.FieldError;
import eu.iucplanner.problem.ProblemException;
import eu.iucplanner.reference.ReferenceData;
import eu.iucplanner.run.persistence.RunStatus;
import eu.iucplanner.run.service.RunLifecycle;
import eu.iucplanner.run.service.RunMetadata;
import eu.iucplanner.scheduling.domain.ExchangeEvent;
import eu.iucplanner.scheduling.domain.ExchangeSchedule;
import eu.iucplanner.scheduling.service.ReplanRequest.Postponement;
import eu.iucplanner.scheduling.service.ScheduleRunRequest.CityInput;
import eu.iucplanner.scheduling.service.ScheduleRunRequest.CityOptions;
import eu.iucplanner.scheduling.service.ScheduleRunRequest.EventRef;
import eu.iucplanner.scheduling.service.ScheduleRunRequest.ExpertInput;
import eu.iucplanner.scheduling.service.ScheduleRunRequest.PairInput;
import eu.iucplanner.scheduling.service.ScheduleRunRequest.ProgrammeEventInput;
import eu.iucplanner.scheduling.service.ScheduleRunRequest.PublishedEventInput;
import eu.iucplanner.scheduling.service.ScheduleRunRequest.SeminarHostInput;
import eu.iucplanner.scheduling.service.ScheduleRunRequest.SharedEventsInput;
import eu.iucplanner.validation.RequestValidator;

/**
 * What is scheduling's own in its runs: submission, validated once here, with the pairs taken from a pairing run
 * when the request names one and every city's time zone and subdivision looked up; re-plans of a schedule; and which
 * schedule of a pairing run is the current one. Everything else of the lifecycle is {@link RunLifecycle}'s.
 */
@Service
public class ScheduleRunService {

    /** How many runs one page of the current-plan lookup reads. */
    private static final int PAGE = 100;

    private final RunLifecycle lifecycle;
    private final ScheduleRunKind kind;
    private final ScheduleRequestMapper mapper;
    private final RequestValidator validator;
    private final PairingRunPairs pairingRuns;

    public ScheduleRunService(RunLifecycle lifecycle, ScheduleRunKind kind, ScheduleRequestMapper mapper,
            RequestValidator validator, PairingRunPairs pairingRuns) {
        this.lifecycle = lifecycle;
        this.kind = kind;
        this.mapper = mapper;
        this.validator = validator;
        this.pairingRuns = pairingRuns;
    }

    /** Validates (resolving a pairing run's pairs), stores and queues a run; nothing is stored when refused. */
    public RunMetadata submit(ScheduleRunRequest request) {
        return submit(request, false);
    }

    /**
     * As {@link #submit(ScheduleRunRequest)}; an analyst's pairing run (analysis) is scheduled only when
     * {@code fromAnalysisRun} says so: by default schedules build on the coordination unit's runs.
     */
    public RunMetadata submit(ScheduleRunRequest request, boolean fromAnalysisRun) {
        if (request == null) {
            throw ProblemException.invalid("$", "The request body is missing.");
        }
        boolean adopted = request.callId() != null;
        ScheduleRunRequest named = adopted ? request.withPairingRunId(adoptedRun(request)) : request;
        ScheduleRunRequest resolved = named.pairingRunId() == null ? named
                : named.withPairs(pairsOf(named.pairingRunId(), named.pairs(), fromAnalysisRun || adopted,
                        adopted ? "callId" : "pairingRunId"));
        List<FieldError> errors = new ArrayList<>(validator.violations(resolved));
        errors.addAll(ScheduleRequestMapper.repeatedExperts(resolved.experts()));
        if (errors.stream().noneMatch(error -> error.field().startsWith("plan") || error.field().equals("months")
                || error.field().startsWith("sharedEvents") || error.field().startsWith("inPersonEvents"))) {
            // The plan's own rules are reported beside the other fields' errors.
            errors.addAll(ScheduleRequestMapper.planErrors(resolved));
        }
        RequestValidator.throwIfAny(errors);
        ScheduleRunRequest placed = places(resolved);
        ExchangeSchedule schedule = mapper.toSchedule(placed, errors);
        RequestValidator.throwIfAny(errors);
        String name = placed.name() != null && !placed.name().isBlank() ? placed.name()
                : "Schedule of " + schedule.getPairs().size() + " pairs from " + placed.startDate();
        return lifecycle.submit(kind, placed.withName(name), name, kind.summary(schedule), null,
                placed.pairingRunId(), null);
    }

    /**
     * A re-plan of a schedule run: the stored request with the changes, every event of the run's schedule published
     * where it is (with its expert, confirmation and SEQUENCE), and the new run naming this one as its parent (and the
     * same pairing run as its source).
     *
     * @throws ProblemException invalid when a change names no city, expert or event of the schedule, or falls on a
     *                          confirmed event; conflict when the run has no schedule yet
     */
    public RunMetadata replan(UUID parentId, ReplanRequest changes) {
        if (changes == null) {
            throw ProblemException.invalid("$", "The request body is missing.");
        }
        RequestValidator.throwIfAny(validator.violations(changes));
        RunMetadata parentRun = lifecycle.metadata(kind, parentId);
        if (lifecycle.best(kind, parentId).isEmpty()) {
            throw ProblemException.conflict("Schedule run " + parentId + " has no schedule yet; re-plan it once it "
                    + "has one.");
        }
        ScheduleRunRequest parent = lifecycle.request(kind, parentId);
        ExchangeSchedule current = lifecycle.solution(kind, parentId);
        Map<String, ExchangeEvent> events = new LinkedHashMap<>();
        current.getEvents().stream().filter(event -> event.getStart() != null)
                .forEach(event -> events.put(event.getId(), event));
        List<FieldError> errors = new ArrayList<>();

        Set<String> cancelledIds = new LinkedHashSet<>();
        List<EventRef> cancelled = new ArrayList<>(parent.cancelledEvents() == null ? List.of()
                : parent.cancelledEvents());
        Set<String> touched = new LinkedHashSet<>();
        List<EventRef> newlyCancelled = changes.cancelledEvents() == null ? List.of() : changes.cancelledEvents();
        for (int i = 0; i < newlyCancelled.size(); i++) {
            EventRef ref = newlyCancelled.get(i);
            ExchangeEvent event = events.get(ref.pairId() + "/" + ref.kind());
            if (event == null) {
                errors.add(new FieldError("cancelledEvents[" + i + "]", "names no event of the schedule: "
                        + ref.pairId() + "/" + ref.kind()));
                continue;
            }
            cancelledIds.add(event.getId());
            touched.add(event.getGroupId());
            cancelled.add(new EventRef(ref.pairId(), ref.kind(), event.getStart(), event.sequence(),
                    event.getExpertId()));
        }
        // A change may fall on a confirmed event only when the same re-plan cancels it.
        Map<String, ExchangeEvent> kept = new LinkedHashMap<>(events);
        cancelledIds.forEach(kept::remove);
        List<CityOptions> cities = mergedCities(parent.cities(), changes.cities(), current, kept, errors);
        List<ExpertInput> experts = expertsWithLeave(parent.experts(), changes.expertLeave(), kept, errors);
        Set<String> confirmed = new LinkedHashSet<>();
        events.values().stream().filter(ExchangeEvent::isPinned).forEach(event -> confirmed.add(event.getId()));
        List<EventRef> newlyConfirmed = changes.confirmedEvents() == null ? List.of() : changes.confirmedEvents();
        for (int i = 0; i < newlyConfirmed.size(); i++) {
            String id = newlyConfirmed.get(i).pairId() + "/" + newlyConfirmed.get(i).kind();
            if (!events.containsKey(id)) {
                errors.add(new FieldError("confirmedEvents[" + i + "]", "names no event of the schedule: " + id));
            }
            confirmed.add(id);
        }
        // A postponed event is published at its new start, confirmed there; its group may move around it.
        Map<String, LocalDate> postponed = new LinkedHashMap<>();
        Map<String, Integer> postponedIndex = new LinkedHashMap<>();
        List<Postponement> postponements = changes.postponedEvents() == null ? List.of() : changes.postponedEvents();
        for (int i = 0; i < postponements.size(); i++) {
            Postponement move = postponements.get(i);
            String id = move.pairId() + "/" + move.kind();
            ExchangeEvent event = events.get(id);
            if (event == null || cancelledIds.contains(id)) {
                errors.add(new FieldError("postponedEvents[" + i + "]", event == null
                        ? "names no event of the schedule: " + id : "is cancelled in the same re-plan: " + id));
                continue;
            }
            if (!move.start().isAfter(event.getStart())) {
                errors.add(new FieldError("postponedEvents[" + i + "].start", "must be after the event's start "
                        + event.getStart() + " (a postponement moves it later)"));
            } else if (move.start().isAfter(event.latestStart())) {
                errors.add(new FieldError("postponedEvents[" + i + "].start", "must be at most " + event.latestStart()
                        + ", the latest start its plan allows"));
            } else {
                postponed.put(id, move.start());
            }
            postponedIndex.put(id, i);
            touched.add(event.getGroupId());
        }
        List<PublishedEventInput> published = new ArrayList<>();
        for (ExchangeEvent event : events.values()) {
            if (cancelledIds.contains(event.getId())) {
                continue;
            }
            LocalDate moved = postponed.get(event.getId());
            published.add(moved == null
                    ? new PublishedEventInput(event.getGroupId(), event.getKind(), event.getStart(),
                            event.getExpertId(), confirmed.contains(event.getId()), event.sequence())
                    : new PublishedEventInput(event.getGroupId(), event.getKind(), moved, event.getExpertId(), true,
                            event.sequence() + 1));
        }
        RequestValidator.throwIfAny(errors);
        String name = changes.name() != null && !changes.name().isBlank() ? changes.name()
                : parentRun.name() + " (re-plan)";
        ScheduleRunRequest replan = parent.asReplan(name, cities, experts, published, cancelled,
                List.copyOf(touched), changes.termination() != null ? changes.termination() : parent.termination());
        ExchangeSchedule schedule = mapper.toSchedule(replan, errors);
        for (ExchangeEvent event : schedule.getEvents()) {
            Integer i = postponedIndex.get(event.getId());
            if (i != null && event.getStart() != null
                    && (event.isInPerson() ? event.closedDays() : event.offDays()) > 0) {
                errors.add(new FieldError("postponedEvents[" + i + "].start", "the event " + event.getId() + " ("
                        + event.getStart() + " to " + event.getEnd() + ") would fall on a holiday, blackout date or "
                        + "day off of a city taking part"));
            }
        }
        confirmedStillFit(schedule, postponedIndex.keySet(), errors);
        RequestValidator.throwIfAny(errors);
        return lifecycle.submit(kind, replan, name, kind.summary(schedule), parentId, parentRun.sourceRunId(), null);
    }

    /**
     * The current plan of a pairing run: its newest schedule run (re-plans included) that has ended with a schedule
     * breaking no hard rule. The stable calendar URL of a pairing run serves this run's calendar.
     *
     * @throws ProblemException not found when the pairing run has no such schedule yet
     */
    public UUID currentRun(UUID pairingRunId) {
        List<RunStatus> ended = List.of(RunStatus.COMPLETED, RunStatus.TERMINATED, RunStatus.INCOMPLETE);
        for (int page = 0; ; page++) {
            Page<RunMetadata> runs = lifecycle.list(kind, ended, page, PAGE);
            for (RunMetadata run : runs.getContent()) {
                if (pairingRunId.equals(run.sourceRunId()) && Boolean.TRUE.equals(run.feasible())) {
                    return run.id();
                }
            }
            if (!runs.hasNext()) {
                throw ProblemException.notFound("Pairing run " + pairingRunId + " has no finished schedule without "
                        + "hard violations yet.");
            }
        }
    }

    /** The parent's city options with the changes' blackout dates added and their capacities replacing the old. */
    private static List<CityOptions> mergedCities(List<CityOptions> given, List<CityOptions> changes,
            ExchangeSchedule current, Map<String, ExchangeEvent> events, List<FieldError> errors) {
        Map<String, CityOptions> merged = new LinkedHashMap<>();
        (given == null ? List.<CityOptions>of() : given).forEach(option -> merged.put(option.cityId(), option));
        Set<String> known = new LinkedHashSet<>();
        current.getCities().forEach(city -> known.add(city.id()));
        List<CityOptions> added = changes == null ? List.of() : changes;
        for (int i = 0; i < added.size(); i++) {
            CityOptions change = added.get(i);
            if (!known.contains(change.cityId())) {
                errors.add(new FieldError("cities[" + i + "].cityId", "names no city of the schedule: '"
                        + change.cityId() + "'"));
                continue;
            }
            Set<LocalDate> blackout = new LinkedHashSet<>();
            CityOptions before = merged.get(change.cityId());
            if (before != null && before.blackoutDates() != null) {
                blackout.addAll(before.blackoutDates());
            }
            if (change.blackoutDates() != null) {
                blackout.addAll(change.blackoutDates());
                for (ExchangeEvent event : events.values()) {
                    if (event.isPinned() && event.involves(change.cityId())
                            && event.days().stream().anyMatch(change.blackoutDates()::contains)) {
                        errors.add(new FieldError("cities[" + i + "].blackoutDates", "fall on the confirmed event "
                                + event.getId() + " (" + event.getStart() + " to " + event.getEnd() + "); a confirmed "
                                + "event keeps its date: cancel it in the same re-plan"));
                    }
                }
            }
            Integer capacity = change.hostingCapacity() != null ? change.hostingCapacity()
                    : before == null ? null : before.hostingCapacity();
            merged.put(change.cityId(), new CityOptions(change.cityId(), List.copyOf(blackout), capacity));
        }
        return List.copyOf(merged.values());
    }

    /** The parent's experts with the changes' leave added. */
    private static List<ExpertInput> expertsWithLeave(List<ExpertInput> given, List<ReplanRequest.ExpertLeave> leave,
            Map<String, ExchangeEvent> events, List<FieldError> errors) {
        Map<String, ExpertInput> experts = new LinkedHashMap<>();
        given.forEach(expert -> experts.putIfAbsent(expert.id(), expert));
        List<ReplanRequest.ExpertLeave> changes = leave == null ? List.of() : leave;
        for (int i = 0; i < changes.size(); i++) {
            ReplanRequest.ExpertLeave change = changes.get(i);
            ExpertInput expert = experts.get(change.expertId());
            if (expert == null) {
                errors.add(new FieldError("expertLeave[" + i + "].expertId", "names no expert of the schedule: '"
                        + change.expertId() + "'"));
                continue;
            }
            for (ExchangeEvent event : events.values()) {
                if (event.isPinned() && change.expertId().equals(event.getExpertId())
                        && event.days().stream().anyMatch(change.dates()::contains)) {
                    errors.add(new FieldError("expertLeave[" + i + "].dates", "fall on the confirmed event "
                            + event.getId() + " (" + event.getStart() + " to " + event.getEnd() + "); a confirmed "
                            + "event keeps its expert: cancel it in the same re-plan"));
                }
            }
            Set<LocalDate> dates = new LinkedHashSet<>(expert.unavailableDates() == null ? List.of()
                    : expert.unavailableDates());
            dates.addAll(change.dates());
            experts.put(expert.id(), expert.withUnavailableDates(List.copyOf(dates)));
        }
        return List.copyOf(experts.values());
    }

    /**
     * Confirmed events the re-plan cannot keep: an expert's new leave on their travel days from home, or an event
     * confirmed by this re-plan that now falls on a closed day.
     */
    private static void confirmedStillFit(ExchangeSchedule schedule, Set<String> postponed, List<FieldError> errors) {
        for (ExchangeEvent event : schedule.getEvents()) {
            if (!event.isPinned() || event.getStart() == null) {
                continue;
            }
            if (postponed.contains(event.getId())) {
                if (event.expertUnavailableDays() > 0) {
                    errors.add(new FieldError("postponedEvents", "the expert of " + event.getId() + " is on leave on "
                            + "the new dates or their travel days (" + event.getStart() + " to " + event.getEnd() + ")"));
                }
                continue;
            }
            if (event.expertUnavailableDays() > 0) {
                errors.add(new FieldError("expertLeave", "falls on the travel days of the confirmed event "
                        + event.getId() + " (" + event.getStart() + " to " + event.getEnd() + "); cancel it in the "
                        + "same re-plan"));
            }
            if ((event.isInPerson() ? event.closedDays() : event.offDays()) > 0) {
                errors.add(new FieldError("confirmedEvents", "the event " + event.getId() + " (" + event.getStart()
                        + " to " + event.getEnd() + ") falls on a holiday, blackout date or day off; it cannot be "
                        + "confirmed there"));
            }
        }
    }

    /**
     * Every city of the request (pairs, expert homes, seminar hosts, the programme event) with its time zone and
     * subdivision from the reference data where the request does not give them.
     */
    private static ScheduleRunRequest places(ScheduleRunRequest request) {
        List<PairInput> pairs = request.pairs() == null ? null : request.pairs().stream()
                .map(pair -> new PairInput(pair.id(), ReferencePlaces.resolve(pair.euCity()),
                        ReferencePlaces.resolve(pair.partnerCity()), pair.region(), pair.language()))
                .toList();
        List<ExpertInput> experts = request.experts().stream().map(expert -> {
            if (expert.homeCity() == null) {
                return expert;
            }
            CityInput home = ReferencePlaces.resolve(expert.homeCity());
            return expert.withHome(home, expert.timeZone() != null ? expert.timeZone() : home.timeZone());
        }).toList();
        SharedEventsInput shared = request.sharedEvents();
        if (shared != null) {
            List<SeminarHostInput> hosts = shared.seminarHosts() == null ? null : shared.seminarHosts().stream()
                    .map(host -> new SeminarHostInput(host.region(), ReferencePlaces.resolve(host.city()))).toList();
            ProgrammeEventInput programme = shared.programmeEvent();
            if (programme != null) {
                programme = new ProgrammeEventInput(ReferencePlaces.resolve(programme.city()),
                        programme.durationDays(), programme.earliestMonth(), programme.latestMonth(),
                        programme.delegatesPerCity(), programme.needsExpert());
            }
            shared = new SharedEventsInput(shared.venueCapacity(), hosts, programme);
        }
        return request.withPairs(pairs).withExperts(experts).withSharedEvents(shared);
    }

    /**
     * The pairs of a pairing run's best solution as scheduling input: each pair's working language is the first
     * language both list (English when none), and a city without coordinates takes those of the reference city of
     * that name and country.
     */
    private List<PairInput> pairsOf(UUID pairingRunId, List<PairInput> given, boolean fromAnalysisRun,
            String field) {
        if (given != null && !given.isEmpty()) {
            throw ProblemException.invalid("pairs", "give either pairs or a " + field + ", not both");
        }
        PairingRunPairs.Pairs found = pairingRuns.of(pairingRunId);
        if (!found.exists()) {
            throw ProblemException.invalid(field, "names no pairing run: " + pairingRunId);
        }
        if (found.analysis() && !fromAnalysisRun) {
            throw ProblemException.invalid(field, "pairing run " + pairingRunId + " is an analyst's what-if "
                    + "(analysis); schedules build on it only when asked to (fromAnalysisRun=true)");
        }
        if (!found.hasSolution()) {
            throw ProblemException.invalid(field, "pairing run " + pairingRunId + " has no solution yet");
        }
        if (found.pairs().isEmpty()) {
            throw ProblemException.invalid(field, "pairing run " + pairingRunId + " formed no pairs");
        }
        return found.pairs().stream().map(pair -> new PairInput(pair.eu().id() + "--" + pair.partner().id(),
                city(pair.eu()), city(pair.partner()), pair.partnerRegion(), pair.commonLanguage().orElse("en")))
                .toList();
    }

    /**
     * The pairing run a call adopted as its decision, for a request that names the call instead of a run. The
     * coordination unit adopted it, so it is scheduled even if an analyst submitted it.
     */
    private UUID adoptedRun(ScheduleRunRequest request) {
        if (request.pairingRunId() != null) {
            throw ProblemException.invalid("callId", "give either a callId or a pairingRunId, not both");
        }
        PairingRunPairs.CallDecision decision = pairingRuns.decisionOf(request.callId());
        if (!decision.callExists()) {
            throw ProblemException.invalid("callId", "names no call: " + request.callId());
        }
        if (decision.pairingRunId() == null) {
            throw ProblemException.invalid("callId", "call " + request.callId() + " has no adopted decision; adopt "
                    + "one of its runs (POST /api/v1/calls/" + request.callId() + "/decision) or name a "
                    + "pairingRunId");
        }
        return decision.pairingRunId();
    }

    private static CityInput city(ApplicantProfile profile) {
        Double latitude = profile.coordinates() == null ? null : profile.coordinates().latitude();
        Double longitude = profile.coordinates() == null ? null : profile.coordinates().longitude();
        if (latitude == null) {
            var city = ReferenceData.get().city(profile.country(), profile.name());
            if (city.isPresent()) {
                latitude = city.get().latitude();
                longitude = city.get().longitude();
            }
        }
        return new CityInput(profile.id(), profile.name(), profile.country(), latitude, longitude);
    }
}
