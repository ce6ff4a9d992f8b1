package eu.iucplanner.pairing.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/** Item 6: applicants looked up in the reference data (in the pairing API tests' context). */
class ReferenceLookupIT extends PairingApiTestSupport {

    private static final String CITIES = "/api/v1/reference/cities";

    @Test
    void applicantsAreLookedUpByNameAndCountryWithWhatAnApplicantNeeds() {
        JsonNode almada = json(rest.getForEntity(CITIES + "?name=almada&country=PT", String.class).getBody()).get(0);
        assertThat(almada.get("name").asText()).isEqualTo("Almada");
        assertThat(almada.get("population").asLong()).isEqualTo(34_008);
        assertThat(almada.get("timeZone").asText()).isEqualTo("Europe/Lisbon");
        assertThat(almada.get("officialLanguages").get(0).asText()).isEqualTo("pt");
        assertThat(almada.get("latitude").asDouble()).isBetween(38.0, 39.0);
        JsonNode vaxjo = json(rest.getForEntity(CITIES + "?name=VAXJO", String.class).getBody());
        assertThat(vaxjo).hasSize(1);
        assertThat(vaxjo.get(0).get("name").asText()).isEqualTo("Växjö");
        JsonNode saoPaulo = json(rest.getForEntity(CITIES + "?name=sao paulo&limit=3", String.class).getBody());
        assertThat(saoPaulo.get(0).get("name").asText()).isEqualTo("São Paulo");
        assertThat(saoPaulo.size()).isLessThanOrEqualTo(3);

        ResponseEntity<String> nothing = rest.getForEntity(CITIES, String.class);
        assertThat(nothing.getStatusCode().value()).isEqualTo(400);
        assertThat(json(nothing.getBody()).at("/errors/0/field").asText()).isEqualTo("name");
        ResponseEntity<String> badCountry = rest.getForEntity(CITIES + "?name=x&country=QQ&limit=0", String.class);
        assertThat(badCountry.getStatusCode().value()).isEqualTo(400);
        assertThat(json(badCountry.getBody()).get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("country", "limit");
    }
}
