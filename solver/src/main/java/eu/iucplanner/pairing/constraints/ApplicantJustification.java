package eu.iucplanner.pairing.constraints;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/** Why one applicant's partner count gains or loses score, e.g. open partner places. */
public record ApplicantJustification(String applicantId, long amount, String description)
        implements ConstraintJustification {
}
