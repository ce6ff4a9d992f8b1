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

    /**
     * Item 6: with fillFromReference the missing population, coordinates and languages come from GeoNames at
     * submission and are stored with the request; a declared figure more than a factor of 2 from GeoNames is a
     * warning in the result (naming both), not an error.
     */
    @Test
    void missingFiguresAreFilledAtSubmissionAndFarOffFiguresAreWarnings() throws Exception {
        String body = """
                {"name": "Filled from GeoNames", "fillFromReference": true, "applicants": [
                  {"id": "almada", "name": "Almada", "country": "PT",
                   "declaredPopulations": [{"population": 2870000, "basis": "METROPOLITAN", "source": "declared"}]},
                  {"id": "vaxjo", "name": "Växjö", "country": "SE", "population": 96000},
                  {"id": "santa-monica", "name": "Santa Monica", "country": "US", "population": 93220}]}""";
        java.util.UUID id = submit((com.fasterxml.jackson.databind.node.ObjectNode) json(body));
        JsonNode stored = json(rest.getForEntity(RUNS + "/" + id + "/request", String.class).getBody());
        JsonNode almada = stored.get("applicants").get(0);
        assertThat(almada.get("population").asLong()).isEqualTo(34_008);
        assertThat(almada.get("latitude").asDouble()).isBetween(38.0, 39.0);
        assertThat(almada.get("languages").get(0).asText()).isEqualTo("pt");
        assertThat(stored.get("applicants").get(1).get("population").asLong()).as("given, kept").isEqualTo(96_000);
        awaitMetadata(id, m -> hasStatus(m, "COMPLETED"));
        JsonNode warnings = json(rest.getForEntity(RUNS + "/" + id, String.class).getBody()).get("warnings");
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).asText()).isEqualTo("Almada (almada) declares a metropolitan area figure of "
                + "2,870,000; GeoNames has 34,008 for Almada (geonamesId 2271961), more than a factor of 2 apart.");
    }
}
