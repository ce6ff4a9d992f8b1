package eu.iucplanner.scheduling.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class ActivityPlanTest {

    @Test
    void theDefaultPlanHoldsTheStudyVisitsAndTheSeminarInPersonAndTheRestOnline() {
        Map<EventKind, ActivityTemplate> plan = byKind(ActivityPlan.defaults(18));
        assertThat(plan).containsOnlyKeys(EventKind.KICK_OFF, EventKind.STUDY_VISIT_TO_EU,
                EventKind.STUDY_VISIT_TO_PARTNER, EventKind.THEMATIC_TRAINING, EventKind.REGIONAL_SEMINAR,
                EventKind.ACTION_PLAN_WORKSHOP, EventKind.FINAL_EVENT);
        assertThat(plan.get(EventKind.STUDY_VISIT_TO_EU).host()).isEqualTo(Host.EU_CITY);
        assertThat(plan.get(EventKind.STUDY_VISIT_TO_PARTNER).host()).isEqualTo(Host.PARTNER_CITY);
        for (EventKind visit : Set.of(EventKind.STUDY_VISIT_TO_EU, EventKind.STUDY_VISIT_TO_PARTNER)) {
            ActivityTemplate template = plan.get(visit);
            assertThat(template.durationDays()).isBetween(3, 6);
            assertThat(template.delegatesMin()).isEqualTo(2);
            assertThat(template.delegatesMax()).isEqualTo(4);
        }
        assertThat(plan.get(EventKind.REGIONAL_SEMINAR).host()).isEqualTo(Host.REGION);
        for (EventKind online : ActivityPlan.IN_PERSON_HOSTS.keySet()) {
            assertThat(plan.get(online).host()).isEqualTo(Host.ONLINE);
            assertThat(plan.get(online).durationDays()).isEqualTo(1);
        }
    }

    @Test
    void switchedEventsAreHeldInPersonAlternatelyInTheEuAndThePartnerCity() {
        Map<EventKind, ActivityTemplate> plan = byKind(ActivityPlan.defaults(18, Set.of(EventKind.KICK_OFF,
                EventKind.THEMATIC_TRAINING, EventKind.ACTION_PLAN_WORKSHOP, EventKind.FINAL_EVENT)));
        assertThat(plan.get(EventKind.KICK_OFF).host()).isEqualTo(Host.EU_CITY);
        assertThat(plan.get(EventKind.THEMATIC_TRAINING).host()).isEqualTo(Host.PARTNER_CITY);
        assertThat(plan.get(EventKind.ACTION_PLAN_WORKSHOP).host()).isEqualTo(Host.EU_CITY);
        assertThat(plan.get(EventKind.FINAL_EVENT).host()).isEqualTo(Host.PARTNER_CITY);
        assertThat(plan.get(EventKind.THEMATIC_TRAINING).delegatesMax()).isPositive();
        assertThatThrownBy(() -> ActivityPlan.defaults(18, Set.of(EventKind.STUDY_VISIT_TO_EU)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<EventKind, ActivityTemplate> byKind(ActivityPlan plan) {
        return plan.templates().stream().collect(Collectors.toMap(ActivityTemplate::kind, Function.identity()));
    }
}
