package eu.iucplanner.scheduling.constraints;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.count;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.countBi;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.loadBalance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;
import ai.timefold.solver.core.api.score.stream.bi.BiConstraintStream;
import ai.timefold.solver.core.api.score.stream.common.LoadBalance;
import ai.timefold.solver.core.api.score.stream.uni.UniConstraintStream;
import eu.iucplanner.scheduling.domain.EventKind;
import eu.iucplanner.scheduling.domain.ExchangeEvent;
import eu.iucplanner.scheduling.domain.Expert;
import eu.iucplanner.scheduling.domain.PrecedenceRule;
import eu.iucplanner.scheduling.domain.SchedulingCity;
import eu.iucplanner.scheduling.domain.SchedulingParameters;

/**
 * The rules of an exchange calendar. Window and template month bounds hold by construction (each event's start
 * date range); everything else is here. Hard rules first; medium rules keep a re-plan close to the published schedule
 * (they are zero on a first plan); soft rules are preferences. The README table gives each formula and weight.
 */
public class SchedulingConstraintProvider implements ConstraintProvider {

    public static final String PRECEDENCE_BROKEN = "Precedence broken";
    public static final String STUDY_VISITS_TOO_CLOSE = "Study visits too close";
    public static final String IN_PERSON_ON_CLOSED_DAY = "In-person event on a holiday or blackout date";
    public static final String IN_PERSON_ON_WEEKEND = "In-person event on a weekend";
    public static final String ONLINE_ON_DAY_OFF = "Online meeting on a day off";
    public static final String DELEGATION_DOUBLE_BOOKED = "Delegation double-booked";
    public static final String HOSTING_CAPACITY_EXCEEDED = "Hosting capacity exceeded";
    public static final String TRAVEL_DAYS_MISSING = "Travel days missing";
    public static final String EXPERT_MISSING = "Expert missing";
    public static final String EXPERT_NOT_NEEDED = "Expert on an event without experts";
    public static final String EXPERT_NOT_QUALIFIED = "Expert not qualified";
    public static final String EXPERT_DOUBLE_BOOKED = "Expert double-booked";
    public static final String EXPERT_UNAVAILABLE = "Expert unavailable";
    public static final String EXPERT_TRAVEL_DAYS_MISSING = "Expert travel days missing";
    public static final String EXPERT_MONTHLY_MAXIMUM = "Expert monthly maximum exceeded";
    public static final String EXPERT_LONG_HAUL_MAXIMUM = "Expert long-haul trips exceeded";
    public static final String MOVED_IN_AFFECTED_PAIR = "Moved in a pair the change touched";
    public static final String MOVED_IN_UNTOUCHED_PAIR = "Moved in a pair no change touched";
    public static final String EXPERT_REASSIGNED = "Expert reassigned";
    public static final String EVENTS_BUNCHED = "Events of a pair bunched";
    public static final String IN_SOFT_PERIOD = "In-person event in a soft period";
    public static final String ACTION_PLAN_LATE = "Action plan late";
    public static final String EXPERT_WORKLOAD_UNBALANCED = "Expert workload unbalanced";
    public static final String EXPERT_TIME_ZONE_ZIGZAG = "Expert crossing time zones back and forth";

    private static final HardMediumSoftLongScore HARD = HardMediumSoftLongScore.ONE_HARD;

    /** Medium weights: a moved day in a pair a change touched, elsewhere, and a changed expert. */
    static final HardMediumSoftLongScore MOVED_AFFECTED_WEIGHT = HardMediumSoftLongScore.ofMedium(1);
    static final HardMediumSoftLongScore MOVED_UNTOUCHED_WEIGHT = HardMediumSoftLongScore.ofMedium(100);
    static final HardMediumSoftLongScore REASSIGNED_WEIGHT = HardMediumSoftLongScore.ofMedium(10);

    /** Soft weights, balanced on the demos so that no rule outweighs another by an order of magnitude. */
    static final HardMediumSoftLongScore BUNCHED_WEIGHT = HardMediumSoftLongScore.ofSoft(10);
    static final HardMediumSoftLongScore SOFT_PERIOD_WEIGHT = HardMediumSoftLongScore.ofSoft(10);
    static final HardMediumSoftLongScore ACTION_PLAN_LATE_WEIGHT = HardMediumSoftLongScore.ofSoft(1);
    static final HardMediumSoftLongScore WORKLOAD_WEIGHT = HardMediumSoftLongScore.ofSoft(1);
    static final HardMediumSoftLongScore ZIGZAG_WEIGHT = HardMediumSoftLongScore.ofSoft(100);

    /** Travel days never exceed this (the travel rule's longest): hops further apart need none. */
    static final int MAX_TRAVEL_DAYS = 2;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                // Hard
                precedenceBroken(factory),
                studyVisitsTooClose(factory),
                inPersonOnClosedDay(factory),
                inPersonOnWeekend(factory),
                onlineOnDayOff(factory),
                delegationDoubleBooked(factory),
                hostingCapacityExceeded(factory),
                travelDaysMissing(factory),
                expertMissing(factory),
                expertNotNeeded(factory),
                expertNotQualified(factory),
                expertDoubleBooked(factory),
                expertUnavailable(factory),
                expertTravelDaysMissing(factory),
                expertMonthlyMaximum(factory),
                expertLongHaulMaximum(factory),
                // Medium
                movedInAffectedPair(factory),
                movedInUntouchedPair(factory),
                expertReassigned(factory),
                // Soft
                eventsBunched(factory),
                inSoftPeriod(factory),
                actionPlanLate(factory),
                expertWorkloadUnbalanced(factory),
                expertTimeZoneZigzag(factory)
        };
    }

    // ************************************************************************
    // Hard
    // ************************************************************************

    /** Within a pair, a later event starts at least the rule's gap after the earlier one ends. */
    Constraint precedenceBroken(ConstraintFactory factory) {
        return factory.forEach(PrecedenceRule.class)
                .join(pairEvents(factory), Joiners.equal(PrecedenceRule::before, ExchangeEvent::getKind))
                .join(pairEvents(factory),
                        Joiners.equal((rule, before) -> rule.after(), ExchangeEvent::getKind),
                        Joiners.equal((rule, before) -> before.getPair(), ExchangeEvent::getPair))
                .filter((rule, before, after) -> precedenceDays(rule, before, after) > 0)
                .penalizeLong(HARD, SchedulingConstraintProvider::precedenceDays)
                .justifyWith((rule, before, after, score) -> justify(precedenceDays(rule, before, after),
                        after.getPair().id() + ": " + label(after) + " starts " + after.getStart() + ", "
                                + precedenceDays(rule, before, after) + " days too early: it must start at least "
                                + rule.minimumGapDays() + " days after " + label(before) + " ends (" + before.getEnd()
                                + ").", before, after))
                .asConstraint(PRECEDENCE_BROKEN);
    }

    static long precedenceDays(PrecedenceRule rule, ExchangeEvent before, ExchangeEvent after) {
        LocalDate earliest = before.getEnd().plusDays(1L + rule.minimumGapDays());
        return Math.max(0, ChronoUnit.DAYS.between(after.getStart(), earliest));
    }

    /** The two study visits of a pair start at least the required number of days apart, in either order. */
    Constraint studyVisitsTooClose(ConstraintFactory factory) {
        return pairEvents(factory)
                .filter(event -> event.getKind() == EventKind.STUDY_VISIT_TO_EU)
                .join(pairEvents(factory).filter(event -> event.getKind() == EventKind.STUDY_VISIT_TO_PARTNER),
                        Joiners.equal(ExchangeEvent::getPair))
                .join(SchedulingParameters.class)
                .filter((a, b, parameters) -> studyVisitShortfall(a, b, parameters) > 0)
                .penalizeLong(HARD, SchedulingConstraintProvider::studyVisitShortfall)
                .justifyWith((a, b, parameters, score) -> justify(studyVisitShortfall(a, b, parameters),
                        a.getPair().id() + ": the study visits start " + Math.abs(ChronoUnit.DAYS.between(
                                a.getStart(), b.getStart())) + " days apart; they must be at least "
                                + parameters.studyVisitsApartDays() + " days apart.", a, b))
                .asConstraint(STUDY_VISITS_TOO_CLOSE);
    }

    static long studyVisitShortfall(ExchangeEvent a, ExchangeEvent b, SchedulingParameters parameters) {
        long apart = Math.abs(ChronoUnit.DAYS.between(a.getStart(), b.getStart()));
        return Math.max(0, parameters.studyVisitsApartDays() - apart);
    }

    /**
     * No in-person event on a public holiday or blackout date of any city taking part: the host's, and each travelling
     * delegation's own (a delegation does not travel on its holidays).
     */
    Constraint inPersonOnClosedDay(ConstraintFactory factory) {
        return events(factory)
                .filter(event -> event.isInPerson() && event.closedDays() > 0)
                .penalizeLong(HARD, ExchangeEvent::closedDays)
                .justifyWith((event, score) -> justify(event.closedDays(), label(event) + " of " + owner(event)
                        + " in " + event.getHostCity().name() + " (" + event.getStart() + " to " + event.getEnd()
                        + ") falls on " + closedDetail(event) + ".", event))
                .asConstraint(IN_PERSON_ON_CLOSED_DAY);
    }

    /** Which city is closed on which day of the event, and why, e.g. "Easter Monday in Lyon (2027-03-29)". */
    static String closedDetail(ExchangeEvent event) {
        List<String> parts = new ArrayList<>();
        for (SchedulingCity city : event.getCities()) {
            for (LocalDate day : event.days()) {
                city.closedBecause(day).ifPresent(why -> parts.add(why + " in " + city.name() + " (" + day + ")"));
            }
        }
        return String.join("; ", parts);
    }

    /**
     * In-person events of up to five days fall on the host's working days (its own weekend: Friday and Saturday where
     * that applies); a longer one may span one weekend.
     */
    Constraint inPersonOnWeekend(ConstraintFactory factory) {
        return events(factory)
                .filter(event -> event.isInPerson() && event.weekendDays() > 0)
                .penalizeLong(HARD, ExchangeEvent::weekendDays)
                .justifyWith((event, score) -> justify(event.weekendDays(), label(event) + " of " + owner(event)
                        + " in " + event.getHostCity().name() + " (" + event.getStart() + " to " + event.getEnd()
                        + ") has " + event.weekendDays() + " days on the weekend there ("
                        + event.getHostCity().workingWeek().describe(event.getStart()) + ").", event))
                .asConstraint(IN_PERSON_ON_WEEKEND);
    }

    /** An online meeting is on a working day of both cities: no weekend day, public holiday or blackout date. */
    Constraint onlineOnDayOff(ConstraintFactory factory) {
        return events(factory)
                .filter(event -> !event.isInPerson() && event.offDays() > 0)
                .penalizeLong(HARD, ExchangeEvent::offDays)
                .justifyWith((event, score) -> justify(event.offDays(), label(event) + " of " + owner(event)
                        + " is online on " + event.getStart() + ", a day off in " + offCities(event) + ".", event))
                .asConstraint(ONLINE_ON_DAY_OFF);
    }

    private static String offCities(ExchangeEvent event) {
        Set<String> names = new LinkedHashSet<>();
        for (SchedulingCity city : event.getCities()) {
            for (LocalDate day : event.days()) {
                if (city.isDayOff(day)) {
                    names.add(city.name());
                }
            }
        }
        return String.join(" and ", names);
    }

    /**
     * A city's delegation is in one place at a time, across its pairs and shared events: for every city two in-person
     * events share (as host or as travelling delegation), the days they overlap.
     */
    Constraint delegationDoubleBooked(ConstraintFactory factory) {
        return attendances(factory)
                .join(attendances(factory),
                        Joiners.equal(Attendance::cityId),
                        Joiners.overlapping(Attendance::start, attendance -> attendance.end().plusDays(1)),
                        Joiners.filtering((a, b) -> a.eventId().compareTo(b.eventId()) < 0))
                .penalizeLong(HARD, (a, b) -> a.event().overlapDays(b.event()))
                .justifyWith((a, b, score) -> justify(a.event().overlapDays(b.event()), a.city().name()
                        + "'s delegation is at " + label(a.event()) + " of " + owner(a.event()) + " in "
                        + a.event().getHostCity().name() + " and at " + label(b.event()) + " of " + owner(b.event())
                        + " in " + b.event().getHostCity().name() + " on the same " + a.event().overlapDays(b.event())
                        + " days.", a.event(), b.event()))
                .asConstraint(DELEGATION_DOUBLE_BOOKED);
    }

    /** On any day, a city hosts at most its capacity of visiting delegations (shared events have their own venue). */
    Constraint hostingCapacityExceeded(ConstraintFactory factory) {
        return events(factory)
                .filter(event -> event.isInPerson() && !event.isShared())
                .expand(ExchangeEvent::days)
                .flattenLast(days -> days)
                .groupBy((event, day) -> event.getHostCity(), (event, day) -> day, countBi())
                .filter((city, day, visits) -> visits > city.hostingCapacity())
                .penalizeLong(HARD, (city, day, visits) -> visits - city.hostingCapacity())
                .justifyWith((city, day, visits, score) -> new ScheduleJustification(List.of(),
                        visits - city.hostingCapacity(), city.name() + " hosts " + visits + " delegations on " + day
                                + ", more than its capacity of " + city.hostingCapacity() + "."))
                .asConstraint(HOSTING_CAPACITY_EXCEEDED);
    }

    /**
     * A delegation gets its travel days between two in-person events in different host cities: if the second starts
     * after the first ends, the free days between are at least the travel days of the hop (travel rule, by the distance
     * between the two hosts).
     */
    Constraint travelDaysMissing(ConstraintFactory factory) {
        return attendances(factory)
                .join(attendances(factory),
                        Joiners.equal(Attendance::cityId),
                        Joiners.overlapping(first -> first.end().plusDays(1),
                                first -> first.end().plusDays(MAX_TRAVEL_DAYS + 1L), Attendance::start,
                                second -> second.start().plusDays(1)))
                .filter((first, second) -> hopShortfall(first.event(), second.event()) > 0)
                .penalizeLong(HARD, (first, second) -> hopShortfall(first.event(), second.event()))
                .justifyWith((first, second, score) -> justify(hopShortfall(first.event(), second.event()),
                        hopSentence(first.city().name() + "'s delegation", first.event(), second.event()),
                        first.event(), second.event()))
                .asConstraint(TRAVEL_DAYS_MISSING);
    }

    /** "Lyon's delegation needs 2 travel days from Boston (..., ends ...) to Kyoto (..., starts ...) but has 1." */
    static String hopSentence(String who, ExchangeEvent first, ExchangeEvent second) {
        return who + " needs " + travelDays(first, second) + " travel days from " + first.getHostCity().name() + " ("
                + label(first) + " of " + owner(first) + ", ends " + first.getEnd() + ") to "
                + second.getHostCity().name() + " (" + label(second) + " of " + owner(second) + ", starts "
                + second.getStart() + ") but has " + freeDays(first, second) + ".";
    }

    /** Travel days between the host cities of two in-person events, by the travel rule. */
    static int travelDays(ExchangeEvent first, ExchangeEvent second) {
        return first.getHostCity().travelDaysTo(second.getHostCity());
    }

    /** Free days between the end of the first event and the start of the second. */
    static long freeDays(ExchangeEvent first, ExchangeEvent second) {
        return ChronoUnit.DAYS.between(first.getEnd(), second.getStart()) - 1;
    }

    /** Travel days of the hop from the first event to the second that the free days between do not cover. */
    static long hopShortfall(ExchangeEvent first, ExchangeEvent second) {
        long free = freeDays(first, second);
        return free < 0 ? 0 : Math.max(0, travelDays(first, second) - free);
    }

    /** Every event that needs an expert has one. */
    Constraint expertMissing(ConstraintFactory factory) {
        return events(factory)
                .filter(event -> event.needsExpert() && event.getExpert() == null)
                .penalize(HARD)
                .justifyWith((event, score) -> justify(1, label(event) + " of " + owner(event)
                        + " needs an expert and has none.", event))
                .asConstraint(EXPERT_MISSING);
    }

    /** Events that need no expert get none. */
    Constraint expertNotNeeded(ConstraintFactory factory) {
        return events(factory)
                .filter(event -> !event.needsExpert() && event.getExpert() != null)
                .penalize(HARD)
                .justifyWith((event, score) -> justify(1, label(event) + " of " + owner(event)
                        + " needs no expert but has " + event.getExpert().name() + ".", event))
                .asConstraint(EXPERT_NOT_NEEDED);
    }

    /** An expert accompanies only events of a region and a language they cover. */
    Constraint expertNotQualified(ConstraintFactory factory) {
        return events(factory)
                .filter(event -> event.getExpert() != null
                        && !event.getExpert().covers(event.getRegion(), event.getLanguage()))
                .penalize(HARD)
                .justifyWith((event, score) -> justify(1, event.getExpert().name() + " does not cover "
                        + (event.getRegion() == null ? "" : event.getRegion() + " in ") + event.getLanguage()
                        + ", the region and language of " + label(event) + " of " + owner(event) + ".", event))
                .asConstraint(EXPERT_NOT_QUALIFIED);
    }

    /** An expert is never in two events at once. */
    Constraint expertDoubleBooked(ConstraintFactory factory) {
        return events(factory).filter(event -> event.getExpert() != null)
                .join(events(factory).filter(event -> event.getExpert() != null),
                        Joiners.equal(ExchangeEvent::getExpertId),
                        Joiners.overlapping(ExchangeEvent::getStart, event -> event.getEnd().plusDays(1)),
                        Joiners.filtering((a, b) -> a.getId().compareTo(b.getId()) < 0))
                .penalizeLong(HARD, ExchangeEvent::overlapDays)
                .justifyWith((a, b, score) -> justify(a.overlapDays(b), a.getExpert().name() + " is booked for "
                        + label(a) + " of " + owner(a) + " and " + label(b) + " of " + owner(b)
                        + " on the same " + a.overlapDays(b) + " days.", a, b))
                .asConstraint(EXPERT_DOUBLE_BOOKED);
    }

    /**
     * An expert works and travels only on days they are available: the event's days and, in person, the travel days
     * from home and back.
     */
    Constraint expertUnavailable(ConstraintFactory factory) {
        return events(factory)
                .filter(event -> event.getExpert() != null && event.expertUnavailableDays() > 0)
                .penalizeLong(HARD, ExchangeEvent::expertUnavailableDays)
                .justifyWith((event, score) -> justify(event.expertUnavailableDays(), event.getExpert().name()
                        + " is unavailable on " + event.expertUnavailableDays() + " days of " + label(event) + " of "
                        + owner(event) + (event.isInPerson() && event.getExpert().home() != null
                                ? " or of the " + event.getExpert().travelDaysFromHome(event.getHostCity())
                                        + " travel days each way from " + event.getExpert().home().name() : "")
                        + ".", event))
                .asConstraint(EXPERT_UNAVAILABLE);
    }

    /**
     * An expert gets the travel days of every hop: between two in-person events of the expert in different host cities,
     * the second starting after the first ends, the free days are at least the travel days between the two hosts.
     */
    Constraint expertTravelDaysMissing(ConstraintFactory factory) {
        return events(factory)
                .filter(event -> event.isInPerson() && event.getExpert() != null)
                .join(events(factory).filter(ExchangeEvent::isInPerson),
                        Joiners.equal(ExchangeEvent::getExpertId),
                        Joiners.overlapping(first -> first.getEnd().plusDays(1),
                                first -> first.getEnd().plusDays(MAX_TRAVEL_DAYS + 1L), ExchangeEvent::getStart,
                                second -> second.getStart().plusDays(1)))
                .filter((first, second) -> hopShortfall(first, second) > 0)
                .penalizeLong(HARD, SchedulingConstraintProvider::hopShortfall)
                .justifyWith((first, second, score) -> justify(hopShortfall(first, second),
                        hopSentence(first.getExpert().name(), first, second), first, second))
                .asConstraint(EXPERT_TRAVEL_DAYS_MISSING);
    }

    /** An expert takes at most their maximum of events starting in one calendar month. */
    Constraint expertMonthlyMaximum(ConstraintFactory factory) {
        return events(factory)
                .filter(event -> event.getExpert() != null)
                .groupBy(ExchangeEvent::getExpert, event -> YearMonth.from(event.getStart()), count())
                .filter((expert, month, events) -> events > expert.maxEventsPerMonth())
                .penalizeLong(HARD, (expert, month, events) -> events - expert.maxEventsPerMonth())
                .justifyWith((expert, month, events, score) -> new ScheduleJustification(List.of(),
                        events - expert.maxEventsPerMonth(), expert.name() + " has " + events + " events in " + month
                                + ", more than the " + expert.maxEventsPerMonth() + " they take a month."))
                .asConstraint(EXPERT_MONTHLY_MAXIMUM);
    }

    /**
     * An expert makes at most their maximum of long-haul trips (in-person events more than 8,000 km from home) starting
     * in one calendar month.
     */
    Constraint expertLongHaulMaximum(ConstraintFactory factory) {
        return events(factory)
                .filter(event -> event.isInPerson() && event.getExpert() != null
                        && event.getExpert().isLongHaul(event.getHostCity()))
                .groupBy(ExchangeEvent::getExpert, event -> YearMonth.from(event.getStart()), count())
                .filter((expert, month, trips) -> trips > expert.maxLongHaulTripsPerMonth())
                .penalizeLong(HARD, (expert, month, trips) -> trips - expert.maxLongHaulTripsPerMonth())
                .justifyWith((expert, month, trips, score) -> new ScheduleJustification(List.of(),
                        trips - expert.maxLongHaulTripsPerMonth(), expert.name() + " has " + trips
                                + " long-haul trips from " + expert.home().name() + " in " + month + ", more than the "
                                + expert.maxLongHaulTripsPerMonth() + " they make a month."))
                .asConstraint(EXPERT_LONG_HAUL_MAXIMUM);
    }

    // ************************************************************************
    // Medium
    // ************************************************************************

    /** When re-planning, an event of a pair that a change touched moves as little as possible: each moved day costs. */
    Constraint movedInAffectedPair(ConstraintFactory factory) {
        return events(factory)
                .filter(event -> event.isAffected() && event.movedDays() > 0)
                .penalizeLong(MOVED_AFFECTED_WEIGHT, ExchangeEvent::movedDays)
                .justifyWith((event, score) -> justify(event.movedDays(), label(event) + " of " + owner(event)
                        + ", which a change touched, moves " + event.movedDays() + " days, from "
                        + event.getPublishedStart() + " to " + event.getStart() + ".", event))
                .asConstraint(MOVED_IN_AFFECTED_PAIR);
    }

    /**
     * When re-planning, an event of a pair that no change touched moves only if nothing else works: each moved day
     * costs a hundred times more.
     */
    Constraint movedInUntouchedPair(ConstraintFactory factory) {
        return events(factory)
                .filter(event -> !event.isAffected() && event.movedDays() > 0)
                .penalizeLong(MOVED_UNTOUCHED_WEIGHT, ExchangeEvent::movedDays)
                .justifyWith((event, score) -> justify(event.movedDays(), label(event) + " of " + owner(event)
                        + ", which no change touched, moves " + event.movedDays() + " days, from "
                        + event.getPublishedStart() + " to " + event.getStart() + ".", event))
                .asConstraint(MOVED_IN_UNTOUCHED_PAIR);
    }

    /** When re-planning, an event keeps its published expert: each change of expert costs. */
    Constraint expertReassigned(ConstraintFactory factory) {
        return events(factory)
                .filter(ExchangeEvent::isReassigned)
                .penalize(REASSIGNED_WEIGHT)
                .justifyWith((event, score) -> justify(1, label(event) + " of " + owner(event) + " changes expert from "
                        + (event.getPublishedExpertId() == null ? "none" : event.getPublishedExpertId()) + " to "
                        + (event.getExpert() == null ? "none" : event.getExpert().name()) + ".", event))
                .asConstraint(EXPERT_REASSIGNED);
    }

    // ************************************************************************
    // Soft
    // ************************************************************************

    /** A pair's events are spread over the window: two starting closer than the spread days cost the difference. */
    Constraint eventsBunched(ConstraintFactory factory) {
        return pairEvents(factory).join(pairEvents(factory), Joiners.equal(ExchangeEvent::getPair),
                        Joiners.filtering((a, b) -> a.getId().compareTo(b.getId()) < 0))
                .join(SchedulingParameters.class)
                .filter((a, b, parameters) -> bunchedDays(a, b, parameters) > 0)
                .penalizeLong(BUNCHED_WEIGHT, SchedulingConstraintProvider::bunchedDays)
                .justifyWith((a, b, parameters, score) -> justify(bunchedDays(a, b, parameters),
                        a.getPair().id() + ": " + label(a) + " and " + label(b) + " start only "
                                + Math.abs(ChronoUnit.DAYS.between(a.getStart(), b.getStart())) + " days apart.", a, b))
                .asConstraint(EVENTS_BUNCHED);
    }

    static long bunchedDays(ExchangeEvent a, ExchangeEvent b, SchedulingParameters parameters) {
        return Math.max(0, parameters.spreadDays() - Math.abs(ChronoUnit.DAYS.between(a.getStart(), b.getStart())));
    }

    /**
     * In-person events avoid the soft periods of every city taking part (Ramadan, the Lunar New Year weeks, the
     * August season, Christmas to New Year, monsoons): each day in one, for each city, costs.
     */
    Constraint inSoftPeriod(ConstraintFactory factory) {
        return events(factory)
                .filter(event -> event.isInPerson() && event.softPeriodDays() > 0)
                .penalizeLong(SOFT_PERIOD_WEIGHT, ExchangeEvent::softPeriodDays)
                .justifyWith((event, score) -> justify(event.softPeriodDays(), label(event) + " of " + owner(event)
                        + " in " + event.getHostCity().name() + " (" + event.getStart() + " to " + event.getEnd()
                        + ") falls in " + softDetail(event) + ".", event))
                .asConstraint(IN_SOFT_PERIOD);
    }

    /** Which soft periods of which cities the event falls in, e.g. "Ramadan in Jakarta (2 days)". */
    static String softDetail(ExchangeEvent event) {
        List<String> parts = new ArrayList<>();
        for (SchedulingCity city : event.getCities()) {
            java.util.Map<String, Integer> days = new java.util.LinkedHashMap<>();
            for (LocalDate day : event.days()) {
                city.softPeriodOn(day).ifPresent(period -> days.merge(period.name(), 1, Integer::sum));
            }
            days.forEach((name, count) -> parts.add(name + " in " + city.name() + " (" + count + " days)"));
        }
        return String.join("; ", parts);
    }

    /**
     * The action plan is drafted early rather than late: each week from the workshop's earliest allowed start to its
     * start costs.
     */
    Constraint actionPlanLate(ConstraintFactory factory) {
        return pairEvents(factory)
                .filter(event -> event.getKind() == EventKind.ACTION_PLAN_WORKSHOP && weeksLate(event) > 0)
                .penalizeLong(ACTION_PLAN_LATE_WEIGHT, SchedulingConstraintProvider::weeksLate)
                .justifyWith((event, score) -> justify(weeksLate(event), event.getPair().id()
                        + " drafts its action plan " + weeksLate(event) + " weeks after it could at the earliest ("
                        + event.earliestStart() + ").", event))
                .asConstraint(ACTION_PLAN_LATE);
    }

    /** Whole weeks from the event's earliest allowed start to its start. */
    static long weeksLate(ExchangeEvent event) {
        return Math.max(0, ChronoUnit.DAYS.between(event.earliestStart(), event.getStart()) / 7);
    }

    /** Experts share the work evenly: Timefold's load-balance unfairness of events per expert, times 100. */
    Constraint expertWorkloadUnbalanced(ConstraintFactory factory) {
        return events(factory)
                .filter(event -> event.getExpert() != null)
                .groupBy(loadBalance(ExchangeEvent::getExpert))
                .filter(balance -> unfairness(balance) > 0)
                .penalizeLong(WORKLOAD_WEIGHT, SchedulingConstraintProvider::unfairness)
                .justifyWith((balance, score) -> new ScheduleJustification(List.of(), unfairness(balance),
                        "Events per expert: " + String.join(", ", balance.loads().entrySet().stream()
                                .map(entry -> entry.getKey().name() + " " + entry.getValue()).sorted().toList())
                                + "."))
                .asConstraint(EXPERT_WORKLOAD_UNBALANCED);
    }

    /** Timefold's load-balance unfairness (over the experts with at least one event), times 100, rounded. */
    static long unfairness(LoadBalance<Expert> balance) {
        return balance.unfairness().multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP).longValue();
    }

    /**
     * An expert's consecutive trips avoid crossing time zones back and forth: two consecutive in-person events of one
     * expert, the second starting at most 21 days after the first ends, in host cities more than 45 degrees of
     * longitude apart (about three hours of time difference), cost.
     */
    Constraint expertTimeZoneZigzag(ConstraintFactory factory) {
        return events(factory)
                .filter(event -> event.isInPerson() && event.getExpert() != null)
                .join(events(factory).filter(ExchangeEvent::isInPerson),
                        Joiners.equal(ExchangeEvent::getExpertId),
                        Joiners.overlapping(ExchangeEvent::getEnd, first -> first.getEnd().plusDays(ZIGZAG_DAYS + 1L),
                                ExchangeEvent::getStart, second -> second.getStart().plusDays(1)),
                        Joiners.filtering((first, second) -> first.getStart().isBefore(second.getStart())
                                && longitudeApart(first, second) > ZIGZAG_DEGREES))
                .ifNotExists(events(factory).filter(ExchangeEvent::isInPerson),
                        Joiners.equal((first, second) -> first.getExpertId(), ExchangeEvent::getExpertId),
                        Joiners.filtering((first, second, between) -> between.getStart().isAfter(first.getStart())
                                && between.getStart().isBefore(second.getStart())))
                .penalize(ZIGZAG_WEIGHT)
                .justifyWith((first, second, score) -> justify(1, first.getExpert().name() + " flies from "
                        + first.getHostCity().name() + " to " + second.getHostCity().name() + " within "
                        + ChronoUnit.DAYS.between(first.getEnd(), second.getStart()) + " days, across "
                        + Math.round(longitudeApart(first, second) / 15) + " hours of time difference.", first, second))
                .asConstraint(EXPERT_TIME_ZONE_ZIGZAG);
    }

    static final int ZIGZAG_DAYS = 21;
    static final double ZIGZAG_DEGREES = 45;

    static double longitudeApart(ExchangeEvent a, ExchangeEvent b) {
        double apart = Math.abs(a.getHostCity().longitude() - b.getHostCity().longitude());
        return Math.min(apart, 360 - apart);
    }

    // ************************************************************************
    // Helpers
    // ************************************************************************

    /**
     * Every event that has a start date. The expert variable may be empty, and {@code forEach} would leave such
     * events out, so events are taken including unassigned ones.
     */
    private static UniConstraintStream<ExchangeEvent> events(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(ExchangeEvent.class).filter(event -> event.getStart() != null);
    }

    /** The dated events of one pair (shared events left out). */
    private static UniConstraintStream<ExchangeEvent> pairEvents(ConstraintFactory factory) {
        return events(factory).filter(event -> event.getPair() != null);
    }

    /** Every city taking part in every dated in-person event. */
    private static UniConstraintStream<Attendance> attendances(ConstraintFactory factory) {
        BiConstraintStream<ExchangeEvent, List<SchedulingCity>> cities = events(factory)
                .filter(ExchangeEvent::isInPerson)
                .expand(ExchangeEvent::getCities);
        return cities.flattenLast(list -> list).map(Attendance::new);
    }

    private static ScheduleJustification justify(long amount, String description, ExchangeEvent... events) {
        List<String> ids = new ArrayList<>();
        for (ExchangeEvent event : events) {
            ids.add(event.getId());
        }
        return new ScheduleJustification(ids, amount, description);
    }

    static String label(ExchangeEvent event) {
        return event.getKind().label();
    }

    /** Whose event it is: the pair's id, or the shared event's group, e.g. "region-asia (12 pairs)". */
    static String owner(ExchangeEvent event) {
        return event.isShared() ? event.getGroupId() + " (" + event.getPairs().size() + " pairs)"
                : event.getPair().id();
    }
}
