package eu.iucplanner.reference;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * Answers "is this date a public holiday in country X, and which one" for every country of the default call mapping,
 * for the years {@value #FIRST_YEAR} to {@value #LAST_YEAR}. National public holidays come from jollyday 2.19.0
 * (Apache-2.0), except for China, South Korea, Indonesia, Malaysia and Thailand, which jollyday does not cover: theirs
 * come from the committed {@code holidays-date-holidays.csv}, generated from the npm package date-holidays (data
 * CC BY-SA 3.0). Regional holidays (a German Land, a US state) are not included.
 */
public final class HolidayCalendar {

    public static final int FIRST_YEAR = 2024;
    public static final int LAST_YEAR = 2032;

    /** Countries whose holidays come from the generated date-holidays file. */
    public static final Set<String> FROM_DATE_HOLIDAYS = Set.of("CN", "KR", "ID", "MY", "TH");

    private static volatile HolidayCalendar instance;

    private final Map<String, List<PublicHoliday>> fileHolidays;
    private final Map<String, HolidayManager> managers = new ConcurrentHashMap<>();
    private final Map<String, List<PublicHoliday>> cache = new ConcurrentHashMap<>();

    private HolidayCalendar(Map<String, List<PublicHoliday>> fileHolidays) {
        this.fileHolidays = fileHolidays;
    }

    public static HolidayCalendar get() {
        HolidayCalendar loaded = instance;
        if (loaded == null) {
            synchronized (HolidayCalendar.class) {
                loaded = instance;
                if (loaded == null) {
                    Map<String, List<PublicHoliday>> byCountryYear = new HashMap<>();
                    for (String[] row : Csv.readResource(ReferenceData.BASE + "holidays-date-holidays.csv")) {
                        LocalDate date = LocalDate.parse(row[1]);
                        byCountryYear.computeIfAbsent(key(row[0], date.getYear()), k -> new ArrayList<>())
                                .add(new PublicHoliday(row[0], date, row[2]));
                    }
                    loaded = new HolidayCalendar(byCountryYear);
                    instance = loaded;
                }
            }
        }
        return loaded;
    }

    /** Whether the country is covered (it has a calendar in jollyday or in the generated file). */
    public boolean covers(String country) {
        return FROM_DATE_HOLIDAYS.contains(country)
                || HolidayManager.getSupportedCalendarCodes().contains(country.toUpperCase(Locale.ROOT));
    }

    /** The national public holidays of a country in a year, by date. */
    public List<PublicHoliday> holidays(String country, int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException(
                    "Holidays are known for " + FIRST_YEAR + " to " + LAST_YEAR + ", not " + year);
        }
        if (!covers(country)) {
            throw new IllegalArgumentException("No holiday calendar for country " + country);
        }
        return cache.computeIfAbsent(key(country, year), k -> load(country, year));
    }

    /** The public holidays on that date (usually none, sometimes two on one day). */
    public List<PublicHoliday> holidaysOn(String country, LocalDate date) {
        return holidays(country, date.getYear()).stream().filter(holiday -> holiday.date().equals(date)).toList();
    }

    public Optional<PublicHoliday> holiday(String country, LocalDate date) {
        return holidaysOn(country, date).stream().findFirst();
    }

    public boolean isPublicHoliday(String country, LocalDate date) {
        return !holidaysOn(country, date).isEmpty();
    }

    private List<PublicHoliday> load(String country, int year) {
        if (FROM_DATE_HOLIDAYS.contains(country)) {
            return List.copyOf(fileHolidays.getOrDefault(key(country, year), List.of()));
        }
        HolidayManager manager = managers.computeIfAbsent(country,
                code -> HolidayManager.getInstance(ManagerParameters.create(code.toLowerCase(Locale.ROOT))));
        List<PublicHoliday> holidays = new ArrayList<>();
        for (Holiday holiday : manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY)) {
            LocalDate date = holiday.getActualDate();
            holidays.add(new PublicHoliday(country, date, holiday.getDescription(Locale.ENGLISH)));
        }
        holidays.sort(Comparator.comparing(PublicHoliday::date).thenComparing(PublicHoliday::name));
        return List.copyOf(holidays);
    }

    private static String key(String country, int year) {
        return country + ":" + year;
    }
}
