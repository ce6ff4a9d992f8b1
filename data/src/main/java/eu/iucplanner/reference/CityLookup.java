package eu.iucplanner.reference;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds places of the reference data (cities and towns, 15,000 inhabitants and more) by name, accent- and
 * case-insensitively ("vaxjo" finds Växjö, "SAO PAULO" São Paulo), optionally within one country; the most populous
 * first. A name matches when its folded form contains the folded query.
 */
public final class CityLookup {

    private record Entry(City city, String folded, String foldedAscii) {
    }

    private static volatile List<Entry> entries;

    private CityLookup() {
    }

    /**
     * @param name    part of the name, any case and accents; {@code null} or blank for every place (then a country is
     *                needed to keep the answer useful, which the caller checks)
     * @param country ISO 3166-1 alpha-2, or {@code null} for every country
     * @param limit   the most places returned
     */
    public static List<City> find(String name, String country, int limit) {
        String query = name == null ? "" : fold(name.strip());
        List<City> found = new ArrayList<>();
        for (Entry entry : entries()) {
            if ((country == null || entry.city().country().equals(country))
                    && (entry.folded().contains(query) || entry.foldedAscii().contains(query))) {
                found.add(entry.city());
            }
        }
        found.sort(Comparator.comparingLong(City::population).reversed().thenComparingLong(City::geonamesId));
        return found.subList(0, Math.min(limit, found.size()));
    }

    /** The place with this GeoNames id, among the cities and towns. */
    public static java.util.Optional<City> byGeonamesId(long geonamesId) {
        return entries().stream().map(Entry::city).filter(city -> city.geonamesId() == geonamesId).findFirst();
    }

    /** The most populous place of the country whose folded name (or ASCII name) equals the folded name. */
    public static java.util.Optional<City> byName(String name, String country) {
        String query = fold(name.strip());
        return entries().stream()
                .filter(entry -> entry.city().country().equals(country)
                        && (entry.folded().equals(query) || entry.foldedAscii().equals(query)))
                .map(Entry::city)
                .max(Comparator.comparingLong(City::population).thenComparingLong(city -> -city.geonamesId()));
    }

    /** Lower case without diacritics, the letters that do not decompose written out (ß → ss, ł → l, ø → o, ...). */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT).replace("ß", "ss").replace("ł", "l").replace("ø", "o")
                .replace("đ", "d").replace("æ", "ae").replace("œ", "oe").replace("ı", "i")
                .replaceAll("[‘’ʻ`]", "'");
    }

    private static List<Entry> entries() {
        List<Entry> loaded = entries;
        if (loaded == null) {
            List<Entry> all = new ArrayList<>();
            ReferenceData data = ReferenceData.get();
            for (List<City> places : List.of(data.cities(), data.towns())) {
                for (City city : places) {
                    all.add(new Entry(city, fold(city.name()), fold(city.asciiName())));
                }
            }
            loaded = List.copyOf(all);
            entries = loaded;
        }
        return loaded;
    }
}
