package eu.iucplanner.scheduling.constraints;

import java.time.LocalDate;
import java.time.Month;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import eu.iucplanner.pairing.domain.ProgrammeRegion;
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

/** One test per constraint: a case that is penalized by an exact amount and one that is not. */
class SchedulingConstraintProviderTest {

    private static final ConstraintVerifier<SchedulingConstraintProvider, ExchangeSchedule> VERIFIER =
            ConstraintVerifier.build(new SchedulingConstraintProvider(), ExchangeSchedule.class, ExchangeEvent.class);

    private static final ActivityPlan PLAN = ActivityPlan.defaults(18);
    private static final SchedulingParameters PARAMETERS = new SchedulingParameters(90, 21);

    // 2027-01-01 is a Friday; 2027-03-01 a Monday; 2027-05-01 a Saturday.
    private static final LocalDate WINDOW = LocalDate.of(2027, 1, 1);

    private static final SchedulingCity LYON = city("lyon", "Lyon", "FR", 45.76, 4.84, 1,
            Map.of(LocalDate.of(2027, 5, 1), "Fête du Travail"), Set.of(LocalDate.of(2027, 3, 15)),
            Set.of(Month.AUGUST));
    private static final SchedulingCity PORTO = city("porto", "Porto", "PT", 41.15, -8.61, 2, Map.of(), Set.of(),
            Set.of(Month.AUGUST));
    private static final SchedulingCity BOSTON = city("boston", "Boston", "US", 42.36, -71.06, 2, Map.of(),
            Set.of(), Set.of());
    private static final SchedulingCity KYOTO = city("kyoto", "Kyoto", "JP", 35.01, 135.77, 2, Map.of(), Set.of(),
            Set.of());

    private static final CooperationPair LYON_BOSTON = new CooperationPair("lyon-boston", LYON, BOSTON,
            ProgrammeRegion.NORTH_AMERICA, "en", WINDOW, 18);
    private static final CooperationPair PORTO_BOSTON = new CooperationPair("porto-boston", PORTO, BOSTON,
            ProgrammeRegion.NORTH_AMERICA, "en", WINDOW, 18);
    private static final CooperationPair LYON_KYOTO = new CooperationPair("lyon-kyoto", LYON, KYOTO,
            ProgrammeRegion.ASIA, "en", WINDOW, 18);
    private static final CooperationPair PORTO_KYOTO = new CooperationPair("porto-kyoto", PORTO, KYOTO,
            ProgrammeRegion.ASIA, "ja", WINDOW, 18);

    private static final Expert ANNA = new Expert("anna", "Anna", Set.of(ProgrammeRegion.NORTH_AMERICA),
            Set.of("en", "fr"), Set.of(LocalDate.of(2027, 4, 12)), 1);
    private static final Expert BEN = new Expert("ben", "Ben", Set.of(ProgrammeRegion.ASIA), Set.of("ja"), Set.of(),
            3);

    // ************************************************************************
    // Hard
    // ************************************************************************

    @Test
    void precedenceBroken() {
        PrecedenceRule rule = new PrecedenceRule(EventKind.ACTION_PLAN_WORKSHOP, EventKind.FINAL_EVENT, 30);
        ExchangeEvent workshop = event(LYON_BOSTON, EventKind.ACTION_PLAN_WORKSHOP, "2027-10-04", ANNA);
        // The workshop ends on 10-05; the final event may start on 11-05 at the earliest.
        VERIFIER.verifyThat(SchedulingConstraintProvider::precedenceBroken)
                .given(rule, workshop, event(LYON_BOSTON, EventKind.FINAL_EVENT, "2027-11-01", null),
                        event(PORTO_BOSTON, EventKind.FINAL_EVENT, "2027-10-01", null))
                .penalizesBy(4);
        VERIFIER.verifyThat(SchedulingConstraintProvider::precedenceBroken)
                .given(rule, workshop, event(LYON_BOSTON, EventKind.FINAL_EVENT, "2027-11-05", null))
                .penalizesBy(0);
    }

    @Test
    void studyVisitsTooClose() {
        ExchangeEvent toEu = event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-01", ANNA);
        VERIFIER.verifyThat(SchedulingConstraintProvider::studyVisitsTooClose)
                .given(PARAMETERS, toEu, event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_PARTNER, "2027-04-30", ANNA))
                .penalizesBy(30);
        VERIFIER.verifyThat(SchedulingConstraintProvider::studyVisitsTooClose)
                .given(PARAMETERS, toEu, event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_PARTNER, "2027-06-01", ANNA),
                        event(PORTO_BOSTON, EventKind.STUDY_VISIT_TO_PARTNER, "2027-03-02", ANNA))
                .penalizesBy(0);
    }

    @Test
    void inPersonOnClosedDay() {
        VERIFIER.verifyThat(SchedulingConstraintProvider::inPersonOnClosedDay)
                .given(event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-04-29", ANNA),
                        event(LYON_BOSTON, EventKind.STAFF_EXCHANGE, "2027-03-12", null),
                        event(LYON_BOSTON, EventKind.KICK_OFF, "2027-05-01", null))
                .penalizesBy(2);
        VERIFIER.verifyThat(SchedulingConstraintProvider::inPersonOnClosedDay)
                .given(event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-05-03", ANNA),
                        event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_PARTNER, "2027-04-29", ANNA))
                .penalizesBy(0);
    }

    @Test
    void delegationDoubleBooked() {
        ExchangeEvent lyonVisit = event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-01", ANNA);
        // Boston's delegation travels to Lyon (03-01..03-04) and to Porto (03-03..03-06).
        VERIFIER.verifyThat(SchedulingConstraintProvider::delegationDoubleBooked)
                .given(lyonVisit, event(PORTO_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-03", ANNA))
                .penalizesBy(2);
        VERIFIER.verifyThat(SchedulingConstraintProvider::delegationDoubleBooked)
                .given(lyonVisit, event(PORTO_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-05", ANNA),
                        event(PORTO_KYOTO, EventKind.STUDY_VISIT_TO_EU, "2027-03-01", BEN),
                        event(LYON_KYOTO, EventKind.KICK_OFF, "2027-03-01", null))
                .penalizesBy(0);
    }

    @Test
    void hostingCapacityExceeded() {
        // Lyon hosts one delegation at a time: Boston's (03-01..03-04) and Kyoto's (03-03..03-07) overlap on 2 days.
        VERIFIER.verifyThat(SchedulingConstraintProvider::hostingCapacityExceeded)
                .given(event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-01", ANNA),
                        event(LYON_KYOTO, EventKind.STAFF_EXCHANGE, "2027-03-03", null))
                .penalizesBy(2);
        // Porto hosts two at a time.
        VERIFIER.verifyThat(SchedulingConstraintProvider::hostingCapacityExceeded)
                .given(event(PORTO_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-01", ANNA),
                        event(PORTO_KYOTO, EventKind.STAFF_EXCHANGE, "2027-03-03", null),
                        event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-10", ANNA),
                        event(LYON_KYOTO, EventKind.STAFF_EXCHANGE, "2027-03-14", null))
                .penalizesBy(0);
    }

    @Test
    void travelDaysMissing() {
        // Lyon-Boston is about 5,900 km: one travel day on each side of Lyon's visit to Boston (06-07..06-10).
        ExchangeEvent toBoston = event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_PARTNER, "2027-06-07", ANNA);
        // Lyon hosts Kyoto's staff the next day: Lyon's delegation has no day to fly home.
        VERIFIER.verifyThat(SchedulingConstraintProvider::travelDaysMissing)
                .given(toBoston, event(LYON_KYOTO, EventKind.STAFF_EXCHANGE, "2027-06-11", null),
                        event(LYON_KYOTO, EventKind.KICK_OFF, "2027-06-11", null))
                .penalizesBy(1);
        // With a free day it is fine, and so is a training in Boston just before (the delegation stays there).
        VERIFIER.verifyThat(SchedulingConstraintProvider::travelDaysMissing)
                .given(toBoston, event(LYON_KYOTO, EventKind.STAFF_EXCHANGE, "2027-06-12", null),
                        event(LYON_BOSTON, EventKind.THEMATIC_TRAINING, "2027-06-05", ANNA))
                .penalizesBy(0);
    }

    @Test
    void expertMissing() {
        VERIFIER.verifyThat(SchedulingConstraintProvider::expertMissing)
                .given(event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-01", null),
                        event(LYON_BOSTON, EventKind.KICK_OFF, "2027-01-04", null))
                .penalizesBy(1);
        VERIFIER.verifyThat(SchedulingConstraintProvider::expertMissing)
                .given(event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-01", ANNA))
                .penalizesBy(0);
    }

    @Test
    void expertNotNeeded() {
        VERIFIER.verifyThat(SchedulingConstraintProvider::expertNotNeeded)
                .given(event(LYON_BOSTON, EventKind.KICK_OFF, "2027-01-04", ANNA))
                .penalizesBy(1);
        VERIFIER.verifyThat(SchedulingConstraintProvider::expertNotNeeded)
                .given(event(LYON_BOSTON, EventKind.KICK_OFF, "2027-01-04", null),
                        event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-01", ANNA))
                .penalizesBy(0);
    }

    @Test
    void expertNotQualified() {
        VERIFIER.verifyThat(SchedulingConstraintProvider::expertNotQualified)
                .given(event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-01", BEN),
                        event(LYON_KYOTO, EventKind.STUDY_VISIT_TO_EU, "2027-03-01", BEN))
                .penalizesBy(2);
        VERIFIER.verifyThat(SchedulingConstraintProvider::expertNotQualified)
                .given(event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-01", ANNA),
                        event(PORTO_KYOTO, EventKind.STUDY_VISIT_TO_EU, "2027-03-01", BEN))
                .penalizesBy(0);
    }

    @Test
    void expertDoubleBooked() {
        ExchangeEvent first = event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-01", ANNA);
        VERIFIER.verifyThat(SchedulingConstraintProvider::expertDoubleBooked)
                .given(first, event(PORTO_BOSTON, EventKind.STUDY_VISIT_TO_PARTNER, "2027-03-03", ANNA))
                .penalizesBy(2);
        VERIFIER.verifyThat(SchedulingConstraintProvider::expertDoubleBooked)
                .given(first, event(PORTO_KYOTO, EventKind.STUDY_VISIT_TO_PARTNER, "2027-03-03", BEN),
                        event(LYON_BOSTON, EventKind.KICK_OFF, "2027-03-01", null),
                        event(PORTO_BOSTON, EventKind.STAFF_EXCHANGE, "2027-03-02", null))
                .penalizesBy(0);
    }

    @Test
    void expertUnavailable() {
        VERIFIER.verifyThat(SchedulingConstraintProvider::expertUnavailable)
                .given(event(LYON_BOSTON, EventKind.THEMATIC_TRAINING, "2027-04-11", ANNA))
                .penalizesBy(1);
        VERIFIER.verifyThat(SchedulingConstraintProvider::expertUnavailable)
                .given(event(LYON_BOSTON, EventKind.THEMATIC_TRAINING, "2027-04-13", ANNA))
                .penalizesBy(0);
    }

    @Test
    void expertMonthlyMaximum() {
        VERIFIER.verifyThat(SchedulingConstraintProvider::expertMonthlyMaximum)
                .given(event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-01", ANNA),
                        event(PORTO_BOSTON, EventKind.THEMATIC_TRAINING, "2027-03-20", ANNA),
                        event(PORTO_BOSTON, EventKind.REGIONAL_SEMINAR, "2027-03-25", ANNA))
                .penalizesBy(2);
        VERIFIER.verifyThat(SchedulingConstraintProvider::expertMonthlyMaximum)
                .given(event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-01", ANNA),
                        event(PORTO_BOSTON, EventKind.THEMATIC_TRAINING, "2027-04-20", ANNA),
                        event(PORTO_KYOTO, EventKind.THEMATIC_TRAINING, "2027-03-20", BEN))
                .penalizesBy(0);
    }

    // ************************************************************************
    // Soft
    // ************************************************************************

    @Test
    void eventsBunched() {
        VERIFIER.verifyThat(SchedulingConstraintProvider::eventsBunched)
                .given(PARAMETERS, event(LYON_BOSTON, EventKind.KICK_OFF, "2027-01-04", null),
                        event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-01-20", ANNA),
                        event(PORTO_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-01-05", ANNA))
                .penalizesBy(5);
        VERIFIER.verifyThat(SchedulingConstraintProvider::eventsBunched)
                .given(PARAMETERS, event(LYON_BOSTON, EventKind.KICK_OFF, "2027-01-04", null),
                        event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-02-01", ANNA))
                .penalizesBy(0);
    }

    @Test
    void regionalSeminarNotShared() {
        VERIFIER.verifyThat(SchedulingConstraintProvider::regionalSeminarNotShared)
                .given(event(LYON_BOSTON, EventKind.REGIONAL_SEMINAR, "2027-06-01", ANNA),
                        event(PORTO_BOSTON, EventKind.REGIONAL_SEMINAR, "2027-06-08", ANNA),
                        event(LYON_KYOTO, EventKind.REGIONAL_SEMINAR, "2027-07-01", BEN))
                .penalizesBy(1);
        VERIFIER.verifyThat(SchedulingConstraintProvider::regionalSeminarNotShared)
                .given(event(LYON_BOSTON, EventKind.REGIONAL_SEMINAR, "2027-06-01", ANNA),
                        event(PORTO_BOSTON, EventKind.REGIONAL_SEMINAR, "2027-06-01", ANNA),
                        event(LYON_BOSTON, EventKind.THEMATIC_TRAINING, "2027-06-09", ANNA))
                .penalizesBy(0);
    }

    @Test
    void inPersonOnWeekend() {
        VERIFIER.verifyThat(SchedulingConstraintProvider::inPersonOnWeekend)
                .given(event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-05", ANNA),
                        event(LYON_BOSTON, EventKind.KICK_OFF, "2027-01-02", null))
                .penalizesBy(2);
        VERIFIER.verifyThat(SchedulingConstraintProvider::inPersonOnWeekend)
                .given(event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-01", ANNA))
                .penalizesBy(0);
    }

    @Test
    void inHolidaySeason() {
        VERIFIER.verifyThat(SchedulingConstraintProvider::inHolidaySeason)
                .given(event(LYON_BOSTON, EventKind.STAFF_EXCHANGE, "2027-07-29", null),
                        event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_PARTNER, "2027-08-02", ANNA))
                .penalizesBy(2);
        VERIFIER.verifyThat(SchedulingConstraintProvider::inHolidaySeason)
                .given(event(LYON_BOSTON, EventKind.STAFF_EXCHANGE, "2027-07-26", null))
                .penalizesBy(0);
    }

    @Test
    void actionPlanLate() {
        VERIFIER.verifyThat(SchedulingConstraintProvider::actionPlanLate)
                .given(event(LYON_BOSTON, EventKind.ACTION_PLAN_WORKSHOP, "2027-07-20", ANNA),
                        event(LYON_BOSTON, EventKind.FINAL_EVENT, "2028-06-01", null))
                .penalizesBy(200);
        VERIFIER.verifyThat(SchedulingConstraintProvider::actionPlanLate)
                .given(event(LYON_BOSTON, EventKind.FINAL_EVENT, "2028-06-01", null))
                .penalizesBy(0);
    }

    @Test
    void expertWorkloadUnbalanced() {
        // Loads 3 and 1 around a mean of 2: unfairness sqrt(1 + 1) = 1.414..., times 100.
        VERIFIER.verifyThat(SchedulingConstraintProvider::expertWorkloadUnbalanced)
                .given(event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-01", ANNA),
                        event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_PARTNER, "2027-06-01", ANNA),
                        event(PORTO_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-10", ANNA),
                        event(PORTO_KYOTO, EventKind.STUDY_VISIT_TO_EU, "2027-03-01", BEN))
                .penalizesBy(141);
        VERIFIER.verifyThat(SchedulingConstraintProvider::expertWorkloadUnbalanced)
                .given(event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-01", ANNA),
                        event(PORTO_KYOTO, EventKind.STUDY_VISIT_TO_EU, "2027-03-01", BEN),
                        event(LYON_BOSTON, EventKind.KICK_OFF, "2027-01-04", null))
                .penalizesBy(0);
    }

    @Test
    void expertTimeZoneZigzag() {
        // Anna: Lyon (4.8 E) from 03-01 to 03-04, then Boston (71.1 W) from 03-15: 76 degrees, 10 days later.
        ExchangeEvent lyon = event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-01", ANNA);
        VERIFIER.verifyThat(SchedulingConstraintProvider::expertTimeZoneZigzag)
                .given(lyon, event(PORTO_BOSTON, EventKind.STUDY_VISIT_TO_PARTNER, "2027-03-15", ANNA),
                        event(LYON_KYOTO, EventKind.STUDY_VISIT_TO_PARTNER, "2027-03-15", BEN))
                .penalizesBy(1);
        // Six weeks later is fine; so is a next trip nearby (Porto), which also makes Boston no longer consecutive.
        VERIFIER.verifyThat(SchedulingConstraintProvider::expertTimeZoneZigzag)
                .given(lyon, event(PORTO_BOSTON, EventKind.STUDY_VISIT_TO_PARTNER, "2027-04-20", ANNA),
                        event(PORTO_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-08", ANNA))
                .penalizesBy(0);
    }

    @Test
    void movedFromPublished() {
        ExchangeEvent moved = event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-08", ANNA);
        moved.setPublishedStart(LocalDate.of(2027, 3, 1));
        ExchangeEvent kept = event(LYON_BOSTON, EventKind.KICK_OFF, "2027-01-04", null);
        kept.setPublishedStart(LocalDate.of(2027, 1, 4));
        VERIFIER.verifyThat(SchedulingConstraintProvider::movedFromPublished)
                .given(moved, kept, event(PORTO_BOSTON, EventKind.KICK_OFF, "2027-01-05", null))
                .penalizesBy(1);
        VERIFIER.verifyThat(SchedulingConstraintProvider::movedFromPublished)
                .given(kept)
                .penalizesBy(0);
    }

    // ************************************************************************
    // Fixtures
    // ************************************************************************

    private static SchedulingCity city(String id, String name, String country, double latitude, double longitude,
            int capacity, Map<LocalDate, String> holidays, Set<LocalDate> blackouts, Set<Month> season) {
        return new SchedulingCity(id, name, country, latitude, longitude, holidays, blackouts, season, capacity);
    }

    private static ExchangeEvent event(CooperationPair pair, EventKind kind, String start, Expert expert) {
        ActivityTemplate template = PLAN.templates().stream().filter(t -> t.kind() == kind).findFirst()
                .orElseThrow();
        return new ExchangeEvent(pair, template, LocalDate.parse(start), expert);
    }
}
