package eu.iucplanner.reference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Answers "is this date a public holiday in country X (and subdivision Y), and which one" for every country of the
 * default call mapping, for the years {@value #FIRST_YEAR} to {@value #LAST_YEAR}, and lists the cultural periods that
 * are not holidays but make an exchange harder (Ramadan, Lunar New Year weeks, the August season, monsoons).
 * <p>
 * The committed {@code holidays.csv} is generated from python-holidays (MIT) with observed and substitute days and
 * multi-day festivals, corrected from official-data packages where they have the year (see {@code ATTRIBUTION.md});
 * {@code soft-periods.csv} holds the soft periods. National holidays apply in every subdivision; a subdivision's own
 * holidays are keyed by its ISO 3166-2 code, as {@link City#subdivision()} gives it. Regenerate both with
 * {@code data/reference/refresh.sh}.
 */
public final class HolidayCalendar {

    public static final int FIRST_YEAR = 2024;
    public static final int LAST_YEAR = 2035;

    private static volatile HolidayCalendar instance;

    /** Country, then year: national holidays by date. */
    private final Map<String, Map<Integer, List<PublicHoliday>>> national;
    /** Subdivision, then year: the subdivision's own holidays by date. */
    private final Map<String, Map<Integer, List<PublicHoliday>>> regional;
    private final Map<String, List<SoftPeriod>> softPeriods;

    private HolidayCalendar(Map<String, Map<Integer, List<PublicHoliday>>> national,
            Map<String, Map<Integer, List<PublicHoliday>>> regional, Map<String, List<SoftPeriod>> softPeriods) {
        this.national = national;
        this.regional = regional;
        this.softPeriods = softPeriods;
    }

    public static HolidayCalendar get() {
        HolidayCalendar loaded = instance;
        if (loaded == null) {
            synchronized (HolidayCalendar.class) {
                loaded = instance;
                if (loaded == null) {
                    loaded = load();
                    instance = loaded;
                }
            }
        }
        return loaded;
    }

    private static HolidayCalendar load() {
        Map<String, Map<Integer, List<PublicHoliday>>> national = new HashMap<>();
        Map<String, Map<Integer, List<PublicHoliday>>> regional = new HashMap<>();
        for (String[] row : Csv.readResource(ReferenceData.BASE + "holidays.csv")) {
            LocalDate date = LocalDate.parse(row[2]);
            Optional<String> subdivision = row[1].isEmpty() ? Optional.empty() : Optional.of(row[1]);
            PublicHoliday holiday = new PublicHoliday(row[0], date, row[3], subdivision, row[4]);
            (subdivision.isEmpty() ? national : regional)
                    .computeIfAbsent(subdivision.orElse(row[0]), key -> new HashMap<>())
                    .computeIfAbsent(date.getYear(), year -> new ArrayList<>()).add(holiday);
        }
        Map<String, List<SoftPeriod>> softPeriods = new HashMap<>();
        for (String[] row : Csv.readResource(ReferenceData.BASE + "soft-periods.csv")) {
            softPeriods.computeIfAbsent(row[0], key -> new ArrayList<>())
                    .add(new SoftPeriod(row[0], LocalDate.parse(row[1]), LocalDate.parse(row[2]), row[3], row[4]));
        }
        softPeriods.replaceAll((country, periods) -> List.copyOf(periods));
        return new HolidayCalendar(sorted(national), sorted(regional), Map.copyOf(softPeriods));
    }

    private static Map<String, Map<Integer, List<PublicHoliday>>> sorted(
            Map<String, Map<Integer, List<PublicHoliday>>> byKeyYear) {
        Comparator<PublicHoliday> order = Comparator.comparing(PublicHoliday::date).thenComparing(PublicHoliday::name);
        Map<String, Map<Integer, List<PublicHoliday>>> copy = new HashMap<>();
        byKeyYear.forEach((key, byYear) -> {
            Map<Integer, List<PublicHoliday>> years = new HashMap<>();
            byYear.forEach((year, holidays) -> years.put(year, holidays.stream().sorted(order).toList()));
            copy.put(key, Map.copyOf(years));
        });
        return Map.copyOf(copy);
    }

    /** Whether the country has a calendar. */
    public boolean covers(String country) {
        return national.containsKey(country);
    }

    /** The subdivisions (ISO 3166-2) of a country that have holidays of their own, sorted. */
    public Set<String> subdivisions(String country) {
        Set<String> codes = new TreeSet<>();
        regional.keySet().stream().filter(code -> code.startsWith(country + "-")).forEach(codes::add);
        return Collections.unmodifiableSet(codes);
    }

    /** The national public holidays of a country in a year, by date. */
    public List<PublicHoliday> holidays(String country, int year) {
        checkYear(year);
        if (!covers(country)) {
            throw new IllegalArgumentException("No holiday calendar for country " + country);
        }
        return national.get(country).getOrDefault(year, List.of());
    }

    /**
     * The public holidays in a subdivision in a year, by date: the national ones and the subdivision's own. A
     * subdivision without holidays of its own (or none given: null or empty) has the national ones only.
     *
     * @param subdivision ISO 3166-2 code, e.g. {@code IN-MH}, {@code US-CA}
     */
    public List<PublicHoliday> holidays(String country, String subdivision, int year) {
        List<PublicHoliday> nationalHolidays = holidays(country, year);
        if (subdivision == null || subdivision.isEmpty()) {
            return nationalHolidays;
        }
        if (!subdivision.startsWith(country + "-")) {
            throw new IllegalArgumentException("Subdivision " + subdivision + " is not in country " + country);
        }
        List<PublicHoliday> own = regional.getOrDefault(subdivision, Map.of()).getOrDefault(year, List.of());
        if (own.isEmpty()) {
            return nationalHolidays;
        }
        return Stream.concat(nationalHolidays.stream(), own.stream())
                .sorted(Comparator.comparing(PublicHoliday::date).thenComparing(PublicHoliday::name)).toList();
    }

    /** The national public holidays on that date (usually none, sometimes two on one day). */
    public List<PublicHoliday> holidaysOn(String country, LocalDate date) {
        return holidays(country, date.getYear()).stream().filter(holiday -> holiday.date().equals(date)).toList();
    }

    /** The public holidays on that date in a subdivision, national ones included. */
    public List<PublicHoliday> holidaysOn(String country, String subdivision, LocalDate date) {
        return holidays(country, subdivision, date.getYear()).stream()
                .filter(holiday -> holiday.date().equals(date)).toList();
    }

    public Optional<PublicHoliday> holiday(String country, LocalDate date) {
        return holidaysOn(country, date).stream().findFirst();
    }

    public Optional<PublicHoliday> holiday(String country, String subdivision, LocalDate date) {
        return holidaysOn(country, subdivision, date).stream().findFirst();
    }

    public boolean isPublicHoliday(String country, LocalDate date) {
        return !holidaysOn(country, date).isEmpty();
    }

    public boolean isPublicHoliday(String country, String subdivision, LocalDate date) {
        return !holidaysOn(country, subdivision, date).isEmpty();
    }

    /** The soft periods of a country that overlap the year, by start date. */
    public List<SoftPeriod> softPeriods(String country, int year) {
        checkYear(year);
        return softPeriods.getOrDefault(country, List.of()).stream().filter(period -> period.overlapsYear(year))
                .toList();
    }

    /** The soft periods of a country that contain the date. */
    public List<SoftPeriod> softPeriodsOn(String country, LocalDate date) {
        return softPeriods(country, date.getYear()).stream().filter(period -> period.contains(date)).toList();
    }

    private static void checkYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException(
                    "Holidays are known for " + FIRST_YEAR + " to " + LAST_YEAR + ", not " + year);
        }
    }
}
