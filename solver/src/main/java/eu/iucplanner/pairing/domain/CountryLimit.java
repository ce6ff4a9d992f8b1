package eu.iucplanner.pairing.domain;

import ai.timefold.solver.core.api.domain.lookup.PlanningId;

/**
 * A problem fact: one country of the pool with its caps under the call ({@code -1} for none).
 *
 * @param country ISO 3166-1 alpha-2
 * @param cap     the most pairs it may be in
 * @param softCap the pairs it may be in before each further pair costs
 */
public record CountryLimit(@PlanningId String country, int cap, int softCap) {
}
