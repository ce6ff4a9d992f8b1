package eu.iucplanner.scheduling.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import eu.iucplanner.pairing.domain.ProgrammeRegion;
import eu.iucplanner.scheduling.domain.ActivityPlan;
import eu.iucplanner.scheduling.domain.ActivityTemplate;
import eu.iucplanner.scheduling.domain.CooperationPair;
import eu.iucplanner.scheduling.domain.ExchangeEvent;
import eu.iucplanner.scheduling.domain.ExchangeSchedule;
import eu.iucplanner.scheduling.domain.Expert;
import eu.iucplanner.scheduling.domain.Host;
import eu.iucplanner.scheduling.domain.SchedulingCity;
import eu.iucplanner.scheduling.domain.SchedulingParameters;
import eu.iucplanner.scheduling.domain.SharedEventOptions;

/**
 * Builds the planning problem: one event per pair and template of the activity plan, and one event per shared template
 * for the pairs that share it (each partner region, or each cluster of it, for a regional seminar; every pair for a
 * programme event); dates and experts open.
 */
public final class ExchangeScheduleFactory {

    private ExchangeScheduleFactory() {
    }

    public static ExchangeSchedule create(List<CooperationPair> pairs, List<Expert> experts, ActivityPlan plan,
            SchedulingParameters parameters) {
        return create(pairs, experts, plan, parameters, SharedEventOptions.defaults());
    }

    public static ExchangeSchedule create(List<CooperationPair> pairs, List<Expert> experts, ActivityPlan plan,
            SchedulingParameters parameters, SharedEventOptions options) {
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
                if (!template.shared()) {
                    events.add(withCandidates(new ExchangeEvent(pair, template), experts));
                }
            }
        }
        for (ActivityTemplate template : plan.templates()) {
            if (template.shared() && !pairs.isEmpty()) {
                for (ExchangeEvent event : sharedEvents(template, pairs, options)) {
                    cities.putIfAbsent(event.getHostCity().id(), event.getHostCity());
                    events.add(withCandidates(event, experts));
                }
            }
        }
        return new ExchangeSchedule(new ArrayList<>(cities.values()), List.copyOf(pairs), List.copyOf(experts),
                plan.precedences(), parameters, events);
    }

    private static ExchangeEvent withCandidates(ExchangeEvent event, List<Expert> experts) {
        if (event.needsExpert()) {
            event.setExpertCandidates(experts.stream()
                    .filter(expert -> expert.covers(event.getRegion(), event.getLanguage())).toList());
        }
        return event;
    }

    /**
     * The events of a shared template: for a programme event one for every pair; for a regional one, per partner region
     * (in the order the pairs first name them) one event, or, when the region's delegates exceed the venue, clusters of
     * its pairs (ordered by partner country, then longitude) of near-equal size, each with its own event.
     */
    static List<ExchangeEvent> sharedEvents(ActivityTemplate template, List<CooperationPair> pairs,
            SharedEventOptions options) {
        if (template.host() == Host.PROGRAMME) {
            if (options.programmeHost() == null) {
                throw new IllegalArgumentException(template.kind() + " is a programme event but no host city is given");
            }
            return List.of(ExchangeEvent.shared("programme", template, options.programmeHost(), pairs, null,
                    commonLanguage(pairs), pairs.get(0).windowStart()));
        }
        Map<ProgrammeRegion, List<CooperationPair>> byRegion = new LinkedHashMap<>();
        pairs.forEach(pair -> byRegion.computeIfAbsent(pair.region(), region -> new ArrayList<>()).add(pair));
        List<ExchangeEvent> events = new ArrayList<>();
        byRegion.forEach((region, regionPairs) -> {
            String slug = "region-" + region.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            SchedulingCity givenHost = options.seminarHosts().get(region);
            List<List<CooperationPair>> clusters = givenHost != null ? List.of(regionPairs)
                    : clusters(regionPairs, Math.max(1, template.delegatesMax()), options.venueCapacity());
            for (int i = 0; i < clusters.size(); i++) {
                List<CooperationPair> cluster = clusters.get(i);
                SchedulingCity host = givenHost != null ? givenHost : centralPartnerCity(cluster);
                events.add(ExchangeEvent.shared(clusters.size() == 1 ? slug : slug + "-" + (i + 1), template, host,
                        cluster, region, commonLanguage(cluster), cluster.get(0).windowStart()));
            }
        });
        return events;
    }

    /** The region's pairs in as few clusters as the venue needs, by partner country and longitude, near-equal sizes. */
    static List<List<CooperationPair>> clusters(List<CooperationPair> pairs, int delegatesPerCity, int capacity) {
        int delegates = cities(pairs).size() * delegatesPerCity;
        int count = Math.min(pairs.size(), (delegates + capacity - 1) / capacity);
        if (count <= 1) {
            return List.of(pairs);
        }
        List<CooperationPair> ordered = pairs.stream().sorted(Comparator
                .comparing((CooperationPair pair) -> pair.partnerCity().country())
                .thenComparingDouble(pair -> pair.partnerCity().longitude()).thenComparing(CooperationPair::id))
                .toList();
        List<List<CooperationPair>> clusters = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            clusters.add(ordered.subList(i * ordered.size() / count, (i + 1) * ordered.size() / count));
        }
        return clusters;
    }

    /** The partner city of the pairs nearest, in sum, to every city attending (ties by id). */
    static SchedulingCity centralPartnerCity(List<CooperationPair> pairs) {
        Set<SchedulingCity> attending = cities(pairs);
        SchedulingCity best = null;
        double bestSum = Double.MAX_VALUE;
        Map<String, SchedulingCity> candidates = new TreeMap<>();
        pairs.forEach(pair -> candidates.putIfAbsent(pair.partnerCity().id(), pair.partnerCity()));
        for (SchedulingCity candidate : candidates.values()) {
            double sum = 0;
            for (SchedulingCity city : attending) {
                sum += candidate.distanceKm(city);
            }
            if (sum < bestSum - 1e-6) {
                bestSum = sum;
                best = candidate;
            }
        }
        return best;
    }

    /** The working language most pairs share (English on a tie that includes it, else the first alphabetically). */
    static String commonLanguage(List<CooperationPair> pairs) {
        Map<String, Integer> counts = new TreeMap<>();
        pairs.forEach(pair -> counts.merge(pair.language(), 1, Integer::sum));
        int most = counts.values().stream().max(Integer::compare).orElse(0);
        if (counts.getOrDefault("en", 0) == most) {
            return "en";
        }
        return counts.entrySet().stream().filter(entry -> entry.getValue() == most).map(Map.Entry::getKey)
                .findFirst().orElse("en");
    }

    private static Set<SchedulingCity> cities(List<CooperationPair> pairs) {
        Set<SchedulingCity> cities = new LinkedHashSet<>();
        pairs.forEach(pair -> {
            cities.add(pair.euCity());
            cities.add(pair.partnerCity());
        });
        return cities;
    }
}
