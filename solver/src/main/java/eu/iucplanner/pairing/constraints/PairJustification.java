package eu.iucplanner.pairing.constraints;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/**
 * Why one pair gains or loses score under one constraint.
 *
 * @param euApplicantId      the slot owner (EU side when the pair is valid)
 * @param partnerApplicantId the partner
 * @param amount             the constraint's match weight before the constraint weight is applied
 * @param description        a sentence a coordinator can read
 */
public record PairJustification(String euApplicantId, String partnerApplicantId, long amount, String description)
        implements ConstraintJustification {
}
