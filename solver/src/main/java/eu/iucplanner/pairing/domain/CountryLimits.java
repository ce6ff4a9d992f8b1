package eu.iucplanner.pairing.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many pairs one country may be in (EU member states and partner countries alike): a hard cap, and a soft cap
 * beyond which each pair costs ("one country must not take a third of the pairs"). Each has a value for every
 * country and per-country values that replace it.
 *
 * @param maxPairsPerCountry     hard cap of every country, or {@code null} for none
 * @param maxPairsByCountry      hard caps of single countries (ISO 3166-1 alpha-2), replacing the general one
 * @param softMaxPairsPerCountry soft cap of every country, or {@code null} for none
 * @param softMaxPairsByCountry  soft caps of single countries, replacing the general one
 */
public record CountryLimits(Integer maxPairsPerCountry, Map<String, Integer> maxPairsByCountry,
        Integer softMaxPairsPerCountry, Map<String, Integer> softMaxPairsByCountry) {

    public static final CountryLimits NONE = new CountryLimits(null, Map.of(), null, Map.of());

    public CountryLimits {
        maxPairsByCountry = copy(maxPairsByCountry);
        softMaxPairsByCountry = copy(softMaxPairsByCountry);
        for (Integer value : new Integer[] { maxPairsPerCountry, softMaxPairsPerCountry }) {
            if (value != null && value < 0) {
                throw new IllegalArgumentException("country caps must not be negative");
            }
        }
        if (maxPairsByCountry.values().stream().anyMatch(value -> value < 0)
                || softMaxPairsByCountry.values().stream().anyMatch(value -> value < 0)) {
            throw new IllegalArgumentException("country caps must not be negative");
        }
    }

    private static Map<String, Integer> copy(Map<String, Integer> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    public boolean isEmpty() {
        return maxPairsPerCountry == null && maxPairsByCountry.isEmpty() && softMaxPairsPerCountry == null
                && softMaxPairsByCountry.isEmpty();
    }

    /** The country's hard cap, or -1 for none. */
    public int cap(String country) {
        Integer own = maxPairsByCountry.get(country);
        return own != null ? own : maxPairsPerCountry != null ? maxPairsPerCountry : -1;
    }

    /** The country's soft cap, or -1 for none. */
    public int softCap(String country) {
        Integer own = softMaxPairsByCountry.get(country);
        return own != null ? own : softMaxPairsPerCountry != null ? softMaxPairsPerCountry : -1;
    }
}
