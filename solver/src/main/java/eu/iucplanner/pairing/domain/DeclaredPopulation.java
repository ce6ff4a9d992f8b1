package eu.iucplanner.pairing.domain;

import java.util.Objects;

/**
 * A population figure an applicant gives, with what it counts and where it comes from.
 *
 * @param population inhabitants, more than 0
 * @param basis      what the figure counts
 * @param source     where it comes from (a census, GeoNames, the applicant's own statement), or {@code null}
 */
public record DeclaredPopulation(long population, PopulationBasis basis, String source) {

    public DeclaredPopulation {
        Objects.requireNonNull(basis, "basis");
        if (population < 0) {
            throw new IllegalArgumentException("population must not be negative");
        }
    }

    /** E.g. "34,008 (city proper, GeoNames)". */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%,d (%s%s)", population, basis.label(),
                source == null || source.isBlank() ? "" : ", " + source);
    }
}
