package eu.iucplanner.scheduling.constraints;

import java.util.List;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/**
 * Why events gain or lose score under one constraint.
 *
 * @param eventIds    the events concerned
 * @param amount      the match weight before the constraint weight is applied
 * @param description a sentence a planner can read
 */
public record ScheduleJustification(List<String> eventIds, long amount, String description)
        implements ConstraintJustification {

    public ScheduleJustification {
        eventIds = List.copyOf(eventIds);
    }
}
