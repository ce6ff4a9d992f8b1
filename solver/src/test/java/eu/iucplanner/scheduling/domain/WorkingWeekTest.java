package eu.iucplanner.scheduling.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class WorkingWeekTest {

    @Test
    void kelantanRestsOnFridayAndSaturday() {
        WorkingWeek kelantan = WorkingWeek.of("MY", "MY-03");
        assertThat(kelantan.isWeekend(LocalDate.of(2027, 3, 5))).isTrue(); // Friday
        assertThat(kelantan.isWeekend(LocalDate.of(2027, 3, 6))).isTrue(); // Saturday
        assertThat(kelantan.isWeekend(LocalDate.of(2027, 3, 7))).isFalse(); // Sunday
        assertThat(kelantan.describe(LocalDate.of(2027, 3, 7))).isEqualTo("Friday and Saturday");
    }

    @Test
    void johorReturnedToSaturdayAndSundayIn2025() {
        WorkingWeek johor = WorkingWeek.of("MY", "MY-01");
        assertThat(johor.isWeekend(LocalDate.of(2024, 12, 27))).isTrue(); // Friday, 2024
        assertThat(johor.isWeekend(LocalDate.of(2024, 12, 29))).isFalse(); // Sunday, 2024
        assertThat(johor.isWeekend(LocalDate.of(2025, 1, 3))).isFalse(); // Friday, 2025
        assertThat(johor.isWeekend(LocalDate.of(2025, 1, 5))).isTrue(); // Sunday, 2025
    }

    @Test
    void elsewhereTheWeekendIsSaturdayAndSunday() {
        for (WorkingWeek week : new WorkingWeek[] { WorkingWeek.of("FR", "FR-ARA"), WorkingWeek.of("MY", "MY-14"),
                WorkingWeek.of("JP", "") }) {
            assertThat(week.isWeekend(LocalDate.of(2027, 3, 5))).isFalse();
            assertThat(week.isWeekend(LocalDate.of(2027, 3, 6))).isTrue();
            assertThat(week.isWeekend(LocalDate.of(2027, 3, 7))).isTrue();
            assertThat(week.weekendLength(LocalDate.of(2027, 3, 7))).isEqualTo(2);
        }
    }
}
