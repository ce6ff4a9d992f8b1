package eu.iucplanner.scheduling.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import eu.iucplanner.pairing.domain.ProgrammeRegion;
import eu.iucplanner.scheduling.domain.ActivityPlan;
import eu.iucplanner.scheduling.domain.ActivityTemplate;
import eu.iucplanner.scheduling.domain.CooperationPair;
import eu.iucplanner.scheduling.domain.EventKind;
import eu.iucplanner.scheduling.domain.ExchangeEvent;
import eu.iucplanner.scheduling.domain.ExchangeSchedule;
import eu.iucplanner.scheduling.domain.Expert;
import eu.iucplanner.scheduling.domain.Host;
import eu.iucplanner.scheduling.domain.SchedulingCity;
import eu.iucplanner.scheduling.domain.SchedulingParameters;
import eu.iucplanner.scheduling.domain.SharedEventOptions;

class ExchangeScheduleFactoryTest {

    private static final LocalDate START = LocalDate.of(2027, 1, 4);

    @Test
    void aRegionalSeminarIsOneEventForEveryPairOfItsRegionInOneOfItsPartnerCities() {
        List<CooperationPair> pairs = new ArrayList<>(pairs("eu", ProgrammeRegion.ASIA, 4, 130));
        pairs.addAll(pairs("na", ProgrammeRegion.NORTH_AMERICA, 3, -80));
        Expert asia = expert("asia", ProgrammeRegion.ASIA);
        ExchangeSchedule schedule = ExchangeScheduleFactory.create(pairs, List.of(asia,
                expert("americas", ProgrammeRegion.NORTH_AMERICA)), ActivityPlan.defaults(18),
                SchedulingParameters.defaults());
        List<ExchangeEvent> seminars = schedule.getEvents().stream()
                .filter(event -> event.getKind() == EventKind.REGIONAL_SEMINAR).toList();
        assertThat(seminars).extracting(ExchangeEvent::getId)
                .containsExactly("region-asia/REGIONAL_SEMINAR", "region-north-america/REGIONAL_SEMINAR");
        ExchangeEvent asian = seminars.get(0);
        assertThat(asian.getPairs()).containsExactlyElementsOf(pairs.subList(0, 4));
        assertThat(pairs.subList(0, 4)).extracting(CooperationPair::partnerCity).contains(asian.getHostCity());
        // Every other city of the region's pairs sends its delegation; the host's own delegation hosts.
        assertThat(asian.getTravellingCities()).hasSize(7).doesNotContain(asian.getHostCity());
        assertThat(asian.getExpertCandidates()).containsExactly(asia);
        assertThat(schedule.getEvents()).hasSize(7 * 6 + 2);
        assertThat(schedule.getCities()).hasSize(14);
    }

    @Test
    void aRegionWhoseDelegationsExceedTheVenueMeetsInClustersOfNearlyEqualSize() {
        List<CooperationPair> pairs = pairs("eu", ProgrammeRegion.ASIA, 10, 100);
        // 20 cities of 2 delegates each are 40 delegates: a venue of 25 needs two clusters.
        ExchangeSchedule schedule = ExchangeScheduleFactory.create(pairs, List.of(), ActivityPlan.defaults(18)
                .withoutShared().withShared(seminar()), SchedulingParameters.defaults(),
                new SharedEventOptions(25, Map.of(), null));
        List<ExchangeEvent> seminars = schedule.getEvents().stream().filter(ExchangeEvent::isShared).toList();
        assertThat(seminars).extracting(ExchangeEvent::getGroupId).containsExactly("region-asia-1",
                "region-asia-2");
        Set<CooperationPair> attending = new HashSet<>();
        seminars.forEach(seminar -> {
            assertThat(seminar.getPairs()).hasSize(5);
            attending.addAll(seminar.getPairs());
        });
        assertThat(attending).containsExactlyInAnyOrderElementsOf(pairs);
        // A host given for the region keeps it one event, whatever its size.
        SchedulingCity tokyo = city("tokyo", "JP", 35.69, 139.69);
        ExchangeSchedule hosted = ExchangeScheduleFactory.create(pairs, List.of(), ActivityPlan.defaults(18)
                .withoutShared().withShared(seminar()), SchedulingParameters.defaults(),
                new SharedEventOptions(25, Map.of(ProgrammeRegion.ASIA, tokyo), null));
        assertThat(hosted.getEvents().stream().filter(ExchangeEvent::isShared))
                .singleElement().satisfies(seminar -> {
                    assertThat(seminar.getHostCity()).isEqualTo(tokyo);
                    assertThat(seminar.getTravellingCities()).hasSize(20);
                });
    }

    @Test
    void aProgrammeEventIsOneEventForEveryPairInTheCityTheCallNames() {
        List<CooperationPair> pairs = new ArrayList<>(pairs("eu", ProgrammeRegion.ASIA, 2, 130));
        pairs.addAll(pairs("na", ProgrammeRegion.NORTH_AMERICA, 2, -80));
        ActivityTemplate programme = new ActivityTemplate(EventKind.PROGRAMME_EVENT, Host.PROGRAMME, 3, 1, 1, 10,
                10, false);
        ActivityPlan plan = ActivityPlan.defaults(18).withoutShared().withShared(programme);
        assertThatThrownBy(() -> ExchangeScheduleFactory.create(pairs, List.of(), plan,
                SchedulingParameters.defaults())).isInstanceOf(IllegalArgumentException.class);
        SchedulingCity brussels = city("brussels", "BE", 50.85, 4.35);
        ExchangeSchedule schedule = ExchangeScheduleFactory.create(pairs, List.of(), plan,
                SchedulingParameters.defaults(), new SharedEventOptions(200, Map.of(), brussels));
        assertThat(schedule.getEvents().stream().filter(ExchangeEvent::isShared)).singleElement()
                .satisfies(event -> {
                    assertThat(event.getId()).isEqualTo("programme/PROGRAMME_EVENT");
                    assertThat(event.getPairs()).containsExactlyElementsOf(pairs);
                    assertThat(event.getHostCity()).isEqualTo(brussels);
                    assertThat(event.getTravellingCities()).hasSize(8);
                    assertThat(event.getRegion()).isNull();
                });
    }

    private static ActivityTemplate seminar() {
        return new ActivityTemplate(EventKind.REGIONAL_SEMINAR, Host.REGION, 2, 1, 2, 4, 14, false);
    }

    /** Pairs of EU cities around Europe with partner cities spread along a longitude band. */
    private static List<CooperationPair> pairs(String prefix, ProgrammeRegion region, int count, double longitude) {
        List<CooperationPair> pairs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SchedulingCity eu = city(prefix + "-eu-" + i, "FR", 45 + i * 0.1, 2 + i * 0.1);
            SchedulingCity partner = city(prefix + "-partner-" + i, region == ProgrammeRegion.ASIA ? "JP" : "US",
                    35 + i * 0.5, longitude + i);
            pairs.add(new CooperationPair(prefix + "-" + i, eu, partner, region, "en", START, 18));
        }
        return pairs;
    }

    private static SchedulingCity city(String id, String country, double latitude, double longitude) {
        return SchedulingCity.builder(id, id, country, latitude, longitude).build();
    }

    private static Expert expert(String id, ProgrammeRegion region) {
        return new Expert(id, id, Set.of(region), Set.of("en"), Set.of(), 4);
    }
}
