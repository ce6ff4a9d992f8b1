package eu.iucplanner.reference;

import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import eu.iucplanner.pairing.domain.ProgrammeRegion;

/**
 * The committed reference data: cities of at least 50,000 inhabitants in the countries of the default call mapping
 * (and, for looking applicants up, towns of 15,000 to 49,999),
 * the first-level subdivisions of those countries (the regions of a region-to-region call), every ISO country with its
 * official languages, and the ISO 639-1 languages. Loaded once from the CSV files under
 * {@code eu/iucplanner/reference/}; regenerate them with {@code data/reference/refresh.sh}.
 */
public final class ReferenceData {

    static final String BASE = "/eu/iucplanner/reference/";

    private static volatile ReferenceData instance;

    private final List<City> cities;
    private final List<City> towns;
    private final Map<String, Country> countries;
    private final Map<String, Language> languages;
    private final Map<String, Subdivision> subdivisions;

    private ReferenceData(List<City> cities, List<City> towns, Map<String, Country> countries,
            Map<String, Language> languages, Map<String, Subdivision> subdivisions) {
        this.cities = cities;
        this.towns = towns;
        this.countries = countries;
        this.languages = languages;
        this.subdivisions = subdivisions;
    }

    public static ReferenceData get() {
        ReferenceData loaded = instance;
        if (loaded == null) {
            synchronized (ReferenceData.class) {
                loaded = instance;
                if (loaded == null) {
                    loaded = load();
                    instance = loaded;
                }
            }
        }
        return loaded;
    }

    private static ReferenceData load() {
        List<City> cities = places("cities.csv");
        List<City> towns = places("towns.csv");
        Map<String, Country> countries = new LinkedHashMap<>();
        for (String[] row : Csv.readResource(BASE + "countries.csv")) {
            List<String> languages = row[3].isEmpty() ? List.of() : Arrays.asList(row[3].split(";"));
            countries.put(row[0], new Country(row[0], row[1], row[2], List.copyOf(languages),
                    row[4].isEmpty() ? Optional.empty() : Optional.of(ProgrammeRegion.valueOf(row[4]))));
        }
        Map<String, Language> languages = new LinkedHashMap<>();
        for (String[] row : Csv.readResource(BASE + "languages.csv")) {
            languages.put(row[0], new Language(row[0], row[1], row[2]));
        }
        Map<String, Subdivision> subdivisions = new LinkedHashMap<>();
        for (String[] row : Csv.readResource(BASE + "regions.csv")) {
            subdivisions.put(row[4], new Subdivision(row[4], row[1], row[2], row[3], row[5],
                    row[0].isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(row[0]))));
        }
        return new ReferenceData(cities, towns, Collections.unmodifiableMap(countries),
                Collections.unmodifiableMap(languages), Collections.unmodifiableMap(subdivisions));
    }

    private static List<City> places(String file) {
        return Csv.readResource(BASE + file).stream()
                .map(row -> new City(Long.parseLong(row[0]), row[1], row[2], row[3], Long.parseLong(row[4]),
                        Double.parseDouble(row[5]), Double.parseDouble(row[6]),
                        optional(row[7]), optional(row[8])))
                .sorted(Comparator.comparing(City::country).thenComparing(Comparator.comparingLong(
                        City::population).reversed()).thenComparingLong(City::geonamesId))
                .toList();
    }

    /**
     * Towns of 15,000 to 49,999 inhabitants in the same countries, for looking applicants up only (real participants
     * such as Almada and Maia are below the planner's 50,000); demo pools and holidays use {@link #cities()}.
     */
    public List<City> towns() {
        return towns;
    }

    private static Optional<String> optional(String field) {
        return field.isEmpty() ? Optional.empty() : Optional.of(field);
    }

    /** Every city, by country code, then by population descending. */
    public List<City> cities() {
        return cities;
    }

    public List<City> citiesOf(String countryCode) {
        return cities.stream().filter(city -> city.country().equals(countryCode)).toList();
    }

    public Optional<City> city(String countryCode, String name) {
        return cities.stream()
                .filter(city -> city.country().equals(countryCode)
                        && (city.name().equals(name) || city.asciiName().equals(name)))
                .findFirst();
    }

    public Map<String, Country> countries() {
        return countries;
    }

    public Optional<Country> country(String code) {
        return Optional.ofNullable(countries.get(code));
    }

    public Map<String, Language> languages() {
        return languages;
    }

    /** The first-level subdivisions of the programme's countries (regions.csv), by country, then by code. */
    public Map<String, Subdivision> subdivisions() {
        return subdivisions;
    }

    /** The first-level subdivision of an ISO 3166-2 code, e.g. "DE-BY". */
    public Optional<Subdivision> subdivision(String code) {
        return Optional.ofNullable(code == null ? null : subdivisions.get(code));
    }

    /**
     * Subdivisions whose name contains {@code name} (accent- and case-insensitive, as {@link CityLookup#fold}), in
     * {@code country}; either may be {@code null} for any. By country, then by code.
     */
    public List<Subdivision> findSubdivisions(String name, String country) {
        String folded = name == null ? null : CityLookup.fold(name.strip());
        return subdivisions.values().stream()
                .filter(subdivision -> country == null || subdivision.country().equals(country))
                .filter(subdivision -> folded == null || CityLookup.fold(subdivision.name()).contains(folded)
                        || subdivision.code().equalsIgnoreCase(name.strip()))
                .toList();
    }

    public boolean isLanguage(String code) {
        return languages.containsKey(code);
    }
}
