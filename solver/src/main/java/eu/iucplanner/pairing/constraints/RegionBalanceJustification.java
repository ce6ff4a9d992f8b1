package eu.iucplanner.pairing.constraints;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

import eu.iucplanner.pairing.domain.ProgrammeRegion;

/** How far one partner region's number of pairings is from the call's target. */
public record RegionBalanceJustification(ProgrammeRegion region, int pairs, int targetPairs, String description)
        implements ConstraintJustification {
}
