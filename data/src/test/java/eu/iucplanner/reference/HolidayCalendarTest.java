package eu.iucplanner.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import eu.iucplanner.pairing.domain.CallRules;

class HolidayCalendarTest {

    private final HolidayCalendar calendar = HolidayCalendar.get();

    @Test
    void everyCountryOfTheDefaultMappingIsCoveredEveryYear() {
        for (String country : CallRules.defaultCountryRegions().keySet()) {
            assertThat(calendar.covers(country)).as(country).isTrue();
            for (int year = HolidayCalendar.FIRST_YEAR; year <= HolidayCalendar.LAST_YEAR; year++) {
                assertThat(calendar.holidays(country, year)).as(country + " " + year).hasSizeGreaterThan(3);
            }
        }
    }

    @Test
    void christmas() {
        assertThat(calendar.holiday("DE", LocalDate.of(2025, 12, 25))).get()
                .extracting(PublicHoliday::name).isEqualTo("1st Christmas day");
        assertThat(calendar.isPublicHoliday("BR", LocalDate.of(2030, 12, 25))).isTrue();
        assertThat(calendar.isPublicHoliday("DE", LocalDate.of(2025, 12, 23))).isFalse();
    }

    @Test
    void easterMondayMovesWithEaster() {
        // Easter Sunday was 20 April 2025 and is 5 April 2026.
        assertThat(calendar.isPublicHoliday("FR", LocalDate.of(2025, 4, 21))).isTrue();
        assertThat(calendar.isPublicHoliday("FR", LocalDate.of(2026, 4, 6))).isTrue();
        assertThat(calendar.isPublicHoliday("FR", LocalDate.of(2026, 4, 21))).isFalse();
    }

    @Test
    void lunarNewYearFromTheGeneratedFile() {
        // Lunar New Year: 29 January 2025, 17 February 2026.
        assertThat(calendar.isPublicHoliday("CN", LocalDate.of(2025, 1, 29))).isTrue();
        assertThat(calendar.isPublicHoliday("KR", LocalDate.of(2026, 2, 17))).isTrue();
        assertThat(calendar.holiday("KR", LocalDate.of(2026, 2, 17))).get()
                .extracting(PublicHoliday::name).asString().contains("New Year");
        assertThat(calendar.isPublicHoliday("KR", LocalDate.of(2026, 2, 25))).isFalse();
    }

    @Test
    void yearsOutsideTheRangeAreRefused() {
        assertThatThrownBy(() -> calendar.holidays("DE", 2040)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.holidays("QQ", 2025)).isInstanceOf(IllegalArgumentException.class);
    }
}
