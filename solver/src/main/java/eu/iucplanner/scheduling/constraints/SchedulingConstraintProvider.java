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
import java.util.List;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;
import ai.timefold.solver.core.api.score.stream.common.LoadBalance;
import eu.iucplanner.scheduling.domain.EventKind;
import eu.iucplanner.scheduling.domain.ExchangeEvent;
import eu.iucplanner.scheduling.domain.Expert;
import eu.iucplanner.scheduling.domain.PrecedenceRule;
import eu.iucplanner.scheduling.domain.SchedulingParameters;

/**
 * The rules of an exchange calendar. Window and template month bounds hold by construction (each event's start
 * date range); everything else is here. The README table gives each formula and weight.
 */
public class SchedulingConstraintProvider implements ConstraintProvider {

    public static final String PRECEDENCE_BROKEN = "Precedence broken";
    public static final String STUDY_VISITS_TOO_CLOSE = "Study visits too close";
    public static final String IN_PERSON_ON_CLOSED_DAY = "In-person event on a holiday or blackout date";
    public static final String DELEGATION_DOUBLE_BOOKED = "Delegation double-booked";
    public static final String HOSTING_CAPACITY_EXCEEDED = "Hosting capacity exceeded";
    public static final String TRAVEL_DAYS_MISSING = "Travel days missing";
    public static final String EXPERT_MISSING = "Expert missing";
    public static final String EXPERT_NOT_NEEDED = "Expert on an event without experts";
    public static final String EXPERT_NOT_QUALIFIED = "Expert not qualified";
    public static final String EXPERT_DOUBLE_BOOKED = "Expert double-booked";
    public static final String EXPERT_UNAVAILABLE = "Expert unavailable";
    public static final String EXPERT_MONTHLY_MAXIMUM = "Expert monthly maximum exceeded";
    public static final String EVENTS_BUNCHED = "Events of a pair bunched";
    public static final String REGIONAL_SEMINAR_NOT_SHARED = "Regional seminar not shared";
    public static final String IN_PERSON_ON_WEEKEND = "In-person event on a weekend";
    public static final String IN_HOLIDAY_SEASON = "In-person event in the holiday season";
    public static final String ACTION_PLAN_LATE = "Action plan late";
    public static final String EXPERT_WORKLOAD_UNBALANCED = "Expert workload unbalanced";
    public static final String EXPERT_TIME_ZONE_ZIGZAG = "Expert crossing time zones back and forth";
    public static final String MOVED_FROM_PUBLISHED = "Moved from the published schedule";

    private static final HardSoftLongScore HARD = HardSoftLongScore.ONE_HARD;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                // Hard
                precedenceBroken(factory),
                studyVisitsTooClose(factory),
                inPersonOnClosedDay(factory),
                delegationDoubleBooked(factory),
                hostingCapacityExceeded(factory),
                travelDaysMissing(factory),
                expertMissing(factory),
                expertNotNeeded(factory),
                expertNotQualified(factory),
                expertDoubleBooked(factory),
                expertUnavailable(factory),
                expertMonthlyMaximum(factory),
                // Soft
                eventsBunched(factory),
                regionalSeminarNotShared(factory),
                inPersonOnWeekend(factory),
                inHolidaySeason(factory),
                actionPlanLate(factory),
                expertWorkloadUnbalanced(factory),
                expertTimeZoneZigzag(factory),
                movedFromPublished(factory)
        };
    }

    // ************************************************************************
    // Hard
    // ************************************************************************

    /** Within a pair, a later event starts at least the rule's gap after the earlier one ends. */
    Constraint precedenceBroken(ConstraintFactory factory) {
        return factory.forEach(PrecedenceRule.class)
                .join(events(factory), Joiners.equal(PrecedenceRule::before, ExchangeEvent::getKind))
                .join(events(factory),
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
        return events(factory)
                .filter(event -> event.getKind() == EventKind.STUDY_VISIT_TO_EU)
                .join(events(factory), Joiners.equal(ExchangeEvent::getPair),
                        Joiners.filtering((a, b) -> b.getKind() == EventKind.STUDY_VISIT_TO_PARTNER))
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

    /** No in-person event on a public holiday or blackout date of its host city. */
    Constraint inPersonOnClosedDay(ConstraintFactory factory) {
        return events(factory)
                .filter(event -> event.isInPerson() && event.closedDays() > 0)
                .penalizeLong(HARD, ExchangeEvent::closedDays)
                .justifyWith((event, score) -> justify(event.closedDays(), label(event) + " of " + event.getPair().id()
                        + " in " + event.getHostCity().name() + " runs on " + event.closedDays()
                        + " public holiday or blackout days there.", event))
                .asConstraint(IN_PERSON_ON_CLOSED_DAY);
    }

    /**
     * A city's delegation is never in two in-person events at once (a city may be in several pairs): for every city two
     * events share (as host or as travelling delegation), the days they overlap.
     */
    Constraint delegationDoubleBooked(ConstraintFactory factory) {
        return sharedCity(factory, ExchangeEvent::getHostCityId, ExchangeEvent::getHostCityId)
                .concat(sharedCity(factory, ExchangeEvent::getHostCityId, ExchangeEvent::getTravellingCityId))
                .concat(sharedCity(factory, ExchangeEvent::getTravellingCityId, ExchangeEvent::getHostCityId))
                .concat(sharedCity(factory, ExchangeEvent::getTravellingCityId, ExchangeEvent::getTravellingCityId))
                .penalizeLong(HARD, ExchangeEvent::overlapDays)
                .justifyWith((a, b, score) -> justify(a.overlapDays(b), label(a) + " of " + a.getPair().id() + " and "
                        + label(b) + " of " + b.getPair().id() + " share a city and overlap by " + a.overlapDays(b)
                        + " days.", a, b))
                .asConstraint(DELEGATION_DOUBLE_BOOKED);
    }

    /** Overlapping in-person events (a before b by id) where a city of the first role of a is one of b's. */
    private static ai.timefold.solver.core.api.score.stream.bi.BiConstraintStream<ExchangeEvent, ExchangeEvent>
            sharedCity(ConstraintFactory factory, java.util.function.Function<ExchangeEvent, String> roleOfA,
                    java.util.function.Function<ExchangeEvent, String> roleOfB) {
        return events(factory).filter(ExchangeEvent::isInPerson)
                .join(events(factory).filter(ExchangeEvent::isInPerson),
                        Joiners.equal(roleOfA, roleOfB),
                        Joiners.lessThan(ExchangeEvent::getId),
                        Joiners.overlapping(ExchangeEvent::getStart, event -> event.getEnd().plusDays(1)));
    }

    /** On any day, a city hosts at most its capacity of visiting delegations. */
    Constraint hostingCapacityExceeded(ConstraintFactory factory) {
        return events(factory)
                .filter(ExchangeEvent::isInPerson)
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
     * A delegation travelling long-haul needs the pair's travel days free before and after the visit: no other
     * in-person event of that city elsewhere in them (an event in the same host city needs no travel between).
     */
    Constraint travelDaysMissing(ConstraintFactory factory) {
        return travelNeighbours(factory, ExchangeEvent::getHostCityId)
                .concat(travelNeighbours(factory, ExchangeEvent::getTravellingCityId))
                .penalizeLong(HARD, SchedulingConstraintProvider::travelShortfall)
                .justifyWith((visit, other, score) -> justify(travelShortfall(visit, other),
                        visit.getTravellingCity().name() + "'s delegation needs " + visit.getPair().travelDays()
                                + " travel days around " + label(visit) + " of " + visit.getPair().id() + ", but "
                                + label(other) + " of " + other.getPair().id() + " is " + gapDays(visit, other)
                                + " days away.", visit, other))
                .asConstraint(TRAVEL_DAYS_MISSING);
    }

    /** Long-haul visits and the other in-person events near them where the travelling city has the given role. */
    private static ai.timefold.solver.core.api.score.stream.bi.BiConstraintStream<ExchangeEvent, ExchangeEvent>
            travelNeighbours(ConstraintFactory factory, java.util.function.Function<ExchangeEvent, String> role) {
        return events(factory)
                .filter(event -> event.isInPerson() && event.getPair().travelDays() > 0)
                .join(events(factory).filter(ExchangeEvent::isInPerson),
                        Joiners.equal(ExchangeEvent::getTravellingCityId, role),
                        Joiners.overlapping(event -> event.getStart().minusDays(event.getPair().travelDays()),
                                event -> event.getEnd().plusDays(event.getPair().travelDays() + 1L),
                                ExchangeEvent::getStart, event -> event.getEnd().plusDays(1)),
                        Joiners.filtering((visit, other) -> visit != other && !visit.overlaps(other)
                                && !other.getHostCityId().equals(visit.getHostCityId())));
    }

    static long gapDays(ExchangeEvent visit, ExchangeEvent other) {
        return other.getEnd().isBefore(visit.getStart())
                ? ChronoUnit.DAYS.between(other.getEnd(), visit.getStart()) - 1
                : ChronoUnit.DAYS.between(visit.getEnd(), other.getStart()) - 1;
    }

    static long travelShortfall(ExchangeEvent visit, ExchangeEvent other) {
        return Math.max(0, visit.getPair().travelDays() - gapDays(visit, other));
    }

    /** Every event that needs an expert has one. */
    Constraint expertMissing(ConstraintFactory factory) {
        return events(factory)
                .filter(event -> event.needsExpert() && event.getExpert() == null)
                .penalize(HARD)
                .justifyWith((event, score) -> justify(1, label(event) + " of " + event.getPair().id()
                        + " needs an expert and has none.", event))
                .asConstraint(EXPERT_MISSING);
    }

    /** Events that need no expert get none. */
    Constraint expertNotNeeded(ConstraintFactory factory) {
        return events(factory)
                .filter(event -> !event.needsExpert() && event.getExpert() != null)
                .penalize(HARD)
                .justifyWith((event, score) -> justify(1, label(event) + " of " + event.getPair().id()
                        + " needs no expert but has " + event.getExpert().name() + ".", event))
                .asConstraint(EXPERT_NOT_NEEDED);
    }

    /** An expert accompanies only events of a region and a language they cover. */
    Constraint expertNotQualified(ConstraintFactory factory) {
        return events(factory)
                .filter(event -> event.getExpert() != null && !event.getExpert().covers(event.getPair()))
                .penalize(HARD)
                .justifyWith((event, score) -> justify(1, event.getExpert().name() + " does not cover "
                        + event.getPair().region() + " in " + event.getPair().language() + ", the region and language of "
                        + event.getPair().id() + ".", event))
                .asConstraint(EXPERT_NOT_QUALIFIED);
    }

    /** An expert is never in two events at once (a regional seminar shared by several pairs is one event). */
    Constraint expertDoubleBooked(ConstraintFactory factory) {
        return events(factory).join(events(factory), Joiners.lessThan(ExchangeEvent::getId),
                        Joiners.equal(ExchangeEvent::getExpertId),
                        Joiners.overlapping(ExchangeEvent::getStart, event -> event.getEnd().plusDays(1)))
                .filter((a, b) -> a.getExpert() != null && !sameRegionalSeminar(a, b))
                .penalizeLong(HARD, ExchangeEvent::overlapDays)
                .justifyWith((a, b, score) -> justify(a.overlapDays(b), a.getExpert().name() + " is booked for "
                        + label(a) + " of " + a.getPair().id() + " and " + label(b) + " of " + b.getPair().id()
                        + " on the same " + a.overlapDays(b) + " days.", a, b))
                .asConstraint(EXPERT_DOUBLE_BOOKED);
    }

    /** Two pairs of one region holding their regional seminar together: one seminar, one expert may attend. */
    static boolean sameRegionalSeminar(ExchangeEvent a, ExchangeEvent b) {
        return a.getKind() == EventKind.REGIONAL_SEMINAR && b.getKind() == EventKind.REGIONAL_SEMINAR
                && a.getPair().region() == b.getPair().region() && a.getStart().equals(b.getStart());
    }

    /** An expert works only on days they are available. */
    Constraint expertUnavailable(ConstraintFactory factory) {
        return events(factory)
                .filter(event -> event.getExpert() != null
                        && event.daysIn(event.getExpert().unavailableDates()) > 0)
                .penalizeLong(HARD, event -> event.daysIn(event.getExpert().unavailableDates()))
                .justifyWith((event, score) -> justify(event.daysIn(event.getExpert().unavailableDates()),
                        event.getExpert().name() + " is unavailable on "
                                + event.daysIn(event.getExpert().unavailableDates()) + " days of " + label(event)
                                + " of " + event.getPair().id() + ".", event))
                .asConstraint(EXPERT_UNAVAILABLE);
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

    // ************************************************************************
    // Soft
    // ************************************************************************

    /** A pair's events are spread over the window: two starting closer than the spread days cost the difference. */
    Constraint eventsBunched(ConstraintFactory factory) {
        return events(factory).join(events(factory), Joiners.lessThan(ExchangeEvent::getId),
                        Joiners.equal(ExchangeEvent::getPair))
                .join(SchedulingParameters.class)
                .filter((a, b, parameters) -> bunchedDays(a, b, parameters) > 0)
                .penalizeLong(HardSoftLongScore.ONE_SOFT, SchedulingConstraintProvider::bunchedDays)
                .justifyWith((a, b, parameters, score) -> justify(bunchedDays(a, b, parameters),
                        a.getPair().id() + ": " + label(a) + " and " + label(b) + " start only "
                                + Math.abs(ChronoUnit.DAYS.between(a.getStart(), b.getStart())) + " days apart.", a, b))
                .asConstraint(EVENTS_BUNCHED);
    }

    static long bunchedDays(ExchangeEvent a, ExchangeEvent b, SchedulingParameters parameters) {
        return Math.max(0, parameters.spreadDays() - Math.abs(ChronoUnit.DAYS.between(a.getStart(), b.getStart())));
    }

    /** The pairs of one partner region hold their regional seminar together: same start date. */
    Constraint regionalSeminarNotShared(ConstraintFactory factory) {
        return events(factory).join(events(factory), Joiners.lessThan(ExchangeEvent::getId),
                        Joiners.equal(ExchangeEvent::getKind),
                        Joiners.equal(event -> event.getPair().region()))
                .filter((a, b) -> a.getKind() == EventKind.REGIONAL_SEMINAR && !a.getStart().equals(b.getStart()))
                .penalize(HardSoftLongScore.ONE_SOFT)
                .justifyWith((a, b, score) -> justify(1, a.getPair().id() + " and " + b.getPair().id()
                        + " are both in " + a.getPair().region() + " but hold their regional seminar on different "
                        + "dates (" + a.getStart() + ", " + b.getStart() + ").", a, b))
                .asConstraint(REGIONAL_SEMINAR_NOT_SHARED);
    }

    /** In-person events take place on weekdays: each weekend day costs. */
    Constraint inPersonOnWeekend(ConstraintFactory factory) {
        return events(factory)
                .filter(event -> event.isInPerson() && event.weekendDays() > 0)
                .penalizeLong(HardSoftLongScore.ONE_SOFT, ExchangeEvent::weekendDays)
                .justifyWith((event, score) -> justify(event.weekendDays(), label(event) + " of "
                        + event.getPair().id() + " has " + event.weekendDays() + " weekend days.", event))
                .asConstraint(IN_PERSON_ON_WEEKEND);
    }

    /** In-person events avoid the host's main holiday season: each day in it costs. */
    Constraint inHolidaySeason(ConstraintFactory factory) {
        return events(factory)
                .filter(event -> event.isInPerson() && event.holidaySeasonDays() > 0)
                .penalizeLong(HardSoftLongScore.ONE_SOFT, ExchangeEvent::holidaySeasonDays)
                .justifyWith((event, score) -> justify(event.holidaySeasonDays(), label(event) + " of "
                        + event.getPair().id() + " falls in " + event.getHostCity().name() + "'s holiday season on "
                        + event.holidaySeasonDays() + " days.", event))
                .asConstraint(IN_HOLIDAY_SEASON);
    }

    /** The action plan is finished early rather than late: each day from the window's start to the workshop costs. */
    Constraint actionPlanLate(ConstraintFactory factory) {
        return events(factory)
                .filter(event -> event.getKind() == EventKind.ACTION_PLAN_WORKSHOP)
                .penalizeLong(HardSoftLongScore.ONE_SOFT, SchedulingConstraintProvider::daysIntoWindow)
                .justifyWith((event, score) -> justify(daysIntoWindow(event), event.getPair().id()
                        + " drafts its action plan " + daysIntoWindow(event) + " days into the cooperation.", event))
                .asConstraint(ACTION_PLAN_LATE);
    }

    static long daysIntoWindow(ExchangeEvent event) {
        return ChronoUnit.DAYS.between(event.getPair().windowStart(), event.getStart());
    }

    /** Experts share the work evenly: Timefold's load-balance unfairness of events per expert, times 100. */
    Constraint expertWorkloadUnbalanced(ConstraintFactory factory) {
        return events(factory)
                .filter(event -> event.getExpert() != null)
                .groupBy(loadBalance(ExchangeEvent::getExpert))
                .filter(balance -> unfairness(balance) > 0)
                .penalizeLong(HardSoftLongScore.ONE_SOFT, SchedulingConstraintProvider::unfairness)
                .justifyWith((balance, score) -> new ScheduleJustification(List.of(), unfairness(balance),
                        "Events per expert: " + balance.loads().entrySet().stream()
                                .map(entry -> entry.getKey().name() + " " + entry.getValue()).sorted().toList() + "."))
                .asConstraint(EXPERT_WORKLOAD_UNBALANCED);
    }

    /** Timefold's load-balance unfairness (over the experts with at least one event), times 100, rounded. */
    static long unfairness(LoadBalance<Expert> balance) {
        return balance.unfairness().multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP).longValue();
    }

    /**
     * An expert's consecutive trips avoid crossing time zones back and forth: two consecutive in-person events of one
     * expert, the second starting at most 21 days after the first ends, in host cities more than 45 degrees of
     * longitude apart (about three hours of time difference), cost 1.
     */
    Constraint expertTimeZoneZigzag(ConstraintFactory factory) {
        return events(factory)
                .filter(event -> event.isInPerson() && event.getExpert() != null)
                .join(events(factory).filter(ExchangeEvent::isInPerson),
                        Joiners.equal(ExchangeEvent::getExpertId),
                        Joiners.lessThan(ExchangeEvent::getStart),
                        Joiners.filtering((first, second) -> ChronoUnit.DAYS.between(first.getEnd(),
                                second.getStart()) <= ZIGZAG_DAYS && longitudeApart(first, second) > ZIGZAG_DEGREES))
                .ifNotExists(events(factory).filter(ExchangeEvent::isInPerson),
                        Joiners.equal((first, second) -> first.getExpertId(), ExchangeEvent::getExpertId),
                        Joiners.filtering((first, second, between) -> between.getStart().isAfter(first.getStart())
                                && between.getStart().isBefore(second.getStart())))
                .penalize(HardSoftLongScore.ONE_SOFT)
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

    /** When re-planning, as few events as possible move from the published schedule: each moved event costs. */
    Constraint movedFromPublished(ConstraintFactory factory) {
        return events(factory)
                .filter(event -> event.getPublishedStart() != null
                        && !event.getPublishedStart().equals(event.getStart()))
                .penalize(HardSoftLongScore.ofSoft(1_000))
                .justifyWith((event, score) -> justify(1, label(event) + " of " + event.getPair().id()
                        + " moves from " + event.getPublishedStart() + " to " + event.getStart() + ".", event))
                .asConstraint(MOVED_FROM_PUBLISHED);
    }

    // ************************************************************************
    // Helpers
    // ************************************************************************

    /**
     * Every event that has a start date. The expert variable may be empty, and {@code forEach} would leave such
     * events out, so events are taken including unassigned ones.
     */
    private static ai.timefold.solver.core.api.score.stream.uni.UniConstraintStream<ExchangeEvent> events(
            ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(ExchangeEvent.class).filter(event -> event.getStart() != null);
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
}
