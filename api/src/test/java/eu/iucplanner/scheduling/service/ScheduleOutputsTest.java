package eu.iucplanner.scheduling.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class ScheduleOutputsTest {

    @Test
    void aTimeZoneCarriesItsOffsetAtTheStartAndEveryTransitionOfTheYears() {
        StringBuilder out = new StringBuilder();
        ScheduleOutputs.timeZone(out, ZoneId.of("Europe/Paris"), 2027, 2027);
        String zone = out.toString();
        assertThat(zone).startsWith("BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n");
        // 1 January, then summer time from 28 March 2027 (02:00 local) and winter time from 31 October (03:00).
        assertThat(zone).contains("BEGIN:STANDARD\r\nDTSTART:20270101T010000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0100",
                "BEGIN:DAYLIGHT\r\nDTSTART:20270328T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200",
                "BEGIN:STANDARD\r\nDTSTART:20271031T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100");
        assertThat(zone.split("BEGIN:STANDARD|BEGIN:DAYLIGHT")).hasSize(4);
    }

    @Test
    void aZoneWithoutDaylightSavingTimeHasOneComponent() {
        StringBuilder out = new StringBuilder();
        ScheduleOutputs.timeZone(out, ZoneId.of("Asia/Kolkata"), 2027, 2028);
        assertThat(out.toString()).contains("TZOFFSETFROM:+0530\r\nTZOFFSETTO:+0530");
        assertThat(out.toString().split("BEGIN:STANDARD|BEGIN:DAYLIGHT")).hasSize(2);
    }

    @Test
    void textIsEscapedAndControlCharactersAreDropped() {
        assertThat(ScheduleOutputs.text("Lyon, \"Métropole\"; A\\B\r\nnext\u0007")).isEqualTo(
                "Lyon\\, \"Métropole\"\\; A\\\\B\\nnext");
        assertThat(ScheduleOutputs.uid("lyon-boston", "KICK_OFF")).isEqualTo("lyon-boston/KICK_OFF@iuc-planner");
    }
}
