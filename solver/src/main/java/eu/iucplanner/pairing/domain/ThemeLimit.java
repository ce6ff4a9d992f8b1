package eu.iucplanner.pairing.domain;

import ai.timefold.solver.core.api.domain.lookup.PlanningId;

/**
 * A problem fact: one theme of the call with its soft cap of pairs (pairs whose main shared theme it is).
 *
 * @param theme      the theme's name
 * @param themeIndex its index in the call's vocabulary
 * @param softCap    the pairs it may have before each further pair costs
 */
public record ThemeLimit(@PlanningId String theme, int themeIndex, int softCap) {
}
