package eu.iucplanner.scheduling.solver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import eu.iucplanner.scheduling.domain.ActivityPlan;
import eu.iucplanner.scheduling.domain.ActivityTemplate;
import eu.iucplanner.scheduling.domain.CooperationPair;
import eu.iucplanner.scheduling.domain.ExchangeEvent;
import eu.iucplanner.scheduling.domain.ExchangeSchedule;
import eu.iucplanner.scheduling.domain.Expert;
import eu.iucplanner.scheduling.domain.SchedulingCity;
import eu.iucplanner.scheduling.domain.SchedulingParameters;

/** Builds the planning problem: one event per pair and template of the activity plan, dates and experts open. */
public final class ExchangeScheduleFactory {

    private ExchangeScheduleFactory() {
    }

    public static ExchangeSchedule create(List<CooperationPair> pairs, List<Expert> experts, ActivityPlan plan,
            SchedulingParameters parameters) {
        Map<String, SchedulingCity> cities = new LinkedHashMap<>();
        List<ExchangeEvent> events = new ArrayList<>();
        for (CooperationPair pair : pairs) {
            cities.putIfAbsent(pair.euCity().id(), pair.euCity());
            cities.putIfAbsent(pair.partnerCity().id(), pair.partnerCity());
            for (ActivityTemplate template : plan.templates()) {
                if (template.latestMonth() > pair.months()) {
                    throw new IllegalArgumentException(template.kind() + " may end in month " + template.latestMonth()
                            + " but " + pair.id() + " cooperates for " + pair.months() + " months");
                }
                ExchangeEvent event = new ExchangeEvent(pair, template);
                if (template.needsExpert()) {
                    event.setExpertCandidates(experts.stream().filter(expert -> expert.covers(pair)).toList());
                }
                events.add(event);
            }
        }
        return new ExchangeSchedule(new ArrayList<>(cities.values()), List.copyOf(pairs), List.copyOf(experts),
                plan.precedences(), parameters, events);
    }
}
