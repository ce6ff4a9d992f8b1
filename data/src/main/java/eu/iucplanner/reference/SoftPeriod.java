package eu.iucplanner.reference;

import java.time.LocalDate;

/**
 * A cultural period that is not a public holiday but makes an exchange harder to hold (Ramadan, the Lunar New Year
 * weeks, the August holiday season, a monsoon), in one country, both ends included.
 *
 * @param source where the dates or the convention come from
 */
public record SoftPeriod(String country, LocalDate start, LocalDate end, String name, String source) {

    public SoftPeriod {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("Soft period " + name + " ends before it starts: " + start + " " + end);
        }
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }

    public boolean overlapsYear(int year) {
        return start.getYear() <= year && end.getYear() >= year;
    }
}
