package eu.iucplanner.scheduling.constraints;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import eu.iucplanner.pairing.domain.ProgrammeRegion;
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

/** One test per constraint: a case that is penalized by an exact amount and one that is not. */
class SchedulingConstraintProviderTest {

    private static final ConstraintVerifier<SchedulingConstraintProvider, ExchangeSchedule> VERIFIER =
            ConstraintVerifier.build(new SchedulingConstraintProvider(), ExchangeSchedule.class, ExchangeEvent.class);

    private static final SchedulingParameters PARAMETERS = new SchedulingParameters(90, 21);

    /** The templates the tests use: per-pair events online and in person, a long visit and a regional seminar. */
    private static final List<ActivityTemplate> TEMPLATES = List.of(
            new ActivityTemplate(EventKind.KICK_OFF, Host.ONLINE, 1, 0, 0, 1, 2, false),
            new ActivityTemplate(EventKind.STUDY_VISIT_TO_EU, Host.EU_CITY, 4, 2, 4, 2, 10, true),
            new ActivityTemplate(EventKind.STUDY_VISIT_TO_PARTNER, Host.PARTNER_CITY, 4, 2, 4, 2, 10, true),
            new ActivityTemplate(EventKind.STAFF_EXCHANGE, Host.EU_CITY, 5, 1, 2, 3, 15, false),
            new ActivityTemplate(EventKind.THEMATIC_TRAINING, Host.ONLINE, 1, 0, 0, 3, 15, true),
            new ActivityTemplate(EventKind.ACTION_PLAN_WORKSHOP, Host.ONLINE, 1, 0, 0, 6, 11, true),
            new ActivityTemplate(EventKind.FINAL_EVENT, Host.PARTNER_CITY, 1, 2, 6, 16, 18, false));
    private static final ActivityTemplate SEMINAR = new ActivityTemplate(EventKind.REGIONAL_SEMINAR, Host.REGION, 2,
            1, 2, 4, 14, true);

    // 2027-01-01 is a Friday; 2027-03-01 a Monday; 2027-05-01 a Saturday; 2027-07-05 a Monday.
    private static final LocalDate WINDOW = LocalDate.of(2027, 1, 1);

    private static final SchedulingCity LYON = SchedulingCity.builder("lyon", "Lyon", "FR", 45.76, 4.84)
            .timeZone("Europe/Paris").holiday(LocalDate.of(2027, 5, 1), "Fête du Travail")
            .blackoutDates(Set.of(LocalDate.of(2027, 3, 15)))
            .softPeriods(List.of(new CalendarPeriod(LocalDate.of(2027, 8, 1), LocalDate.of(2027, 8, 31),
                    "August holiday season")))
            .hostingCapacity(1).build();
    private static final SchedulingCity PORTO = SchedulingCity.builder("porto", "Porto", "PT", 41.15, -8.61)
            .timeZone("Europe/Lisbon").build();
    private static final SchedulingCity BOSTON = SchedulingCity.builder("boston", "Boston", "US", 42.36, -71.06)
            .subdivision("US-MA").timeZone("America/New_York")
            .holiday(LocalDate.of(2027, 7, 5), "Independence Day (observed)")
            .softPeriods(List.of(new CalendarPeriod(LocalDate.of(2027, 7, 30), LocalDate.of(2027, 7, 31),
                    "Summer break")))
            .build();
    private static final SchedulingCity KYOTO = SchedulingCity.builder("kyoto", "Kyoto", "JP", 35.01, 135.77)
            .timeZone("Asia/Tokyo").build();
    /** Kelantan rests on Friday and Saturday. */
    private static final SchedulingCity KOTA_BHARU = SchedulingCity.builder("kota-bharu", "Kota Bharu", "MY", 6.13,
            102.24).subdivision("MY-03").timeZone("Asia/Kuala_Lumpur").build();

    private static final CooperationPair LYON_BOSTON = new CooperationPair("lyon-boston", LYON, BOSTON,
            ProgrammeRegion.NORTH_AMERICA, "en", WINDOW, 18);
    private static final CooperationPair PORTO_BOSTON = new CooperationPair("porto-boston", PORTO, BOSTON,
            ProgrammeRegion.NORTH_AMERICA, "en", WINDOW, 18);
    private static final CooperationPair LYON_KYOTO = new CooperationPair("lyon-kyoto", LYON, KYOTO,
            ProgrammeRegion.ASIA, "en", WINDOW, 18);
    private static final CooperationPair PORTO_KYOTO = new CooperationPair("porto-kyoto", PORTO, KYOTO,
            ProgrammeRegion.ASIA, "ja", WINDOW, 18);
    private static final CooperationPair PORTO_KOTA_BHARU = new CooperationPair("porto-kota-bharu", PORTO,
            KOTA_BHARU, ProgrammeRegion.ASIA, "en", WINDOW, 18);

    /** Lives in Lyon: Boston is one travel day away (about 5,900 km), Kyoto two and long-haul (about 9,800 km). */
    private static final Expert ANNA = new Expert("anna", "Anna", Set.of(ProgrammeRegion.NORTH_AMERICA),
            Set.of("en", "fr"), Set.of(LocalDate.of(2027, 4, 12)), 1, LYON, null, 1);
    private static final Expert BEN = new Expert("ben", "Ben", Set.of(ProgrammeRegion.ASIA), Set.of("ja"), Set.of(),
            3, KYOTO, null, 2);

    // ************************************************************************
    // Hard
    // ************************************************************************

    @Test
    void precedenceBroken() {
        PrecedenceRule rule = new PrecedenceRule(EventKind.ACTION_PLAN_WORKSHOP, EventKind.FINAL_EVENT, 30);
        ExchangeEvent workshop = event(LYON_BOSTON, EventKind.ACTION_PLAN_WORKSHOP, "2027-10-04", ANNA);
        // The workshop ends on 10-04; the final event may start on 11-04 at the earliest.
        VERIFIER.verifyThat(SchedulingConstraintProvider::precedenceBroken)
                .given(rule, workshop, event(LYON_BOSTON, EventKind.FINAL_EVENT, "2027-11-01", null),
                        event(PORTO_BOSTON, EventKind.FINAL_EVENT, "2027-10-01", null))
                .penalizesBy(3);
        VERIFIER.verifyThat(SchedulingConstraintProvider::precedenceBroken)
                .given(rule, workshop, event(LYON_BOSTON, EventKind.FINAL_EVENT, "2027-11-04", null),
                        seminar("2027-10-01", null, KYOTO, LYON_KYOTO))
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
                // Lyon hosts on its own holiday (05-01) and blackout date (03-15).
                .given(event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-04-29", ANNA),
                        event(LYON_BOSTON, EventKind.STAFF_EXCHANGE, "2027-03-12", null),
                        // Boston hosts on its holiday; Boston's delegation travels to Porto on it.
                        event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_PARTNER, "2027-07-05", ANNA),
                        event(PORTO_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-07-05", ANNA),
                        // Lyon's delegation travels to the seminar in Kyoto on its holiday.
                        seminar("2027-04-30", null, KYOTO, LYON_KYOTO, PORTO_KYOTO),
                        event(LYON_BOSTON, EventKind.KICK_OFF, "2027-05-01", null))
                .penalizesBy(5);
        VERIFIER.verifyThat(SchedulingConstraintProvider::inPersonOnClosedDay)
                .given(event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-05-03", ANNA),
                        event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_PARTNER, "2027-04-26", ANNA),
                        seminar("2027-05-03", null, KYOTO, LYON_KYOTO, PORTO_KYOTO))
                .penalizesBy(0);
    }

    @Test
    void inPersonOnWeekend() {
        VERIFIER.verifyThat(SchedulingConstraintProvider::inPersonOnWeekend)
                // Friday to Monday in Lyon: Saturday and Sunday.
                .given(event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-05", ANNA),
                        // Thursday to Sunday in Kota Bharu, whose weekend is Friday and Saturday.
                        event(PORTO_KOTA_BHARU, EventKind.STUDY_VISIT_TO_PARTNER, "2027-03-04", null),
                        // Eight days from a Saturday span one weekend and one day of the next.
                        custom(LYON_KYOTO, new ActivityTemplate(EventKind.STAFF_EXCHANGE, Host.EU_CITY, 8, 1, 2, 3,
                                15, false), "2027-03-06"),
                        event(LYON_BOSTON, EventKind.KICK_OFF, "2027-01-02", null))
                .penalizesBy(5);
        VERIFIER.verifyThat(SchedulingConstraintProvider::inPersonOnWeekend)
                .given(event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-01", ANNA),
                        // Sunday to Wednesday is a working week in Kota Bharu.
                        event(PORTO_KOTA_BHARU, EventKind.STUDY_VISIT_TO_PARTNER, "2027-03-07", null),
                        // Seven days, Monday to Sunday, may span one weekend.
                        custom(LYON_KYOTO, new ActivityTemplate(EventKind.STAFF_EXCHANGE, Host.EU_CITY, 7, 1, 2, 3,
                                15, false), "2027-03-01"))
                .penalizesBy(0);
    }

    @Test
    void onlineOnDayOff() {
        VERIFIER.verifyThat(SchedulingConstraintProvider::onlineOnDayOff)
                // A Saturday that is also Lyon's holiday: off in both cities; then Boston's observed holiday.
                .given(event(LYON_BOSTON, EventKind.KICK_OFF, "2027-05-01", null),
                        event(PORTO_BOSTON, EventKind.KICK_OFF, "2027-07-05", null),
                        event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-05-01", ANNA))
                .penalizesBy(3);
        VERIFIER.verifyThat(SchedulingConstraintProvider::onlineOnDayOff)
                .given(event(LYON_BOSTON, EventKind.KICK_OFF, "2027-03-02", null),
                        event(LYON_BOSTON, EventKind.THEMATIC_TRAINING, "2027-07-06", ANNA))
                .penalizesBy(0);
    }

    @Test
    void delegationDoubleBooked() {
        ExchangeEvent lyonVisit = event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-01", ANNA);
        VERIFIER.verifyThat(SchedulingConstraintProvider::delegationDoubleBooked)
                // Boston's delegation travels to Lyon (03-01..03-04) and to Porto (03-03..03-06): 2 days.
                .given(lyonVisit, event(PORTO_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-03", ANNA),
                        // Lyon (03-04) and Porto (03-04, 03-05) are also at the seminar in Kyoto: 3 days.
                        seminar("2027-03-04", null, KYOTO, LYON_KYOTO, PORTO_KYOTO))
                .penalizesBy(5);
        VERIFIER.verifyThat(SchedulingConstraintProvider::delegationDoubleBooked)
                .given(lyonVisit, event(PORTO_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-05", ANNA),
                        event(PORTO_KYOTO, EventKind.STUDY_VISIT_TO_EU, "2027-03-09", BEN),
                        seminar("2027-03-15", null, KYOTO, LYON_KYOTO),
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
        // Porto hosts two at a time; a shared event in Lyon has its own venue.
        VERIFIER.verifyThat(SchedulingConstraintProvider::hostingCapacityExceeded)
                .given(event(PORTO_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-01", ANNA),
                        event(PORTO_KYOTO, EventKind.STAFF_EXCHANGE, "2027-03-03", null),
                        event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-10", ANNA),
                        seminar("2027-03-11", null, LYON, LYON_KYOTO, PORTO_KYOTO))
                .penalizesBy(0);
    }

    @Test
    void travelDaysMissing() {
        // Lyon's delegation is in Boston 06-07..06-10 and hosts Kyoto's staff from 06-11: no day to fly home (1).
        ExchangeEvent toBoston = event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_PARTNER, "2027-06-07", ANNA);
        VERIFIER.verifyThat(SchedulingConstraintProvider::travelDaysMissing)
                .given(toBoston, event(LYON_KYOTO, EventKind.STAFF_EXCHANGE, "2027-06-11", null),
                        // Lyon (host) and Kyoto (visitors) then fly to the seminar in Kyoto with one free day of two.
                        seminar("2027-06-17", null, KYOTO, LYON_KYOTO, PORTO_KYOTO),
                        event(LYON_KYOTO, EventKind.KICK_OFF, "2027-06-11", null))
                .penalizesBy(3);
        // A final event in Boston just after needs no travel (the delegation stays there); then free days suffice.
        VERIFIER.verifyThat(SchedulingConstraintProvider::travelDaysMissing)
                .given(toBoston, event(LYON_BOSTON, EventKind.FINAL_EVENT, "2027-06-11", null),
                        event(LYON_KYOTO, EventKind.STAFF_EXCHANGE, "2027-06-13", null),
                        seminar("2027-06-20", null, KYOTO, LYON_KYOTO))
                .penalizesBy(0);
    }

    @Test
    void expertMissing() {
        VERIFIER.verifyThat(SchedulingConstraintProvider::expertMissing)
                .given(event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-01", null),
                        seminar("2027-06-01", null, KYOTO, LYON_KYOTO),
                        event(LYON_BOSTON, EventKind.KICK_OFF, "2027-01-04", null))
                .penalizesBy(2);
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
        // Ben covers Asia in Japanese only; the seminar of the two Asian pairs is in English (one pair each).
        VERIFIER.verifyThat(SchedulingConstraintProvider::expertNotQualified)
                .given(event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-01", BEN),
                        event(LYON_KYOTO, EventKind.STUDY_VISIT_TO_EU, "2027-03-01", BEN),
                        seminar("2027-06-01", BEN, KYOTO, LYON_KYOTO, PORTO_KYOTO))
                .penalizesBy(3);
        VERIFIER.verifyThat(SchedulingConstraintProvider::expertNotQualified)
                .given(event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-01", ANNA),
                        event(PORTO_KYOTO, EventKind.STUDY_VISIT_TO_EU, "2027-03-01", BEN),
                        seminar("2027-06-01", BEN, KYOTO, PORTO_KYOTO))
                .penalizesBy(0);
    }

    @Test
    void expertDoubleBooked() {
        ExchangeEvent first = event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-01", ANNA);
        VERIFIER.verifyThat(SchedulingConstraintProvider::expertDoubleBooked)
                .given(first, event(PORTO_BOSTON, EventKind.STUDY_VISIT_TO_PARTNER, "2027-03-03", ANNA),
                        event(PORTO_BOSTON, EventKind.THEMATIC_TRAINING, "2027-03-05", ANNA))
                .penalizesBy(3);
        VERIFIER.verifyThat(SchedulingConstraintProvider::expertDoubleBooked)
                .given(first, event(PORTO_KYOTO, EventKind.STUDY_VISIT_TO_PARTNER, "2027-03-03", BEN),
                        event(LYON_BOSTON, EventKind.KICK_OFF, "2027-03-01", null),
                        event(PORTO_BOSTON, EventKind.STAFF_EXCHANGE, "2027-03-02", null))
                .penalizesBy(0);
    }

    @Test
    void expertUnavailable() {
        // Anna is on leave on 04-12: an online training that day, and the travel day before a visit to Boston.
        VERIFIER.verifyThat(SchedulingConstraintProvider::expertUnavailable)
                .given(event(LYON_BOSTON, EventKind.THEMATIC_TRAINING, "2027-04-12", ANNA),
                        event(PORTO_BOSTON, EventKind.STUDY_VISIT_TO_PARTNER, "2027-04-13", ANNA))
                .penalizesBy(2);
        VERIFIER.verifyThat(SchedulingConstraintProvider::expertUnavailable)
                .given(event(LYON_BOSTON, EventKind.THEMATIC_TRAINING, "2027-04-13", ANNA),
                        event(PORTO_BOSTON, EventKind.STUDY_VISIT_TO_PARTNER, "2027-04-14", ANNA),
                        // In Lyon, her home, she needs no travel day.
                        event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-04-13", ANNA))
                .penalizesBy(0);
    }

    @Test
    void expertTravelDaysMissing() {
        // Anna: Lyon (ends 03-04), then Boston from 03-05 (needs 1 day).
        // Ben: Kyoto (ends 03-04), then Porto from 03-06 (needs 2).
        VERIFIER.verifyThat(SchedulingConstraintProvider::expertTravelDaysMissing)
                .given(event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-01", ANNA),
                        event(PORTO_BOSTON, EventKind.STUDY_VISIT_TO_PARTNER, "2027-03-05", ANNA),
                        event(LYON_KYOTO, EventKind.STUDY_VISIT_TO_PARTNER, "2027-03-01", BEN),
                        event(PORTO_KYOTO, EventKind.STUDY_VISIT_TO_EU, "2027-03-06", BEN))
                .penalizesBy(2);
        // A free day is enough for Boston; staying in Kyoto needs none; an online event needs no travel.
        VERIFIER.verifyThat(SchedulingConstraintProvider::expertTravelDaysMissing)
                .given(event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-01", ANNA),
                        event(PORTO_BOSTON, EventKind.STUDY_VISIT_TO_PARTNER, "2027-03-06", ANNA),
                        event(LYON_BOSTON, EventKind.THEMATIC_TRAINING, "2027-03-05", ANNA),
                        event(LYON_KYOTO, EventKind.STUDY_VISIT_TO_PARTNER, "2027-03-01", BEN),
                        event(PORTO_KYOTO, EventKind.STUDY_VISIT_TO_PARTNER, "2027-03-05", BEN))
                .penalizesBy(0);
    }

    @Test
    void expertMonthlyMaximum() {
        VERIFIER.verifyThat(SchedulingConstraintProvider::expertMonthlyMaximum)
                .given(event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-01", ANNA),
                        event(PORTO_BOSTON, EventKind.THEMATIC_TRAINING, "2027-03-20", ANNA),
                        event(PORTO_BOSTON, EventKind.STUDY_VISIT_TO_PARTNER, "2027-03-25", ANNA))
                .penalizesBy(2);
        VERIFIER.verifyThat(SchedulingConstraintProvider::expertMonthlyMaximum)
                .given(event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-01", ANNA),
                        event(PORTO_BOSTON, EventKind.THEMATIC_TRAINING, "2027-04-20", ANNA),
                        event(PORTO_KYOTO, EventKind.THEMATIC_TRAINING, "2027-03-20", BEN))
                .penalizesBy(0);
    }

    @Test
    void expertLongHaulMaximum() {
        // Anna (home Lyon, one long-haul trip a month): two trips to Kyoto in March; Boston is not long-haul from Lyon.
        VERIFIER.verifyThat(SchedulingConstraintProvider::expertLongHaulMaximum)
                .given(event(LYON_KYOTO, EventKind.STUDY_VISIT_TO_PARTNER, "2027-03-01", ANNA),
                        seminar("2027-03-22", ANNA, KYOTO, PORTO_KYOTO),
                        event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_PARTNER, "2027-03-10", ANNA))
                .penalizesBy(1);
        VERIFIER.verifyThat(SchedulingConstraintProvider::expertLongHaulMaximum)
                .given(event(LYON_KYOTO, EventKind.STUDY_VISIT_TO_PARTNER, "2027-03-01", ANNA),
                        seminar("2027-04-05", ANNA, KYOTO, PORTO_KYOTO),
                        event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_PARTNER, "2027-03-10", ANNA),
                        event(PORTO_BOSTON, EventKind.STUDY_VISIT_TO_PARTNER, "2027-03-20", ANNA),
                        event(LYON_KYOTO, EventKind.THEMATIC_TRAINING, "2027-03-25", ANNA))
                .penalizesBy(0);
    }

    // ************************************************************************
    // Medium
    // ************************************************************************

    @Test
    void movedInAffectedPair() {
        ExchangeEvent moved = published(event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-08", ANNA),
                "2027-03-01", "anna", true);
        ExchangeEvent elsewhere = published(event(PORTO_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-10", ANNA),
                "2027-03-01", "anna", false);
        VERIFIER.verifyThat(SchedulingConstraintProvider::movedInAffectedPair)
                .given(moved, elsewhere)
                .penalizesBy(7);
        VERIFIER.verifyThat(SchedulingConstraintProvider::movedInAffectedPair)
                .given(published(event(LYON_BOSTON, EventKind.KICK_OFF, "2027-01-04", null), "2027-01-04", null,
                        true), elsewhere, event(LYON_KYOTO, EventKind.KICK_OFF, "2027-01-05", null))
                .penalizesBy(0);
    }

    @Test
    void movedInUntouchedPair() {
        ExchangeEvent moved = published(event(PORTO_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-03", ANNA),
                "2027-03-01", "anna", false);
        ExchangeEvent touched = published(event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-08", ANNA),
                "2027-03-01", "anna", true);
        VERIFIER.verifyThat(SchedulingConstraintProvider::movedInUntouchedPair)
                .given(moved, touched)
                .penalizesBy(2);
        VERIFIER.verifyThat(SchedulingConstraintProvider::movedInUntouchedPair)
                .given(touched, published(event(PORTO_BOSTON, EventKind.KICK_OFF, "2027-01-04", null), "2027-01-04",
                        null, false))
                .penalizesBy(0);
    }

    @Test
    void expertReassigned() {
        VERIFIER.verifyThat(SchedulingConstraintProvider::expertReassigned)
                .given(published(event(PORTO_KYOTO, EventKind.STUDY_VISIT_TO_EU, "2027-03-01", BEN), "2027-03-01",
                        "anna", false),
                        published(event(LYON_BOSTON, EventKind.KICK_OFF, "2027-01-04", null), "2027-01-04", null,
                                false))
                .penalizesBy(1);
        VERIFIER.verifyThat(SchedulingConstraintProvider::expertReassigned)
                .given(published(event(PORTO_KYOTO, EventKind.STUDY_VISIT_TO_EU, "2027-03-08", BEN), "2027-03-01",
                        "ben", true), event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-03-01", ANNA))
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
                        event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-02-01", ANNA),
                        seminar("2027-01-05", null, KYOTO, LYON_KYOTO))
                .penalizesBy(0);
    }

    @Test
    void inSoftPeriod() {
        // Lyon's August season (08-01) and Boston's summer break (07-30, 07-31) in a visit to Lyon.
        VERIFIER.verifyThat(SchedulingConstraintProvider::inSoftPeriod)
                .given(event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-07-29", ANNA),
                        event(LYON_BOSTON, EventKind.KICK_OFF, "2027-08-02", null))
                .penalizesBy(3);
        VERIFIER.verifyThat(SchedulingConstraintProvider::inSoftPeriod)
                .given(event(LYON_BOSTON, EventKind.STUDY_VISIT_TO_EU, "2027-07-26", ANNA),
                        event(PORTO_KYOTO, EventKind.STUDY_VISIT_TO_EU, "2027-08-02", null))
                .penalizesBy(0);
    }

    @Test
    void actionPlanLate() {
        // The workshop may start on 06-01 at the earliest; on 07-20 it is 49 days, 7 weeks, later.
        VERIFIER.verifyThat(SchedulingConstraintProvider::actionPlanLate)
                .given(event(LYON_BOSTON, EventKind.ACTION_PLAN_WORKSHOP, "2027-07-20", ANNA),
                        event(LYON_BOSTON, EventKind.FINAL_EVENT, "2028-06-01", null))
                .penalizesBy(7);
        VERIFIER.verifyThat(SchedulingConstraintProvider::actionPlanLate)
                .given(event(LYON_BOSTON, EventKind.ACTION_PLAN_WORKSHOP, "2027-06-03", ANNA),
                        event(LYON_BOSTON, EventKind.FINAL_EVENT, "2028-06-01", null))
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
        // Anna: Lyon (4.8 E) from 03-01 to 03-04, then Boston (71.1 W) from 03-15: 76 degrees, 11 days later.
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

    // ************************************************************************
    // Fixtures
    // ************************************************************************

    private static ExchangeEvent event(CooperationPair pair, EventKind kind, String start, Expert expert) {
        ActivityTemplate template = TEMPLATES.stream().filter(t -> t.kind() == kind).findFirst().orElseThrow();
        return new ExchangeEvent(pair, template, LocalDate.parse(start), expert);
    }

    private static ExchangeEvent custom(CooperationPair pair, ActivityTemplate template, String start) {
        return new ExchangeEvent(pair, template, LocalDate.parse(start), null);
    }

    private static ExchangeEvent seminar(String start, Expert expert, SchedulingCity host,
            CooperationPair... pairs) {
        List<CooperationPair> attending = List.of(pairs);
        ExchangeEvent event = ExchangeEvent.shared("region-" + host.id(), SEMINAR, host, attending,
                attending.get(0).region(), attending.stream().allMatch(pair -> pair.language().equals("ja")) ? "ja"
                        : "en", WINDOW);
        event.setStart(LocalDate.parse(start));
        event.setExpert(expert);
        return event;
    }

    private static ExchangeEvent published(ExchangeEvent event, String start, String expertId, boolean affected) {
        event.setPublishedStart(LocalDate.parse(start));
        event.setPublishedExpertId(expertId);
        event.setAffected(affected);
        return event;
    }
}
