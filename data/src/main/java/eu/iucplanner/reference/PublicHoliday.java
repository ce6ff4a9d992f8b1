package eu.iucplanner.reference;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A public holiday of one country on one date, with its English name.
 *
 * @param subdivision the ISO 3166-2 code of the subdivision it applies to (e.g. {@code IN-MH}), empty for a national
 *                    holiday, which applies everywhere in the country
 * @param source      where the date comes from: {@code python-holidays}, or the official-data package that corrected it
 */
public record PublicHoliday(String country, LocalDate date, String name, Optional<String> subdivision,
        String source) {

    /** A national holiday from python-holidays. */
    public PublicHoliday(String country, LocalDate date, String name) {
        this(country, date, name, Optional.empty(), "python-holidays");
    }

    public boolean isNational() {
        return subdivision.isEmpty();
    }
}
