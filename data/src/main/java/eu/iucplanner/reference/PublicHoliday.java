package eu.iucplanner.reference;

import java.time.LocalDate;

/** A public holiday of one country on one date, with its English name. */
public record PublicHoliday(String country, LocalDate date, String name) {
}
