package eu.iucplanner.reference;

import java.util.List;
import java.util.Optional;

import eu.iucplanner.pairing.domain.ProgrammeRegion;

/**
 * A country of the reference data (npm package countries-list 3.4.1).
 *
 * @param code          ISO 3166-1 alpha-2
 * @param languages     official languages, ISO 639-1
 * @param defaultRegion the programme region of the default call mapping, empty if outside it
 */
public record Country(String code, String name, String nativeName, List<String> languages,
        Optional<ProgrammeRegion> defaultRegion) {
}
