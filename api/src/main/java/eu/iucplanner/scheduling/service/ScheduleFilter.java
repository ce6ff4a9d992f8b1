package eu.iucplanner.scheduling.service;

import java.util.List;

import eu.iucplanner.scheduling.domain.CooperationPair;
import eu.iucplanner.scheduling.domain.ExchangeEvent;
import eu.iucplanner.scheduling.service.ScheduleRunRequest.EventRef;

/**
 * Which events of a schedule a view shows: a pair's (its own and the shared events it attends; a shared event's group
 * id shows that event), an expert's, a city's (hosting, travelling or, online, taking part), or, with none given, all.
 */
public record ScheduleFilter(String pairId, String expertId, String cityId) {

    public static final ScheduleFilter ALL = new ScheduleFilter(null, null, null);

    /** How many of pair, expert and city are given. */
    public int given() {
        return (pairId == null ? 0 : 1) + (expertId == null ? 0 : 1) + (cityId == null ? 0 : 1);
    }

    public boolean test(ExchangeEvent event) {
        return (pairId == null || event.getGroupId().equals(pairId) || event.attends(pairId))
                && (expertId == null || expertId.equals(event.getExpertId()))
                && (cityId == null || event.involves(cityId));
    }

    /** Whether a cancelled event belongs in the view: by its pair (and that pair's cities) and its last expert. */
    public boolean test(EventRef ref, List<CooperationPair> pairs) {
        CooperationPair pair = pairs.stream().filter(candidate -> candidate.id().equals(ref.pairId())).findFirst()
                .orElse(null);
        return (pairId == null || pairId.equals(ref.pairId()))
                && (expertId == null || expertId.equals(ref.expertId()))
                && (cityId == null || pair != null && (pair.euCity().id().equals(cityId)
                        || pair.partnerCity().id().equals(cityId)));
    }
}
