package eu.iucplanner.scheduling.domain;

import java.util.List;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.ProblemFactProperty;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * The exchange calendar of a set of pairs: every event of every pair and every shared event, with its date and expert.
 * Score: hard rules, then (when re-planning) the commitments of the published schedule, then preferences.
 */
@PlanningSolution
public class ExchangeSchedule {

    public static final String EXPERT_RANGE = "expertRange";

    @ProblemFactCollectionProperty
    private List<SchedulingCity> cities;

    @ProblemFactCollectionProperty
    private List<CooperationPair> pairs;

    @ProblemFactCollectionProperty
    private List<Expert> experts;

    @ProblemFactCollectionProperty
    private List<PrecedenceRule> precedences;

    @ProblemFactProperty
    private SchedulingParameters parameters;

    @PlanningEntityCollectionProperty
    private List<ExchangeEvent> events;

    @PlanningScore
    private HardMediumSoftLongScore score;

    public ExchangeSchedule() {
    }

    public ExchangeSchedule(List<SchedulingCity> cities, List<CooperationPair> pairs, List<Expert> experts,
            List<PrecedenceRule> precedences, SchedulingParameters parameters, List<ExchangeEvent> events) {
        this.cities = cities;
        this.pairs = pairs;
        this.experts = experts;
        this.precedences = precedences;
        this.parameters = parameters;
        this.events = events;
    }

    public List<SchedulingCity> getCities() {
        return cities;
    }

    public List<CooperationPair> getPairs() {
        return pairs;
    }

    public List<Expert> getExperts() {
        return experts;
    }

    public List<PrecedenceRule> getPrecedences() {
        return precedences;
    }

    public SchedulingParameters getParameters() {
        return parameters;
    }

    public List<ExchangeEvent> getEvents() {
        return events;
    }

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }
}
