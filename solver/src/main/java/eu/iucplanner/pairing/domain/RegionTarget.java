package eu.iucplanner.pairing.domain;

/** The number of pairings a call aims for in one partner region: a problem fact of the regional balance. */
public record RegionTarget(ProgrammeRegion region, int targetPairs) {
}
