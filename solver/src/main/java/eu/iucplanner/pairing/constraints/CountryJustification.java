package eu.iucplanner.pairing.constraints;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/**
 * Why a country costs score: it is in more pairs than a cap of the call.
 *
 * @param country     ISO 3166-1 alpha-2
 * @param pairs       the pairs it is in
 * @param cap         the cap it is above
 * @param description a sentence a coordinator can read
 */
public record CountryJustification(String country, int pairs, int cap, String description)
        implements ConstraintJustification {
}
