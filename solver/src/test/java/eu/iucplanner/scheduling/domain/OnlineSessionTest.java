package eu.iucplanner.scheduling.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class OnlineSessionTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Test
    void twoHoursInsideBothOfficeHoursInTheMiddleOfTheOverlap() {
        // 16 March 2027: New York is on summer time (from 14 March), Paris not yet (from 28 March): 5 hours apart.
        // Office hours overlap from 14:00 to 17:00 in Paris; two-hour sessions may start 14:00 to 15:00.
        OnlineSession session = OnlineSession.on(LocalDate.of(2027, 3, 16), PARIS, NEW_YORK);
        assertThat(session.minutesOutsideOfficeHours()).isZero();
        assertThat(session.start().toLocalTime()).isEqualTo(LocalTime.of(14, 30));
        assertThat(session.startIn(NEW_YORK).toLocalTime()).isEqualTo(LocalTime.of(9, 30));
    }

    @Test
    void daylightSavingTimeOnTheDateMovesTheSession() {
        // 30 March 2027: both on summer time, 6 hours apart: only 15:00 to 17:00 in Paris fits both.
        OnlineSession session = OnlineSession.on(LocalDate.of(2027, 3, 30), PARIS, NEW_YORK);
        assertThat(session.minutesOutsideOfficeHours()).isZero();
        assertThat(session.start().toLocalTime()).isEqualTo(LocalTime.of(15, 0));
        assertThat(session.startIn(NEW_YORK).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
    }

    @Test
    void withoutAnOverlapTheLeastBadSessionSharesTheInconvenience() {
        // Paris and Tokyo are 8 hours apart in winter: no two hours fit both; every least bad start costs 120
        // minutes, and the middle one costs each city an hour (8:00-10:00 in Paris, 16:00-18:00 in Tokyo).
        OnlineSession session = OnlineSession.on(LocalDate.of(2027, 2, 9), PARIS, TOKYO);
        assertThat(session.minutesOutsideOfficeHours()).isEqualTo(120);
        assertThat(session.start().toLocalTime()).isEqualTo(LocalTime.of(8, 0));
        assertThat(session.startIn(TOKYO).toLocalTime()).isEqualTo(LocalTime.of(16, 0));
    }
}
