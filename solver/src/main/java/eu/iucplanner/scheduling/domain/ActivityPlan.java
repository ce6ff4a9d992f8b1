package eu.iucplanner.scheduling.domain;

import java.util.List;

/**
 * The events every pair holds and the order between them.
 *
 * @param templates            one per event of a pair
 * @param precedences          order and minimum gaps between events of one pair
 * @param studyVisitsApartDays the two study visits (in either order) are at least this many days apart, start to start
 */
public record ActivityPlan(List<ActivityTemplate> templates, List<PrecedenceRule> precedences,
        int studyVisitsApartDays) {

    public ActivityPlan {
        templates = List.copyOf(templates);
        precedences = List.copyOf(precedences);
    }

    /**
     * The default plan, after IUC practice over an 18-month cooperation: an online kick-off (months 1-2); a study
     * visit in each direction (2-6 delegates, 4 days each, at least 3 months apart, either order); a staff exchange; a
     * thematic training; a regional seminar shared by the pairs of one partner region; an action plan drafting
     * workshop before month 12, after both study visits; and the final event presenting the action plan in the last
     * three months.
     */
    public static ActivityPlan defaults(int months) {
        return new ActivityPlan(List.of(
                new ActivityTemplate(EventKind.KICK_OFF, Host.ONLINE, 1, 0, 0, 1, 2, false),
                new ActivityTemplate(EventKind.STUDY_VISIT_TO_EU, Host.EU_CITY, 4, 2, 6, 2, 10, true),
                new ActivityTemplate(EventKind.STUDY_VISIT_TO_PARTNER, Host.PARTNER_CITY, 4, 2, 6, 2, 10, true),
                new ActivityTemplate(EventKind.STAFF_EXCHANGE, Host.EU_CITY, 5, 1, 2, 3, months - 3, false),
                new ActivityTemplate(EventKind.THEMATIC_TRAINING, Host.PARTNER_CITY, 2, 1, 4, 3, months - 3, true),
                new ActivityTemplate(EventKind.REGIONAL_SEMINAR, Host.PARTNER_CITY, 2, 1, 3, 4, months - 4, true),
                new ActivityTemplate(EventKind.ACTION_PLAN_WORKSHOP, Host.PARTNER_CITY, 2, 2, 4, 6, 11, true),
                new ActivityTemplate(EventKind.FINAL_EVENT, Host.PARTNER_CITY, 1, 2, 6, months - 2, months, false)),
                List.of(new PrecedenceRule(EventKind.KICK_OFF, EventKind.STUDY_VISIT_TO_EU, 14),
                        new PrecedenceRule(EventKind.KICK_OFF, EventKind.STUDY_VISIT_TO_PARTNER, 14),
                        new PrecedenceRule(EventKind.STUDY_VISIT_TO_EU, EventKind.ACTION_PLAN_WORKSHOP, 14),
                        new PrecedenceRule(EventKind.STUDY_VISIT_TO_PARTNER, EventKind.ACTION_PLAN_WORKSHOP, 14),
                        new PrecedenceRule(EventKind.ACTION_PLAN_WORKSHOP, EventKind.FINAL_EVENT, 30)),
                90);
    }
}
