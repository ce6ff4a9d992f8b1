package eu.iucplanner.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import eu.iucplanner.pairing.domain.ProgrammeRegion;
import eu.iucplanner.reference.HolidayCalendar;
import eu.iucplanner.scheduling.domain.ExchangeEvent;
import eu.iucplanner.scheduling.domain.ExchangeSchedule;
import eu.iucplanner.scheduling.solver.SchedulingSolverConfigs;

class SchedulingDemosTest {

    @Test
    void defaultDemoHasTwentyPairsOverAllPartnerRegionsAndThreeExperts() {
        ExchangeSchedule demo = SchedulingDemos.generate();
        assertThat(demo.getPairs()).hasSize(20);
        assertThat(demo.getExperts()).hasSize(3);
        assertThat(demo.getEvents()).hasSize(20 * 8);
        Set<ProgrammeRegion> regions = EnumSet.noneOf(ProgrammeRegion.class);
        demo.getPairs().forEach(pair -> regions.add(pair.region()));
        assertThat(regions).containsExactlyInAnyOrder(ProgrammeRegion.NORTH_AMERICA,
                ProgrammeRegion.LATIN_AMERICA_CARIBBEAN, ProgrammeRegion.ASIA);
        assertThat(demo.getCities()).allSatisfy(city -> assertThat(city.holidays()).isNotEmpty());
    }

    @Test
    void defaultDemoSolvesWithoutHardViolationAndNoInPersonEventOnAHostHoliday() {
        // Stops as soon as no hard rule is broken; the spent limit only guards against a hang (the test then fails).
        SolverConfig config = SchedulingSolverConfigs.defaultConfig().withTerminationConfig(
                new TerminationConfig().withBestScoreFeasible(true).withSpentLimit(java.time.Duration.ofMinutes(3)));
        ExchangeSchedule solved = SolverFactory.<ExchangeSchedule>create(config).buildSolver()
                .solve(SchedulingDemos.generate());
        assertThat(solved.getScore().hardScore()).isZero();
        HolidayCalendar calendar = HolidayCalendar.get();
        for (ExchangeEvent event : solved.getEvents()) {
            assertThat(event.getStart()).isNotNull();
            if (event.isInPerson()) {
                for (LocalDate day = event.getStart(); !day.isAfter(event.getEnd()); day = day.plusDays(1)) {
                    assertThat(calendar.isPublicHoliday(event.getHostCity().country(), day))
                            .as("%s on %s in %s", event.getId(), day, event.getHostCity().name()).isFalse();
                }
            }
            if (event.needsExpert()) {
                assertThat(event.getExpert()).as(event.getId()).isNotNull();
                assertThat(event.getExpert().covers(event.getPair())).isTrue();
            }
        }
    }
}
