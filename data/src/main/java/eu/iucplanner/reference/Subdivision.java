package eu.iucplanner.reference;

import java.util.Objects;
import java.util.Optional;

/**
 * A first-level subdivision of a country (a GeoNames admin1: a state, region, province or county), the applicant of a
 * region-to-region call. The reference data holds no population for it: a region declares its own.
 *
 * @param code       ISO 3166-2 code, e.g. "DE-BY"; the {@link City#subdivision()} of the cities in it
 * @param name       English name with diacritics, e.g. "Bavaria"
 * @param asciiName  the name without diacritics
 * @param country    ISO 3166-1 alpha-2
 * @param admin1     its GeoNames admin1 code, e.g. "02"
 * @param geonamesId its GeoNames feature id; empty for the two regions newer than the source (CL-NB, ID-PB)
 */
public record Subdivision(String code, String name, String asciiName, String country, String admin1,
        Optional<Long> geonamesId) {

    public Subdivision {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(country, "country");
        geonamesId = geonamesId == null ? Optional.empty() : geonamesId;
    }
}
