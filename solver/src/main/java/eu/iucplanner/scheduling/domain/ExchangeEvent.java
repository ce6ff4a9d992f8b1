package eu.iucplanner.scheduling.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.CountableValueRange;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeFactory;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

/**
 * One event of one pair. The solver chooses its start date, within the days its template allows, and the expert who
 * accompanies it (none for events that need none). Events that took place or are confirmed are pinned.
 */
@PlanningEntity
public class ExchangeEvent {

    public static final String START_RANGE = "startRange";

    @PlanningId
    private String id;
    private CooperationPair pair;
    private ActivityTemplate template;
    /** The start date of the published schedule, when re-planning; {@code null} for a first plan. */
    private LocalDate publishedStart;

    @PlanningVariable(valueRangeProviderRefs = START_RANGE)
    private LocalDate start;

    @PlanningVariable(valueRangeProviderRefs = ExchangeSchedule.EXPERT_RANGE, allowsUnassigned = true)
    private Expert expert;

    /** The experts who may accompany this event: those covering its pair, or none when it needs none. */
    private List<Expert> expertCandidates = List.of();

    @PlanningPin
    private boolean pinned;

    public ExchangeEvent() {
    }

    public ExchangeEvent(CooperationPair pair, ActivityTemplate template) {
        this.id = pair.id() + "/" + template.kind();
        this.pair = Objects.requireNonNull(pair);
        this.template = Objects.requireNonNull(template);
    }

    public ExchangeEvent(CooperationPair pair, ActivityTemplate template, LocalDate start, Expert expert) {
        this(pair, template);
        this.start = start;
        this.expert = expert;
    }

    /** Every start date the template allows: from its first month's first day to the last day it can still end. */
    @ValueRangeProvider(id = START_RANGE)
    public CountableValueRange<LocalDate> getStartRange() {
        return ValueRangeFactory.createLocalDateValueRange(earliestStart(), latestStart().plusDays(1), 1,
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
        return pair.monthStart(template.earliestMonth());
    }

    public LocalDate latestStart() {
        return pair.monthEnd(template.latestMonth()).minusDays(template.durationDays() - 1L);
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

    public boolean isInPerson() {
        return template.inPerson();
    }

    public boolean needsExpert() {
        return template.needsExpert();
    }

    /** The city where the event takes place; {@code null} online. */
    public SchedulingCity getHostCity() {
        return switch (template.host()) {
            case EU_CITY -> pair.euCity();
            case PARTNER_CITY -> pair.partnerCity();
            case ONLINE -> null;
        };
    }

    /** The city whose delegation travels; {@code null} online. */
    public SchedulingCity getTravellingCity() {
        return switch (template.host()) {
            case EU_CITY -> pair.partnerCity();
            case PARTNER_CITY -> pair.euCity();
            case ONLINE -> null;
        };
    }

    /** Whether the two in-person events share a city (as host or as travelling delegation). */
    public boolean sharesCityWith(ExchangeEvent other) {
        if (!isInPerson() || !other.isInPerson()) {
            return false;
        }
        String host = getHostCity().id();
        String travelling = getTravellingCity().id();
        String otherHost = other.getHostCity().id();
        String otherTravelling = other.getTravellingCity().id();
        return host.equals(otherHost) || host.equals(otherTravelling) || travelling.equals(otherHost)
                || travelling.equals(otherTravelling);
    }

    /** Whether the city takes part in person (hosts it or sends its delegation). */
    public boolean involves(String cityId) {
        return isInPerson() && (cityId.equals(getHostCity().id()) || cityId.equals(getTravellingCity().id()));
    }

    public String getHostCityId() {
        return isInPerson() ? getHostCity().id() : null;
    }

    public String getTravellingCityId() {
        return isInPerson() ? getTravellingCity().id() : null;
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

    /** How many days of the event the condition holds on. */
    private int countDays(Predicate<LocalDate> condition) {
        return (int) start.datesUntil(getEnd().plusDays(1)).filter(condition).count();
    }

    /** Days of the event that are public holidays or blackout dates of the host. */
    public int closedDays() {
        SchedulingCity host = getHostCity();
        return countDays(host::isClosed);
    }

    /** Days of the event on a Saturday or Sunday. */
    public int weekendDays() {
        return countDays(day -> day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY);
    }

    /** Days of the event in the host's main holiday season. */
    public int holidaySeasonDays() {
        SchedulingCity host = getHostCity();
        return countDays(day -> host.holidaySeason().contains(day.getMonth()));
    }

    /** Days of the event in the given set. */
    public int daysIn(Set<LocalDate> dates) {
        return countDays(dates::contains);
    }

    // ************************************************************************
    // Getters and setters
    // ************************************************************************

    public String getId() {
        return id;
    }

    public CooperationPair getPair() {
        return pair;
    }

    public ActivityTemplate getTemplate() {
        return template;
    }

    public LocalDate getPublishedStart() {
        return publishedStart;
    }

    public void setPublishedStart(LocalDate publishedStart) {
        this.publishedStart = publishedStart;
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
