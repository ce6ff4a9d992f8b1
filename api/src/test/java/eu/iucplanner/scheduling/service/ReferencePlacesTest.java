package eu.iucplanner.scheduling.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import eu.iucplanner.scheduling.service.ScheduleRunRequest.CityInput;

class ReferencePlacesTest {

    @Test
    void aCityOfTheReferenceDataGetsItsTimeZoneAndSubdivisionByName() {
        CityInput mumbai = ReferencePlaces.resolve(new CityInput("bom", "Mumbai", "IN", 19.07, 72.88));
        assertThat(mumbai.timeZone()).isEqualTo("Asia/Kolkata");
        assertThat(mumbai.subdivision()).isEqualTo("IN-MH");
    }

    @Test
    void aNumberedDemoCityIsTheReferenceCityAtItsCoordinates() {
        CityInput lyon = ReferencePlaces.resolve(new CityInput("fr-2996944-2", "Lyon (2)", "FR", 45.74846, 4.84671));
        assertThat(lyon.timeZone()).isEqualTo("Europe/Paris");
        assertThat(lyon.subdivision()).isEqualTo("FR-ARA");
    }

    @Test
    void aPlaceFarFromEveryReferenceCityGetsTheNearestOnesZoneAndNoSubdivision() {
        // A village in the Alaskan interior: no reference city within 30 km; the nearest US city's zone.
        CityInput remote = ReferencePlaces.resolve(new CityInput("x", "Somewhere", "US", 64.8, -147.7));
        assertThat(remote.timeZone()).startsWith("America/");
        assertThat(remote.subdivision()).isEmpty();
    }

    @Test
    void whatTheRequestGivesIsKept() {
        CityInput given = new CityInput("lyon", "Lyon", "FR", 45.76, 4.84, "Europe/Paris", "");
        assertThat(ReferencePlaces.resolve(given)).isSameAs(given);
    }
}
