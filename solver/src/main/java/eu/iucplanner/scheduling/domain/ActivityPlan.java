package eu.iucplanner.scheduling.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The events every pair holds and the order between them.
 *
 * @param templates            one per event of a pair (a shared one stands for the event its pairs attend together)
 * @param precedences          order and minimum gaps between events of one pair
 * @param studyVisitsApartDays the two study visits (in either order) are at least this many days apart, start to start
 */
public record ActivityPlan(List<ActivityTemplate> templates, List<PrecedenceRule> precedences,
        int studyVisitsApartDays) {

    /**
     * The online events of the default plan that a call may hold in person, and where: alternately in the EU city and
     * in the partner city, in the plan's order (kick-off in the EU city, training in the partner city, workshop in the
     * EU city, final event in the partner city), each with its in-person length.
     */
    public static final Map<EventKind, Host> IN_PERSON_HOSTS = Map.of(EventKind.KICK_OFF, Host.EU_CITY,
            EventKind.THEMATIC_TRAINING, Host.PARTNER_CITY, EventKind.ACTION_PLAN_WORKSHOP, Host.EU_CITY,
            EventKind.FINAL_EVENT, Host.PARTNER_CITY);

    private static final Map<EventKind, Integer> IN_PERSON_DAYS = Map.of(EventKind.KICK_OFF, 2,
            EventKind.THEMATIC_TRAINING, 2, EventKind.ACTION_PLAN_WORKSHOP, 2, EventKind.FINAL_EVENT, 1);

    public ActivityPlan {
        templates = List.copyOf(templates);
        precedences = List.copyOf(precedences);
    }

    /** The default plan with every switchable event online. */
    public static ActivityPlan defaults(int months) {
        return defaults(months, Set.of());
    }

    /**
     * The default plan, after IUC practice over a cooperation of {@code months} (18 by default): in person, one study
     * visit each way (4 days, 2-4 delegates, months 2-10, at least 90 days apart start to start, either order, each at
     * least 14 days after the kick-off) and the regional seminar, one event for the pairs of a partner region (2 days,
     * 1-2 delegates per city, months 4 to {@code months - 4}); online, the kick-off (months 1-2), a thematic training
     * (months 3 to {@code months - 3}), the action plan workshop (months 6-11, at least 14 days after both study
     * visits) and the final event (the last three months, at least 30 days after the workshop). Experts accompany the
     * study visits, the training, the seminar and the workshop.
     *
     * @param inPerson online events of the plan to hold in person instead (see {@link #IN_PERSON_HOSTS})
     */
    public static ActivityPlan defaults(int months, Set<EventKind> inPerson) {
        for (EventKind kind : inPerson) {
            if (!IN_PERSON_HOSTS.containsKey(kind)) {
                throw new IllegalArgumentException(kind + " is not an online event of the default plan");
            }
        }
        List<ActivityTemplate> templates = new ArrayList<>(List.of(
                online(inPerson, EventKind.KICK_OFF, 2, 4, 1, 2, false),
                new ActivityTemplate(EventKind.STUDY_VISIT_TO_EU, Host.EU_CITY, 4, 2, 4, 2, 10, true),
                new ActivityTemplate(EventKind.STUDY_VISIT_TO_PARTNER, Host.PARTNER_CITY, 4, 2, 4, 2, 10, true),
                online(inPerson, EventKind.THEMATIC_TRAINING, 1, 4, 3, months - 3, true),
                new ActivityTemplate(EventKind.REGIONAL_SEMINAR, Host.REGION, 2, 1, 2, 4, months - 4, true),
                online(inPerson, EventKind.ACTION_PLAN_WORKSHOP, 2, 4, 6, 11, true),
                online(inPerson, EventKind.FINAL_EVENT, 2, 6, months - 2, months, false)));
        return new ActivityPlan(templates,
                List.of(new PrecedenceRule(EventKind.KICK_OFF, EventKind.STUDY_VISIT_TO_EU, 14),
                        new PrecedenceRule(EventKind.KICK_OFF, EventKind.STUDY_VISIT_TO_PARTNER, 14),
                        new PrecedenceRule(EventKind.STUDY_VISIT_TO_EU, EventKind.ACTION_PLAN_WORKSHOP, 14),
                        new PrecedenceRule(EventKind.STUDY_VISIT_TO_PARTNER, EventKind.ACTION_PLAN_WORKSHOP, 14),
                        new PrecedenceRule(EventKind.ACTION_PLAN_WORKSHOP, EventKind.FINAL_EVENT, 30)),
                90);
    }

    /** The same plan without its shared events. */
    public ActivityPlan withoutShared() {
        return new ActivityPlan(templates.stream().filter(template -> !template.shared()).toList(), precedences,
                studyVisitsApartDays);
    }

    /** The same plan with one more template (e.g. a shared event). */
    public ActivityPlan withShared(ActivityTemplate template) {
        List<ActivityTemplate> more = new ArrayList<>(templates);
        more.add(template);
        return new ActivityPlan(more, precedences, studyVisitsApartDays);
    }

    /** An event of the default plan: online for one day, or in person where the call switches it. */
    private static ActivityTemplate online(Set<EventKind> inPerson, EventKind kind, int delegatesMin,
            int delegatesMax, int earliestMonth, int latestMonth, boolean needsExpert) {
        boolean switched = inPerson.contains(kind);
        return new ActivityTemplate(kind, switched ? IN_PERSON_HOSTS.get(kind) : Host.ONLINE,
                switched ? IN_PERSON_DAYS.get(kind) : 1, switched ? delegatesMin : 0, switched ? delegatesMax : 0,
                earliestMonth, latestMonth, needsExpert);
    }
}
