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
        assertThat(HolidayCalendar.LAST_YEAR).isEqualTo(2035);
        for (String country : CallRules.defaultCountryRegions().keySet()) {
            assertThat(calendar.covers(country)).as(country).isTrue();
            for (int year = HolidayCalendar.FIRST_YEAR; year <= HolidayCalendar.LAST_YEAR; year++) {
                assertThat(calendar.holidays(country, year)).as(country + " " + year).hasSizeGreaterThan(3)
                        .allMatch(holiday -> holiday.country().equals(country) && holiday.isNational());
            }
        }
        assertThat(calendar.covers("KE")).isFalse();
    }

    @Test
    void christmas() {
        assertThat(calendar.holiday("DE", LocalDate.of(2025, 12, 25))).get()
                .extracting(PublicHoliday::name).isEqualTo("Christmas Day");
        assertThat(calendar.isPublicHoliday("BR", LocalDate.of(2035, 12, 25))).isTrue();
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
    void lunarNewYear() {
        // Lunar New Year: 29 January 2025, 17 February 2026.
        assertThat(calendar.isPublicHoliday("CN", LocalDate.of(2025, 1, 29))).isTrue();
        assertThat(calendar.isPublicHoliday("KR", LocalDate.of(2026, 2, 17))).isTrue();
        assertThat(calendar.holiday("KR", LocalDate.of(2026, 2, 17))).get()
                .extracting(PublicHoliday::name).asString().contains("New Year");
        assertThat(calendar.isPublicHoliday("KR", LocalDate.of(2026, 2, 25))).isFalse();
    }

    @Test
    void subdivisionsAddTheirOwnHolidaysToTheNationalOnes() {
        // Epiphany is a holiday in Bavaria, not in Berlin nor nationally.
        LocalDate epiphany = LocalDate.of(2026, 1, 6);
        assertThat(calendar.isPublicHoliday("DE", "DE-BY", epiphany)).isTrue();
        assertThat(calendar.isPublicHoliday("DE", "DE-BE", epiphany)).isFalse();
        assertThat(calendar.isPublicHoliday("DE", epiphany)).isFalse();
        assertThat(calendar.holiday("DE", "DE-BY", epiphany)).get().extracting(PublicHoliday::subdivision)
                .isEqualTo(java.util.Optional.of("DE-BY"));
        // Maharashtra Day, 1 May, in Mumbai's state; national holidays apply there too.
        assertThat(calendar.isPublicHoliday("IN", "IN-MH", LocalDate.of(2026, 5, 1))).isTrue();
        assertThat(calendar.isPublicHoliday("IN", "IN-MH", LocalDate.of(2026, 1, 26))).isTrue();
        // Patriots' Day in Massachusetts, third Monday of April.
        assertThat(calendar.isPublicHoliday("US", "US-MA", LocalDate.of(2026, 4, 20))).isTrue();
        assertThat(calendar.isPublicHoliday("US", LocalDate.of(2026, 4, 20))).isFalse();
        // No subdivision, or one without holidays of its own: the national holidays.
        assertThat(calendar.holidays("FR", null, 2026)).isEqualTo(calendar.holidays("FR", 2026));
        assertThat(calendar.holidays("PL", "PL-MZ", 2026)).isEqualTo(calendar.holidays("PL", 2026));
        assertThat(calendar.holidays("DE", "DE-BY", 2026)).containsAll(calendar.holidays("DE", 2026));
        assertThat(calendar.subdivisions("DE")).contains("DE-BY", "DE-SN").doesNotContain("DE-Augsburg");
        assertThat(calendar.subdivisions("US")).contains("US-CA", "US-MA");
        assertThatThrownBy(() -> calendar.holidays("DE", "AT-9", 2026)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void citiesCarryTheSubdivisionTheirHolidaysAreKeyedBy() {
        ReferenceData data = ReferenceData.get();
        City munich = data.city("DE", "Munich").or(() -> data.city("DE", "München")).orElseThrow();
        assertThat(munich.subdivision()).contains("DE-BY");
        City mumbai = data.city("IN", "Mumbai").orElseThrow();
        assertThat(mumbai.subdivision()).contains("IN-MH");
        assertThat(calendar.isPublicHoliday(mumbai.country(), mumbai.subdivision().orElseThrow(),
                LocalDate.of(2027, 5, 1))).isTrue();
        // Every subdivision with holidays of its own that a city is in is spelled as the city spells it.
        for (City city : data.cities()) {
            city.subdivision().ifPresent(code -> assertThat(code).startsWith(city.country() + "-"));
        }
    }

    @Test
    void softPeriods() {
        // Ramadan 1447 in Indonesia: from 19 February 2026 to the eve of Eid al-Fitr (21 March).
        assertThat(calendar.softPeriods("ID", 2026)).filteredOn(period -> period.name().equals("Ramadan"))
                .singleElement().satisfies(period -> {
                    assertThat(period.start()).isBetween(LocalDate.of(2026, 2, 17), LocalDate.of(2026, 2, 20));
                    assertThat(period.end()).isEqualTo(LocalDate.of(2026, 3, 20));
                    assertThat(period.source()).contains("python-holidays");
                });
        assertThat(calendar.softPeriodsOn("MY", LocalDate.of(2026, 3, 1))).extracting(SoftPeriod::name)
                .contains("Ramadan");
        assertThat(calendar.softPeriodsOn("CN", LocalDate.of(2026, 2, 25))).extracting(SoftPeriod::name)
                .containsExactly("Lunar New Year weeks");
        assertThat(calendar.softPeriodsOn("IT", LocalDate.of(2030, 8, 14))).extracting(SoftPeriod::name)
                .contains("Summer holiday season (August)");
        assertThat(calendar.softPeriodsOn("US", LocalDate.of(2027, 1, 1))).extracting(SoftPeriod::name)
                .containsExactly("Christmas to New Year");
        assertThat(calendar.softPeriodsOn("AU", LocalDate.of(2028, 1, 15))).extracting(SoftPeriod::name)
                .contains("Southern-hemisphere summer holidays");
        assertThat(calendar.softPeriodsOn("IN", LocalDate.of(2025, 7, 15))).extracting(SoftPeriod::name)
                .contains("Southwest monsoon");
        assertThat(calendar.softPeriodsOn("PL", LocalDate.of(2026, 4, 15))).isEmpty();
        // Every year has Ramadan in Indonesia and Malaysia, and the Lunar New Year weeks in China, Korea and Viet Nam.
        for (int year = HolidayCalendar.FIRST_YEAR; year <= HolidayCalendar.LAST_YEAR; year++) {
            for (String country : java.util.List.of("ID", "MY")) {
                assertThat(calendar.softPeriods(country, year)).as(country + " " + year)
                        .anyMatch(period -> period.name().equals("Ramadan"));
            }
            for (String country : java.util.List.of("CN", "KR", "VN")) {
                assertThat(calendar.softPeriods(country, year)).as(country + " " + year)
                        .anyMatch(period -> period.name().equals("Lunar New Year weeks"));
            }
        }
    }

    @Test
    void yearsOutsideTheRangeAreRefused() {
        assertThatThrownBy(() -> calendar.holidays("DE", 2040)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.holidays("DE", 2023)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.holidays("QQ", 2025)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.softPeriods("DE", 2036)).isInstanceOf(IllegalArgumentException.class);
    }
}
