package eu.iucplanner.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import eu.iucplanner.pairing.domain.CallRules;

/**
 * Holidays that the committed calendar must have in 2025, 2026 and 2027, each checked against the official source
 * named in its comment; and the disagreement report between the two holiday sources, recomputed from the committed
 * files. The complaints about the former calendar (jollyday and date-holidays) are the cases here.
 */
class HolidayCalendarGoldenTest {

    private static final Path REPORT = Path.of("reference/holiday-disagreements.md");

    private final HolidayCalendar calendar = HolidayCalendar.get();

    // Viet Nam: Labour Code 2019 (Bộ luật Lao động 45/2019/QH14), Article 112(1)(b): five days off for Tết; the
    // government's annual notice places them (2025: 25 January to 2 February with the weekends; 2026: 14 to 22
    // February; 2027 by the statutory five days around New Year's Eve).
    @ParameterizedTest
    @ValueSource(ints = { 2025, 2026, 2027 })
    void tetIsAtLeastFiveConsecutiveDaysOffInVietnam(int year) {
        LocalDate tet = Map.of(2025, LocalDate.of(2025, 1, 29), 2026, LocalDate.of(2026, 2, 17), 2027,
                LocalDate.of(2027, 2, 6)).get(year);
        assertThat(holidayRun("VN", tet)).as("consecutive Tết holidays around %s", tet).isGreaterThanOrEqualTo(5);
    }

    // China: State Council General Office notices on the holiday arrangements of 2025 (published November 2024) and
    // 2026 (published November 2025): Spring Festival 28 January-4 February 2025 and 15-23 February 2026; Labour Day
    // 1-5 May both years; National Day (with Mid-Autumn) 1-8 October 2025 and 1-7 October 2026.
    @Test
    void springFestivalAndGoldenWeeksInChinaAsTheStateCouncilNoticesSay() {
        assertOff("CN", LocalDate.of(2025, 1, 28), LocalDate.of(2025, 2, 4));
        assertOff("CN", LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 5));
        assertOff("CN", LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 8));
        assertOff("CN", LocalDate.of(2026, 2, 15), LocalDate.of(2026, 2, 23));
        assertOff("CN", LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 5));
        assertOff("CN", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 7));
    }

    // China 2027: no notice in the source yet (it comes in November 2026); the National Annual Festivals and
    // Memorial Days Holiday Measures (State Council, amended November 2024) give Spring Festival's eve and first three
    // days, 1-2 May and 1-3 October, moved off weekends: Spring Festival 5-10 February, 1-4 May, 1-5 October 2027.
    @Test
    void statutoryGoldenWeeksInChinaIn2027() {
        assertOff("CN", LocalDate.of(2027, 2, 5), LocalDate.of(2027, 2, 10));
        assertOff("CN", LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 4));
        assertOff("CN", LocalDate.of(2027, 10, 1), LocalDate.of(2027, 10, 5));
        assertThat(offRun("CN", LocalDate.of(2027, 2, 6))).isGreaterThanOrEqualTo(6);
    }

    // India: Department of Personnel and Training, holidays of central government offices (gazetted list) for 2025
    // (Holi 14 March, Id-ul-Fitr 31 March, Dussehra 2 October, Diwali 20 October) and 2026 (Holi 4 March, Id-ul-Fitr
    // 21 March, Dussehra 20 October, Diwali 8 November); 2027 by the Hindu and Islamic calendars (the list for 2027
    // is not out in the source's version).
    @Test
    void holiDiwaliDussehraAndEidInIndia() {
        assertHoliday("IN", LocalDate.of(2025, 3, 14), "Holi");
        assertHoliday("IN", LocalDate.of(2025, 3, 31), "Eid al-Fitr");
        assertHoliday("IN", LocalDate.of(2025, 10, 2), "Dussehra");
        assertHoliday("IN", LocalDate.of(2025, 10, 20), "Diwali");
        assertHoliday("IN", LocalDate.of(2026, 3, 4), "Holi");
        assertHoliday("IN", LocalDate.of(2026, 3, 21), "Eid al-Fitr");
        assertHoliday("IN", LocalDate.of(2026, 10, 20), "Dussehra");
        assertHoliday("IN", LocalDate.of(2026, 11, 8), "Diwali");
        assertHoliday("IN", LocalDate.of(2027, 3, 22), "Holi");
        assertHoliday("IN", LocalDate.of(2027, 10, 29), "Diwali");
        assertThat(names("IN", 2027)).anyMatch(name -> name.startsWith("Eid al-Fitr"))
                .anyMatch(name -> name.startsWith("Eid al-Adha")).contains("Dussehra");
        for (int year = 2025; year <= 2027; year++) {
            assertThat(calendar.holidays("IN", year).stream().map(PublicHoliday::date).distinct().count())
                    .as("gazetted holidays of %d", year).isBetween(14L, 19L);
        }
    }

    // Thailand: Secretariat of the Cabinet, annual public holidays by the Thai lunar calendar: Makha Bucha 12 February,
    // Visakha Bucha 11 May, Asalha Bucha 10 July 2025; 3 March, 31 May, 29 July 2026; 21 February, 20 May, 18 July
    // 2027.
    @Test
    void thaiBuddhistDays() {
        assertHoliday("TH", LocalDate.of(2025, 2, 12), "Makha Bucha");
        assertHoliday("TH", LocalDate.of(2025, 5, 11), "Visakha Bucha");
        assertHoliday("TH", LocalDate.of(2025, 7, 10), "Asarnha Bucha");
        assertHoliday("TH", LocalDate.of(2026, 3, 3), "Makha Bucha");
        assertHoliday("TH", LocalDate.of(2026, 5, 31), "Visakha Bucha");
        assertHoliday("TH", LocalDate.of(2026, 7, 29), "Asarnha Bucha");
        assertHoliday("TH", LocalDate.of(2027, 2, 21), "Makha Bucha");
        assertHoliday("TH", LocalDate.of(2027, 5, 20), "Visakha Bucha");
        assertHoliday("TH", LocalDate.of(2027, 7, 18), "Asarnha Bucha");
        // On a Sunday, the Monday after is off in lieu.
        assertHoliday("TH", LocalDate.of(2026, 6, 1), "Visakha Bucha (in lieu)");
    }

    // Japan: Act on National Holidays (Act No. 178 of 1948) as amended in 2017: the Emperor's Birthday is 23 February
    // from 2020; the equinox days are those the National Astronomical Observatory announces in the official gazette
    // each February for the next year (20 March and 23 September 2025 and 2026; 21 March and 23 September 2027).
    @Test
    void japaneseEquinoxesAndTheEmperorsBirthday() {
        for (int year = 2025; year <= 2027; year++) {
            assertHoliday("JP", LocalDate.of(year, 2, 23), "Emperor's Birthday");
            assertThat(calendar.isPublicHoliday("JP", LocalDate.of(year, 12, 23))).as("23 December %d", year)
                    .isFalse();
            assertHoliday("JP", LocalDate.of(year, 9, 23), "Autumnal Equinox Day");
        }
        assertHoliday("JP", LocalDate.of(2025, 3, 20), "Vernal Equinox Day");
        assertHoliday("JP", LocalDate.of(2026, 3, 20), "Vernal Equinox Day");
        assertHoliday("JP", LocalDate.of(2027, 3, 21), "Vernal Equinox Day");
        assertHoliday("JP", LocalDate.of(2027, 3, 22), "Substitute Holiday");
    }

    // Korea: Regulations on Holidays of Government Offices (관공서의 공휴일에 관한 규정), Article 2: Seollal and Chuseok
    // are each the day before, the day and the day after; dates from the KASA almanac (월력요항): Seollal 29 January
    // 2025, 17 February 2026, 7 February 2027; Chuseok 6 October 2025, 25 September 2026, 15 September 2027.
    @Test
    void seollalAndChuseokWithEveAndDayAfterInKorea() {
        for (LocalDate day : List.of(LocalDate.of(2025, 1, 29), LocalDate.of(2025, 10, 6), LocalDate.of(2026, 2, 17),
                LocalDate.of(2026, 9, 25), LocalDate.of(2027, 2, 7), LocalDate.of(2027, 9, 15))) {
            assertThat(calendar.isPublicHoliday("KR", day.minusDays(1))).as("eve of %s", day).isTrue();
            assertThat(calendar.isPublicHoliday("KR", day)).as("%s", day).isTrue();
            assertThat(calendar.isPublicHoliday("KR", day.plusDays(1))).as("day after %s", day).isTrue();
        }
        assertHoliday("KR", LocalDate.of(2025, 10, 6), "Chuseok");
        // Seollal 2027 falls on a Sunday: a substitute day follows (Article 3).
        assertHoliday("KR", LocalDate.of(2027, 2, 9), "Alternative holiday for Korean New Year");
    }

    // Colombia: Ley 51 de 1983 (Ley Emiliani): Epiphany, St Joseph and the other movable feasts are observed on the
    // following Monday. Epiphany: 6 January 2025 is a Monday; 12 January 2026; 11 January 2027.
    @Test
    void colombianHolidaysMoveToMonday() {
        assertHoliday("CO", LocalDate.of(2025, 1, 6), "Epiphany");
        assertHoliday("CO", LocalDate.of(2026, 1, 12), "Epiphany (observed)");
        assertHoliday("CO", LocalDate.of(2027, 1, 11), "Epiphany (observed)");
        assertThat(calendar.isPublicHoliday("CO", LocalDate.of(2026, 1, 6))).isFalse();
        assertThat(calendar.isPublicHoliday("CO", LocalDate.of(2027, 1, 6))).isFalse();
        assertHoliday("CO", LocalDate.of(2025, 3, 24), "Saint Joseph's Day (observed)");
        for (int year = 2025; year <= 2027; year++) {
            assertThat(calendar.holidays("CO", year)).filteredOn(holiday -> holiday.name().endsWith("(observed)"))
                    .as("moved holidays of %d", year).hasSizeGreaterThanOrEqualTo(8)
                    .allMatch(holiday -> holiday.date().getDayOfWeek() == DayOfWeek.MONDAY);
        }
    }

    // United States: 5 U.S.C. 6103(b) and Executive Order 11582: a holiday on a Saturday is observed on the Friday
    // before, on a Sunday on the Monday after. Canada: a federal holiday on a weekend is observed on the next working
    // day (Canada Labour Code, s. 195-196). New Zealand: Holidays Act 2003, s. 45A ("Mondayisation").
    @ParameterizedTest
    @ValueSource(ints = { 2025, 2026, 2027 })
    void observedDaysInTheUsCanadaAndNewZealand(int year) {
        assertObservedWhenOnAWeekend("US", year, List.of(MonthDay.of(1, 1), MonthDay.of(6, 19), MonthDay.of(7, 4),
                MonthDay.of(11, 11), MonthDay.of(12, 25)), true);
        assertObservedWhenOnAWeekend("CA", year, List.of(MonthDay.of(1, 1), MonthDay.of(7, 1), MonthDay.of(12, 25)),
                false);
        assertObservedWhenOnAWeekend("NZ", year, List.of(MonthDay.of(1, 1), MonthDay.of(1, 2), MonthDay.of(2, 6),
                MonthDay.of(4, 25), MonthDay.of(12, 25), MonthDay.of(12, 26)), false);
    }

    @Test
    void observedDaysOnKnownDates() {
        assertHoliday("US", LocalDate.of(2026, 7, 3), "Independence Day (observed)");
        assertHoliday("US", LocalDate.of(2027, 12, 24), "Christmas Day (observed)");
        assertHoliday("US", LocalDate.of(2027, 7, 5), "Independence Day (observed)");
        assertHoliday("CA", LocalDate.of(2027, 12, 27), "Christmas Day (observed)");
        assertHoliday("NZ", LocalDate.of(2026, 4, 27), "Anzac Day (observed)");
        assertHoliday("NZ", LocalDate.of(2027, 2, 8), "Waitangi Day (observed)");
    }

    // Cyprus: public holidays of the Republic of Cyprus (Ministry of Labour list) follow Orthodox Easter: Good Friday,
    // Easter Monday and Green Monday by the Julian computus. 2026 and 2027 are years where the two Easters differ.
    @ParameterizedTest
    @ValueSource(ints = { 2025, 2026, 2027 })
    void orthodoxEasterInCyprus(int year) {
        LocalDate easter = orthodoxEaster(year);
        assertHoliday("CY", easter.minusDays(2), "Good Friday");
        assertHoliday("CY", easter.plusDays(1), "Easter Monday");
        assertHoliday("CY", easter.minusDays(48), "Green Monday");
        LocalDate western = westernEaster(year);
        if (!western.equals(easter)) {
            assertThat(calendar.isPublicHoliday("CY", western.plusDays(1))).as("Western Easter Monday").isFalse();
            assertThat(calendar.isPublicHoliday("CY", western.minusDays(2))).as("Western Good Friday").isFalse();
        }
    }

    // Ireland: Organisation of Working Time Act 1997 as amended by S.I. 2022/58: St Brigid's Day is the first Monday
    // in February, or 1 February when that is a Friday.
    @ParameterizedTest
    @ValueSource(ints = { 2025, 2026, 2027 })
    void saintBrigidsDayInIreland(int year) {
        LocalDate first = LocalDate.of(year, 2, 1);
        LocalDate expected = first.getDayOfWeek() == DayOfWeek.FRIDAY ? first
                : first.with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
        assertHoliday("IE", expected, "Saint Brigid's Day");
    }

    /**
     * The two sources compared as {@code holidays_from_python_holidays.py} compares them for
     * {@code holiday-disagreements.md}: per country and year, the national dates only in {@code holidays.csv} and the
     * dates only in the cross-check. Fails when the committed report says otherwise.
     */
    @Test
    void theDisagreementReportMatchesTheCommittedSources() throws IOException {
        Map<String, Set<LocalDate>> crossCheck = new HashMap<>();
        for (String[] row : Csv.readResource(ReferenceData.BASE + "holidays-crosscheck.csv")) {
            LocalDate date = LocalDate.parse(row[1]);
            crossCheck.computeIfAbsent(row[0] + " " + date.getYear(), key -> new TreeSet<>()).add(date);
        }
        Map<String, List<Set<LocalDate>>> computed = new HashMap<>();
        for (String country : CallRules.defaultCountryRegions().keySet()) {
            for (int year = HolidayCalendar.FIRST_YEAR; year <= HolidayCalendar.LAST_YEAR; year++) {
                Set<LocalDate> ours = calendar.holidays(country, year).stream().map(PublicHoliday::date)
                        .collect(Collectors.toCollection(TreeSet::new));
                Set<LocalDate> theirs = crossCheck.getOrDefault(country + " " + year, Set.of());
                Set<LocalDate> onlyOurs = new TreeSet<>(ours);
                onlyOurs.removeAll(theirs);
                Set<LocalDate> onlyTheirs = new TreeSet<>(theirs);
                onlyTheirs.removeAll(ours);
                if (!onlyOurs.isEmpty() || !onlyTheirs.isEmpty()) {
                    computed.put(country + " " + year, List.of(onlyOurs, onlyTheirs));
                }
            }
        }
        assertThat(reportedDisagreements()).isEqualTo(computed);
        assertThat(computed).containsKey("IN 2026").doesNotContainKey("JP 2026");
    }

    /** The report's tables: "country year" to [dates only in holidays.csv, dates only in the cross-check]. */
    private static Map<String, List<Set<LocalDate>>> reportedDisagreements() throws IOException {
        Pattern section = Pattern.compile("^## ([A-Z]{2})$");
        Pattern row = Pattern.compile("^\\| (\\d{4}) \\|(.*)\\|(.*)\\|$");
        Map<String, List<Set<LocalDate>>> reported = new HashMap<>();
        String country = null;
        for (String line : Files.readAllLines(REPORT, StandardCharsets.UTF_8)) {
            Matcher heading = section.matcher(line);
            if (heading.matches()) {
                country = heading.group(1);
            } else if (line.startsWith("## ")) {
                country = null;
            } else if (country != null) {
                Matcher cells = row.matcher(line);
                if (cells.matches()) {
                    reported.put(country + " " + cells.group(1), List.of(dates(cells.group(2)), dates(cells.group(3))));
                }
            }
        }
        return reported;
    }

    private static Set<LocalDate> dates(String cell) {
        Set<LocalDate> dates = new TreeSet<>();
        Matcher matcher = Pattern.compile("\\d{4}-\\d{2}-\\d{2}").matcher(cell);
        while (matcher.find()) {
            dates.add(LocalDate.parse(matcher.group()));
        }
        return dates;
    }

    private void assertHoliday(String country, LocalDate date, String name) {
        assertThat(calendar.holidaysOn(country, date)).as("%s %s", country, date).extracting(PublicHoliday::name)
                .anyMatch(actual -> actual.equals(name) || actual.startsWith(name + " ("));
    }

    /** Every day from start to end is a public holiday or a weekend day. */
    private void assertOff(String country, LocalDate start, LocalDate end) {
        for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
            assertThat(isOff(country, day)).as("%s %s is off", country, day).isTrue();
        }
    }

    private boolean isOff(String country, LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY
                || calendar.isPublicHoliday(country, day);
    }

    /** The number of consecutive public holidays around the date (the date included). */
    private int holidayRun(String country, LocalDate date) {
        int run = calendar.isPublicHoliday(country, date) ? 1 : 0;
        for (LocalDate day = date.minusDays(1); calendar.isPublicHoliday(country, day); day = day.minusDays(1)) {
            run++;
        }
        for (LocalDate day = date.plusDays(1); calendar.isPublicHoliday(country, day); day = day.plusDays(1)) {
            run++;
        }
        return run;
    }

    /** The number of consecutive days off (holiday or weekend) around the date. */
    private int offRun(String country, LocalDate date) {
        int run = 1;
        for (LocalDate day = date.minusDays(1); isOff(country, day); day = day.minusDays(1)) {
            run++;
        }
        for (LocalDate day = date.plusDays(1); isOff(country, day); day = day.plusDays(1)) {
            run++;
        }
        return run;
    }

    /**
     * Each fixed-date holiday on a weekend has an observed day: the Friday before a Saturday one where
     * {@code fridayForSaturday} (US), else the next weekday that is not already a holiday.
     */
    private void assertObservedWhenOnAWeekend(String country, int year, List<MonthDay> fixed,
            boolean fridayForSaturday) {
        for (MonthDay monthDay : fixed) {
            LocalDate date = monthDay.atYear(year);
            assertThat(calendar.isPublicHoliday(country, date)).as("%s %s", country, date).isTrue();
            DayOfWeek weekday = date.getDayOfWeek();
            if (weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY) {
                continue;
            }
            String name = calendar.holiday(country, date).orElseThrow().name();
            boolean observed = fridayForSaturday && weekday == DayOfWeek.SATURDAY
                    ? names(country, date.minusDays(1)).contains(name + " (observed)")
                    : List.of(1, 2, 3).stream().map(date::plusDays)
                            .anyMatch(day -> names(country, day).contains(name + " (observed)"));
            assertThat(observed).as("%s %s (%s, %s) is observed on a weekday", country, date, name, weekday)
                    .isTrue();
        }
    }

    private List<String> names(String country, LocalDate date) {
        return calendar.holidaysOn(country, date).stream().map(PublicHoliday::name).toList();
    }

    private List<String> names(String country, int year) {
        return calendar.holidays(country, year).stream().map(PublicHoliday::name).toList();
    }

    /** Orthodox Easter (Meeus' Julian algorithm), as a Gregorian date (valid 1900-2099). */
    static LocalDate orthodoxEaster(int year) {
        int a = year % 4;
        int b = year % 7;
        int c = year % 19;
        int d = (19 * c + 15) % 30;
        int e = (2 * a + 4 * b - d + 34) % 7;
        int month = (d + e + 114) / 31;
        int day = (d + e + 114) % 31 + 1;
        return LocalDate.of(year, month, day).plusDays(13);
    }

    /** Western Easter (anonymous Gregorian algorithm). */
    static LocalDate westernEaster(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
