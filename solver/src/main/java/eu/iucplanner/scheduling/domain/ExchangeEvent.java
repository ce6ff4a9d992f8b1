package eu.iucplanner.scheduling.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.CountableValueRange;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeFactory;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import eu.iucplanner.pairing.domain.ProgrammeRegion;

/**
 * One event: of one pair, or shared by many (a regional seminar, a programme event). The solver chooses its start
 * date, within the days its template allows, and the expert who accompanies it (none for events that need none).
 * Events that took place or are confirmed are pinned.
 * <p>
 * What an event costs on each start date (closed days, weekend days, soft-period days of every city taking part) is
 * computed once per start date and kept: a shared event has a hundred cities or more, and the solver asks the same
 * questions millions of times.
 */
@PlanningEntity
public class ExchangeEvent {

    public static final String START_RANGE = "startRange";

    /** Longest in-person event that must fall entirely on the host's working days; longer ones may span a weekend. */
    public static final int WORKING_WEEK_DAYS = 5;

    private static final int CLOSED = 0;
    private static final int WEEKEND = 1;
    private static final int OFF = 2;
    private static final int SOFT = 3;
    private static final int METRICS = 4;

    @PlanningId
    private String id;
    /** The pair holding the event; {@code null} for a shared event. */
    private CooperationPair pair;
    /** Every pair taking part: its own pair, or every pair attending a shared event. */
    private List<CooperationPair> pairs;
    /** The pair's id, or a shared event's group id (e.g. {@code seminar-asia}); with the kind, the event's id. */
    private String groupId;
    private ActivityTemplate template;
    /** Where it takes place; {@code null} online. */
    private SchedulingCity hostCity;
    /** The cities whose delegations travel to it; empty online. */
    private List<SchedulingCity> travellingCities;
    /** The region and language an accompanying expert covers ({@code null} region: any). */
    private ProgrammeRegion region;
    private String language;
    private LocalDate earliestStart;
    private LocalDate latestStart;

    /** The start date of the published schedule, when re-planning; {@code null} for a first plan. */
    private LocalDate publishedStart;
    /** The expert of the published schedule, when re-planning. */
    private String publishedExpertId;
    /** The iCalendar SEQUENCE of the published event (0 for a first plan). */
    private int publishedSequence;
    /** Whether a change of the re-plan touched the event's pair (or the shared event itself): it may move cheaply. */
    private boolean affected;

    @PlanningVariable(valueRangeProviderRefs = START_RANGE)
    private LocalDate start;

    @PlanningVariable(valueRangeProviderRefs = ExchangeSchedule.EXPERT_RANGE, allowsUnassigned = true)
    private Expert expert;

    /** The experts who may accompany this event: those covering its region and language, or none. */
    private List<Expert> expertCandidates = List.of();

    @PlanningPin
    private boolean pinned;

    /** Per metric and start offset: the value, or -1 before it is first asked for. */
    private int[] dayCosts;

    public ExchangeEvent() {
    }

    /** An event of one pair. */
    public ExchangeEvent(CooperationPair pair, ActivityTemplate template) {
        this(pair.id(), Objects.requireNonNull(pair), List.of(pair), template, hostOf(pair, template.host()),
                travellersOf(pair, template.host()), pair.region(), pair.language(), pair.windowStart());
    }

    public ExchangeEvent(CooperationPair pair, ActivityTemplate template, LocalDate start, Expert expert) {
        this(pair, template);
        this.start = start;
        this.expert = expert;
    }

    private ExchangeEvent(String groupId, CooperationPair pair, List<CooperationPair> pairs,
            ActivityTemplate template, SchedulingCity hostCity, List<SchedulingCity> travellingCities,
            ProgrammeRegion region, String language, LocalDate windowStart) {
        this.template = Objects.requireNonNull(template);
        this.groupId = groupId;
        this.id = groupId + "/" + template.kind();
        this.pair = pair;
        this.pairs = List.copyOf(pairs);
        this.hostCity = hostCity;
        this.travellingCities = List.copyOf(travellingCities);
        this.region = region;
        this.language = language;
        this.earliestStart = windowStart.plusMonths(template.earliestMonth() - 1L);
        this.latestStart = windowStart.plusMonths(template.latestMonth()).minusDays(template.durationDays());
    }

    /**
     * An event shared by several pairs: one host city, one date; the delegations of both cities of every pair travel to
     * it (the host city's own delegation hosts).
     *
     * @param groupId     what the pairs have in common, e.g. {@code seminar-asia}; the event's id is
     *                    {@code groupId/KIND}
     * @param region      the region an accompanying expert covers, or {@code null} for any
     * @param language    the language an accompanying expert speaks
     * @param windowStart the first day of the pairs' cooperation
     */
    public static ExchangeEvent shared(String groupId, ActivityTemplate template, SchedulingCity host,
            List<CooperationPair> pairs, ProgrammeRegion region, String language, LocalDate windowStart) {
        if (!template.shared()) {
            throw new IllegalArgumentException(template.kind() + " is not a shared event");
        }
        Map<String, SchedulingCity> travellers = new LinkedHashMap<>();
        for (CooperationPair attending : pairs) {
            for (SchedulingCity city : List.of(attending.euCity(), attending.partnerCity())) {
                if (!city.id().equals(host.id())) {
                    travellers.putIfAbsent(city.id(), city);
                }
            }
        }
        return new ExchangeEvent(groupId, null, pairs, template, host, new ArrayList<>(travellers.values()), region,
                language, windowStart);
    }

    private static SchedulingCity hostOf(CooperationPair pair, Host host) {
        return switch (host) {
            case EU_CITY -> pair.euCity();
            case PARTNER_CITY -> pair.partnerCity();
            case ONLINE -> null;
            case REGION, PROGRAMME -> throw new IllegalArgumentException(
                    "A shared event is built with ExchangeEvent.shared, not for one pair");
        };
    }

    private static List<SchedulingCity> travellersOf(CooperationPair pair, Host host) {
        return switch (host) {
            case EU_CITY -> List.of(pair.partnerCity());
            case PARTNER_CITY -> List.of(pair.euCity());
            default -> List.of();
        };
    }

    /** Every start date the template allows: from its first month's first day to the last day it can still end. */
    @ValueRangeProvider(id = START_RANGE)
    public CountableValueRange<LocalDate> getStartRange() {
        return ValueRangeFactory.createLocalDateValueRange(earliestStart, latestStart.plusDays(1), 1,
                ChronoUnit.DAYS);
    }

    /** The experts the solver chooses from; empty (only "no expert") for events that need none. */
    @ValueRangeProvider(id = ExchangeSchedule.EXPERT_RANGE)
    public List<Expert> getExpertCandidates() {
        return expertCandidates;
    }

    public void setExpertCandidates(List<Expert> expertCandidates) {
        this.expertCandidates = List.copyOf(expertCandidates);
    }

    public LocalDate earliestStart() {
        return earliestStart;
    }

    public LocalDate latestStart() {
        return latestStart;
    }

    // ************************************************************************
    // Derived
    // ************************************************************************

    public LocalDate getEnd() {
        return start.plusDays(template.durationDays() - 1L);
    }

    public EventKind getKind() {
        return template.kind();
    }

    public int getDurationDays() {
        return template.durationDays();
    }

    public boolean isInPerson() {
        return template.inPerson();
    }

    public boolean isShared() {
        return pair == null;
    }

    public boolean needsExpert() {
        return template.needsExpert();
    }

    /** The city whose delegation travels to a pair's in-person event; {@code null} online or for a shared event. */
    public SchedulingCity getTravellingCity() {
        return travellingCities.size() == 1 ? travellingCities.get(0) : null;
    }

    /**
     * The cities taking part: in person, the host and every travelling delegation; online, both cities of the pair.
     */
    public List<SchedulingCity> getCities() {
        if (!isInPerson()) {
            return pair == null ? List.of() : List.of(pair.euCity(), pair.partnerCity());
        }
        List<SchedulingCity> cities = new ArrayList<>(travellingCities.size() + 1);
        cities.add(hostCity);
        cities.addAll(travellingCities);
        return cities;
    }

    /** Whether the pair takes part. */
    public boolean attends(String pairId) {
        for (CooperationPair attending : pairs) {
            if (attending.id().equals(pairId)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the city takes part (hosts it, sends a delegation, or, online, is one of the pair's cities). */
    public boolean involves(String cityId) {
        for (SchedulingCity city : getCities()) {
            if (city.id().equals(cityId)) {
                return true;
            }
        }
        return false;
    }

    public String getHostCityId() {
        return hostCity == null ? null : hostCity.id();
    }

    public String getExpertId() {
        return expert == null ? null : expert.id();
    }

    public boolean overlaps(ExchangeEvent other) {
        return !start.isAfter(other.getEnd()) && !other.start.isAfter(getEnd());
    }

    /** Days both events run. */
    public int overlapDays(ExchangeEvent other) {
        LocalDate from = start.isAfter(other.start) ? start : other.start;
        LocalDate to = getEnd().isBefore(other.getEnd()) ? getEnd() : other.getEnd();
        return from.isAfter(to) ? 0 : (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** Every day of the event, first to last. */
    public List<LocalDate> days() {
        return start.datesUntil(getEnd().plusDays(1)).toList();
    }

    /**
     * In person: for each city taking part (host and travelling delegations), the event's days that are its public
     * holidays or blackout dates, summed; 0 online.
     */
    public int closedDays() {
        return dayCost(CLOSED);
    }

    /**
     * In person: the event's days on the host's weekend, for an event of up to {@value #WORKING_WEEK_DAYS} days; for a
     * longer one, the weekend days beyond one weekend. 0 online.
     */
    public int weekendDays() {
        return dayCost(WEEKEND);
    }

    /** Online: for each of the pair's two cities, the days that are a weekend day, holiday or blackout there. */
    public int offDays() {
        return dayCost(OFF);
    }

    /** In person: for each city taking part, the event's days in one of its soft periods, summed; 0 online. */
    public int softPeriodDays() {
        return dayCost(SOFT);
    }

    /** Days of the event in the given set. */
    public int daysIn(Set<LocalDate> dates) {
        int count = 0;
        for (LocalDate day = start; !day.isAfter(getEnd()); day = day.plusDays(1)) {
            if (dates.contains(day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The expert's unavailable days among the event's days and, in person, the days the expert travels there from home
     * and back ({@link Expert#travelDaysFromHome} on each side); 0 without an expert.
     */
    public int expertUnavailableDays() {
        if (expert == null || expert.unavailableDates().isEmpty()) {
            return 0;
        }
        int travel = isInPerson() ? expert.travelDaysFromHome(hostCity) : 0;
        int count = 0;
        LocalDate last = getEnd().plusDays(travel);
        for (LocalDate day = start.minusDays(travel); !day.isAfter(last); day = day.plusDays(1)) {
            if (expert.unavailableDates().contains(day)) {
                count++;
            }
        }
        return count;
    }

    /** Days from its published start, either way; 0 when it was not published. */
    public int movedDays() {
        return publishedStart == null ? 0 : (int) Math.abs(ChronoUnit.DAYS.between(publishedStart, start));
    }

    /** Whether its expert differs from the published schedule's (an event that was not published never does). */
    public boolean isReassigned() {
        return publishedStart != null && !Objects.equals(publishedExpertId, getExpertId());
    }

    /** The iCalendar SEQUENCE: the published one, plus one when the event moved. */
    public int sequence() {
        return publishedSequence + (publishedStart != null && start != null && !start.equals(publishedStart) ? 1 : 0);
    }

    private int dayCost(int metric) {
        if (start == null) {
            return 0;
        }
        int span = (int) ChronoUnit.DAYS.between(earliestStart, latestStart) + 1;
        int offset = (int) ChronoUnit.DAYS.between(earliestStart, start);
        if (offset < 0 || offset >= span) {
            return computeDayCost(metric, start);
        }
        int[] costs = dayCosts;
        if (costs == null) {
            costs = new int[METRICS * span];
            Arrays.fill(costs, -1);
            dayCosts = costs;
        }
        int index = metric * span + offset;
        int cost = costs[index];
        if (cost < 0) {
            cost = computeDayCost(metric, start);
            costs[index] = cost;
        }
        return cost;
    }

    private int computeDayCost(int metric, LocalDate from) {
        LocalDate to = from.plusDays(template.durationDays() - 1L);
        if (!isInPerson()) {
            if (metric != OFF) {
                return 0;
            }
            int off = 0;
            for (SchedulingCity city : getCities()) {
                for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                    off += city.isDayOff(day) ? 1 : 0;
                }
            }
            return off;
        }
        return switch (metric) {
            case CLOSED -> {
                int closed = 0;
                for (SchedulingCity city : getCities()) {
                    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                        closed += city.isClosed(day) ? 1 : 0;
                    }
                }
                yield closed;
            }
            case WEEKEND -> {
                int weekend = 0;
                for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                    weekend += hostCity.isWeekend(day) ? 1 : 0;
                }
                yield template.durationDays() <= WORKING_WEEK_DAYS ? weekend
                        : Math.max(0, weekend - hostCity.workingWeek().weekendLength(from));
            }
            case SOFT -> {
                int soft = 0;
                for (SchedulingCity city : getCities()) {
                    if (city.softPeriods().isEmpty()) {
                        continue;
                    }
                    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                        soft += city.softPeriodOn(day).isPresent() ? 1 : 0;
                    }
                }
                yield soft;
            }
            default -> 0;
        };
    }

    // ************************************************************************
    // Getters and setters
    // ************************************************************************

    public String getId() {
        return id;
    }

    /** The pair holding the event; {@code null} for a shared event. */
    public CooperationPair getPair() {
        return pair;
    }

    /** Every pair taking part. */
    public List<CooperationPair> getPairs() {
        return pairs;
    }

    /** The pair's id, or the shared event's group id. */
    public String getGroupId() {
        return groupId;
    }

    public ActivityTemplate getTemplate() {
        return template;
    }

    /** The city where the event takes place; {@code null} online. */
    public SchedulingCity getHostCity() {
        return hostCity;
    }

    public List<SchedulingCity> getTravellingCities() {
        return travellingCities;
    }

    public ProgrammeRegion getRegion() {
        return region;
    }

    public String getLanguage() {
        return language;
    }

    public LocalDate getPublishedStart() {
        return publishedStart;
    }

    public void setPublishedStart(LocalDate publishedStart) {
        this.publishedStart = publishedStart;
    }

    public String getPublishedExpertId() {
        return publishedExpertId;
    }

    public void setPublishedExpertId(String publishedExpertId) {
        this.publishedExpertId = publishedExpertId;
    }

    public int getPublishedSequence() {
        return publishedSequence;
    }

    public void setPublishedSequence(int publishedSequence) {
        this.publishedSequence = publishedSequence;
    }

    public boolean isAffected() {
        return affected;
    }

    public void setAffected(boolean affected) {
        this.affected = affected;
    }

    public LocalDate getStart() {
        return start;
    }

    public void setStart(LocalDate start) {
        this.start = start;
    }

    public Expert getExpert() {
        return expert;
    }

    public void setExpert(Expert expert) {
        this.expert = expert;
    }

    public boolean isPinned() {
        return pinned;
    }

    public void setPinned(boolean pinned) {
        this.pinned = pinned;
    }

    @Override
    public String toString() {
        return id + "@" + start;
    }
}
