package eu.iucplanner.pairing.constraints;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/**
 * Why a theme costs score: more pairs have it as their main shared theme than the call's soft cap.
 *
 * @param theme       the theme
 * @param pairs       the pairs whose main shared theme it is
 * @param softCap     the call's soft cap per theme
 * @param description a sentence a coordinator can read
 */
public record ThemeJustification(String theme, int pairs, int softCap, String description)
        implements ConstraintJustification {
}
