package eu.iucplanner.demo;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import eu.iucplanner.pairing.domain.ApplicantProfile;
import eu.iucplanner.pairing.domain.CallRules;
import eu.iucplanner.pairing.domain.PairingProblem;
import eu.iucplanner.pairing.domain.PopulationBasis;
import eu.iucplanner.pairing.domain.PopulationPolicy;
import eu.iucplanner.reference.City;
import eu.iucplanner.reference.ReferenceData;

/**
 * A small pool of real cities in which the programme's small participants take part (Almada, Växjö, Santa Monica and
 * Rio das Ostras have 100,000 inhabitants or fewer as a city proper in GeoNames), with the larger municipal or
 * metropolitan figures such participants declare beside them, under a call that counts city-proper and municipal
 * figures only. It exercises each population policy: under {@code HARD} the small participants are refused, under
 * {@code PREFERENCE} (floor 15,000) they are paired at a cost, under {@code NONE} they are paired at no cost.
 * <p>
 * City-proper figures are GeoNames' (from the reference data; Almada, below its 50,000 floor, with its GeoNames
 * figure 34,008). The declared figures are demo declarations, marked so in their source, not verified statistics.
 */
public final class ParticipantPools {

    /** The floor of the {@code PREFERENCE} call: no participant is as small as 15,000. */
    public static final long PREFERENCE_FLOOR = 15_000;

    private static final String DECLARED = "declared by the applicant (demo figure)";

    private ParticipantPools() {
    }

    public static PairingProblem generate(PopulationPolicy policy) {
        CallRules defaults = CallRules.defaults();
        CallRules call = new CallRules("Participants, " + policy.name().toLowerCase(java.util.Locale.ROOT)
                + " threshold", defaults.populationThreshold(), defaults.minimumCommitmentMonths(),
                defaults.countryRegions(), defaults.themes(), Map.of(), policy,
                policy == PopulationPolicy.PREFERENCE ? PREFERENCE_FLOOR : 0,
                EnumSet.of(PopulationBasis.CITY_PROPER, PopulationBasis.MUNICIPALITY));
        List<ApplicantProfile> applicants = new ArrayList<>();
        applicants.add(ApplicantProfile.builder("pt-almada", "Almada", "PT").population(34_008)
                .declares(2_870_000, PopulationBasis.METROPOLITAN, "Lisbon metropolitan area, " + DECLARED)
                .languages("pt", "en").challenge("Urban mobility", 3).challenge("Climate adaptation", 2).build());
        applicants.add(real("SE", "Växjö", "sv").declares(96_000, PopulationBasis.MUNICIPALITY, DECLARED)
                .challenge("Energy transition", 3).challenge("Circular economy", 2).build());
        applicants.add(real("PT", "Lisbon", "pt").challenge("Housing", 3).challenge("Urban mobility", 2).build());
        applicants.add(real("DE", "Mannheim", "de").challenge("Smart cities and urban innovation", 3)
                .challenge("Energy transition", 2).build());
        applicants.add(real("FI", "Turku", "fi").challenge("Circular economy", 3).challenge("Climate adaptation", 1)
                .build());
        applicants.add(real("IT", "Bologna", "it").challenge("Nature and cultural heritage", 3)
                .challenge("Urban mobility", 1).build());
        applicants.add(real("US", "Santa Monica", "en")
                .declares(13_200_000, PopulationBasis.METROPOLITAN, "Los Angeles metropolitan area, " + DECLARED)
                .challenge("Climate adaptation", 3).challenge("Energy transition", 2).build());
        applicants.add(real("BR", "Rio das Ostras", "pt")
                .declares(156_000, PopulationBasis.MUNICIPALITY, "Rio das Ostras municipality, " + DECLARED)
                .challenge("Water, waste management and sanitation", 3).challenge("Urban mobility", 2).build());
        applicants.add(real("BR", "Curitiba", "pt").challenge("Urban mobility", 3).challenge("Housing", 2).build());
        applicants.add(real("JP", "Kitakyushu", "ja").challenge("Circular economy", 3)
                .challenge("Energy transition", 2).build());
        applicants.add(real("JP", "Toyama", "ja").challenge("Smart cities and urban innovation", 2)
                .challenge("Nature and cultural heritage", 2).build());
        applicants.add(real("MX", "Guadalajara", "es").challenge("Housing", 2).challenge("Climate adaptation", 2)
                .build());
        return PairingProblem.of(call, applicants);
    }

    /** A reference city with its GeoNames population and coordinates, its language first and English. */
    private static ApplicantProfile.Builder real(String country, String name, String language) {
        City city = ReferenceData.get().city(country, name)
                .orElseThrow(() -> new IllegalStateException(name + " is not in the reference data"));
        return ApplicantProfile.builder(country.toLowerCase(java.util.Locale.ROOT) + "-" + city.geonamesId(),
                city.name(), country).population(city.population())
                .languages(language.equals("en") ? new String[] { "en" } : new String[] { language, "en" })
                .coordinates(city.latitude(), city.longitude());
    }
}
