package eu.iucplanner.pairing.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import eu.iucplanner.pairing.domain.ApplicantKind;
import eu.iucplanner.pairing.domain.ApplicantProfile;
import eu.iucplanner.pairing.domain.CallKind;
import eu.iucplanner.pairing.domain.CallRules;
import eu.iucplanner.pairing.domain.DeclaredPopulation;
import eu.iucplanner.pairing.domain.PopulationBasis;
import eu.iucplanner.pairing.domain.PopulationPolicy;
import eu.iucplanner.pairing.domain.ProgrammeRegion;

class EligibilityCheckerTest {

    private static final CallRules CALL = CallRules.defaults();

    private static ApplicantProfile.Builder city(long population) {
        return ApplicantProfile.builder("x", "Xanten", "DE").population(population);
    }

    private static List<IneligibilityReason> reasons(ApplicantProfile profile, CallRules call) {
        return EligibilityChecker.check(profile, call).stream().map(Ineligibility::reason).toList();
    }

    @Test
    void populationOfExactlyTheThresholdIsNotMoreThanIt() {
        assertThat(reasons(city(100_000).build(), CALL))
                .containsExactly(IneligibilityReason.POPULATION_AT_OR_BELOW_THRESHOLD);
        assertThat(EligibilityChecker.check(city(100_000).build(), CALL).get(0).message())
                .isEqualTo("The population of Xanten is 100,000 (city proper); the call requires more than 100,000 "
                        + "inhabitants.");
    }

    @Test
    void populationOneAboveTheThresholdIsEligible() {
        assertThat(reasons(city(100_001).build(), CALL)).isEmpty();
    }

    @Test
    void thresholdIsDataOfTheCall() {
        CallRules earlierCall = CALL.withPopulationThreshold(50_000);
        assertThat(reasons(city(50_001).build(), earlierCall)).isEmpty();
        assertThat(reasons(city(50_000).build(), earlierCall))
                .containsExactly(IneligibilityReason.POPULATION_AT_OR_BELOW_THRESHOLD);
    }

    @Test
    void groupCountsTheSumOfItsMembers() {
        ApplicantProfile group = ApplicantProfile.builder("g", "Ruhr West", "DE")
                .kind(ApplicantKind.MUNICIPALITY_GROUP).leadAuthorityContact("international@oberhausen.de")
                .member("Oberhausen", 60_000).member("Bottrop", 40_001).build();
        assertThat(group.totalPopulation()).isEqualTo(100_001);
        assertThat(reasons(group, CALL)).isEmpty();
        ApplicantProfile exactly = ApplicantProfile.builder("g", "Ruhr West", "DE")
                .kind(ApplicantKind.MUNICIPALITY_GROUP).leadAuthorityContact("international@oberhausen.de")
                .member("Oberhausen", 60_000).member("Bottrop", 40_000).build();
        assertThat(reasons(exactly, CALL)).containsExactly(IneligibilityReason.POPULATION_AT_OR_BELOW_THRESHOLD);
    }

    @Test
    void groupWithoutLeadAuthority() {
        ApplicantProfile group = ApplicantProfile.builder("g", "Ruhr West", "DE")
                .kind(ApplicantKind.MUNICIPALITY_GROUP).leadAuthorityContact("  ")
                .member("Oberhausen", 210_000).member("Bottrop", 117_000).build();
        assertThat(reasons(group, CALL)).containsExactly(IneligibilityReason.GROUP_WITHOUT_LEAD_AUTHORITY);
    }

    @Test
    void subNationalGovernment() {
        ApplicantProfile province = city(4_000_000).kind(ApplicantKind.SUB_NATIONAL_GOVERNMENT).build();
        assertThat(reasons(province, CALL)).containsExactly(IneligibilityReason.SUB_NATIONAL_GOVERNMENT);
    }

    @Test
    void commitmentAtTheMinimumIsEnoughAndOneMonthLessIsNot() {
        assertThat(reasons(city(200_000).committedMonths(18).build(), CALL)).isEmpty();
        assertThat(reasons(city(200_000).committedMonths(17).build(), CALL))
                .containsExactly(IneligibilityReason.COMMITMENT_TOO_SHORT);
    }

    @Test
    void countryOutsideTheCall() {
        ApplicantProfile nairobi = ApplicantProfile.builder("n", "Nairobi", "KE").population(4_397_073).build();
        assertThat(reasons(nairobi, CALL)).containsExactly(IneligibilityReason.COUNTRY_OUTSIDE_PROGRAMME_REGIONS);
        ApplicantProfile london = ApplicantProfile.builder("l", "London", "GB").population(8_961_989).build();
        assertThat(reasons(london, CALL)).containsExactly(IneligibilityReason.COUNTRY_OUTSIDE_PROGRAMME_REGIONS);
        // Before 2020 UK cities counted as EU cities: a call says so by mapping GB.
        assertThat(reasons(london, CALL.withCountryRegion("GB", ProgrammeRegion.EU))).isEmpty();
    }

    @Test
    void everyReasonThatAppliesIsReported() {
        ApplicantProfile everything = ApplicantProfile.builder("r", "Somewhere", "KE")
                .kind(ApplicantKind.SUB_NATIONAL_GOVERNMENT).population(10).committedMonths(6).build();
        assertThat(reasons(everything, CALL)).containsExactlyInAnyOrder(
                IneligibilityReason.SUB_NATIONAL_GOVERNMENT,
                IneligibilityReason.POPULATION_AT_OR_BELOW_THRESHOLD,
                IneligibilityReason.COMMITMENT_TOO_SHORT,
                IneligibilityReason.COUNTRY_OUTSIDE_PROGRAMME_REGIONS);
        ApplicantProfile group = ApplicantProfile.builder("g", "Tiny group", "DE")
                .kind(ApplicantKind.MUNICIPALITY_GROUP).member("A", 10).build();
        assertThat(reasons(group, CALL)).containsExactlyInAnyOrder(
                IneligibilityReason.POPULATION_AT_OR_BELOW_THRESHOLD,
                IneligibilityReason.GROUP_WITHOUT_LEAD_AUTHORITY);
    }

    @Test
    void mexicoFollowsTheCallMapping() {
        ApplicantProfile guadalajara = ApplicantProfile.builder("gdl", "Guadalajara", "MX").population(1_385_629)
                .build();
        assertThat(CALL.regionOf("MX")).contains(ProgrammeRegion.LATIN_AMERICA_CARIBBEAN);
        CallRules moved = CALL.withCountryRegion("MX", ProgrammeRegion.NORTH_AMERICA);
        assertThat(new eu.iucplanner.pairing.domain.Applicant(guadalajara, moved).getRegion())
                .isEqualTo(ProgrammeRegion.NORTH_AMERICA);
    }

    /**
     * Item 1 (threshold policy): the same real small participant, Almada (34,008 in GeoNames, city proper), with a
     * declared metropolitan figure: refused under the hard threshold with the figure and basis that counted (and the
     * one that did not), eligible under the preference above its floor, refused at the floor, never under NONE.
     */
    @Test
    void thresholdPolicyHardPreferenceAndNoneWithDeclaredPopulations() {
        ApplicantProfile almada = ApplicantProfile.builder("almada", "Almada", "PT").population(34_008)
                .declares(2_870_000, PopulationBasis.METROPOLITAN, "Lisbon metropolitan area, declared").build();
        Set<PopulationBasis> cityFigures = EnumSet.of(PopulationBasis.CITY_PROPER, PopulationBasis.MUNICIPALITY);
        CallRules hard = CALL.withPopulationPolicy(PopulationPolicy.HARD, 50_000, cityFigures);
        assertThat(EligibilityChecker.check(almada, hard)).singleElement().satisfies(reason -> {
            assertThat(reason.reason()).isEqualTo(IneligibilityReason.POPULATION_AT_OR_BELOW_THRESHOLD);
            assertThat(reason.message()).isEqualTo("The population of Almada is 34,008 (city proper); the call "
                    + "requires more than 100,000 inhabitants. Its figure 2,870,000 (metropolitan area, Lisbon "
                    + "metropolitan area, declared) does not count in this call, which counts city proper, "
                    + "municipality.");
        });
        assertThat(reasons(almada, CALL)).as("every basis counts by default: the metropolitan figure").isEmpty();
        CallRules preference = CALL.withPopulationPolicy(PopulationPolicy.PREFERENCE, 15_000, cityFigures);
        assertThat(reasons(almada, preference)).isEmpty();
        CallRules atTheFloor = CALL.withPopulationPolicy(PopulationPolicy.PREFERENCE, 34_008, cityFigures);
        assertThat(EligibilityChecker.check(almada, atTheFloor)).singleElement().satisfies(reason -> {
            assertThat(reason.reason()).isEqualTo(IneligibilityReason.POPULATION_AT_OR_BELOW_FLOOR);
            assertThat(reason.message()).startsWith("The population of Almada is 34,008 (city proper); the call "
                    + "prefers more than 100,000 inhabitants and requires more than 34,008.");
        });
        assertThat(reasons(city(10).build(), CALL.withPopulationPolicy(PopulationPolicy.NONE, 0, cityFigures)))
                .isEmpty();
        CallRules metropolitanOnly = CALL.withPopulationPolicy(PopulationPolicy.HARD, 50_000,
                EnumSet.of(PopulationBasis.METROPOLITAN));
        assertThat(reasons(almada, metropolitanOnly)).isEmpty();
        assertThat(EligibilityChecker.check(city(500_000).build(), metropolitanOnly).get(0).message())
                .startsWith("Xanten gives no population figure of a kind the call counts (metropolitan area)");
    }

    private static final CallRules REGIONAL = CallRules.defaults().withKind(CallKind.REGION_TO_REGION);

    @Test
    void aRegionToRegionCallTakesRegionsAndRefusesCitiesAndGroups() {
        ApplicantProfile bavaria = ApplicantProfile.builder("by", "Bavaria", "DE").governs("DE-BY")
                .population(13_369_393).build();
        assertThat(reasons(bavaria, REGIONAL)).isEmpty();
        ApplicantProfile munich = city(1_260_391).build();
        assertThat(reasons(munich, REGIONAL)).containsExactly(IneligibilityReason.NOT_A_REGION);
        assertThat(EligibilityChecker.check(munich, REGIONAL).get(0).message()).isEqualTo("Xanten is a city; in the "
                + "region-to-region call Default call only sub-national governments (first-level regions) are "
                + "eligible applicants.");
        ApplicantProfile group = ApplicantProfile.builder("g", "Ruhr towns", "DE")
                .kind(ApplicantKind.MUNICIPALITY_GROUP).member("Essen", 579_432).member("Bochum", 364_628)
                .leadAuthorityContact("Essen").build();
        assertThat(EligibilityChecker.check(group, REGIONAL)).extracting(Ineligibility::reason, Ineligibility::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(IneligibilityReason.NOT_A_REGION,
                        "Ruhr towns is a group of municipalities; in the region-to-region call Default call only "
                                + "sub-national governments (first-level regions) are eligible applicants."));
        // The city strand still refuses the region, as before.
        assertThat(reasons(bavaria, CALL)).containsExactly(IneligibilityReason.SUB_NATIONAL_GOVERNMENT);
        assertThat(reasons(munich, CALL)).isEmpty();
    }

    @Test
    void aRegionsPopulationIsItsOwnBasisAndTheCallsThresholdAppliesToIt() {
        // Åland declares its own population; the regional call keeps its own threshold and policy.
        ApplicantProfile aland = ApplicantProfile.builder("ax", "Åland", "FI").governs("FI-01")
                .population(30_129).build();
        assertThat(aland.populationFigures()).extracting(DeclaredPopulation::basis)
                .containsExactly(PopulationBasis.REGION);
        assertThat(EligibilityChecker.check(aland, REGIONAL)).extracting(Ineligibility::reason, Ineligibility::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        IneligibilityReason.POPULATION_AT_OR_BELOW_THRESHOLD, "The region's population of Åland is "
                                + "30,129 (region); the call requires more than 100,000 inhabitants."));
        assertThat(reasons(aland, REGIONAL.withPopulationThreshold(25_000))).isEmpty();
        assertThat(reasons(aland, REGIONAL.withPopulationPolicy(PopulationPolicy.NONE, 0, null))).isEmpty();
        // A call counting only city figures does not count a region's own figure.
        assertThat(reasons(aland, REGIONAL.withPopulationThreshold(25_000).withPopulationPolicy(PopulationPolicy.HARD,
                0, EnumSet.of(PopulationBasis.CITY_PROPER)))).containsExactly(
                        IneligibilityReason.POPULATION_AT_OR_BELOW_THRESHOLD);
    }

    @Test
    void aRegionInARegionalCallIsStillHeldToTheOtherRules() {
        ApplicantProfile nairobiCounty = ApplicantProfile.builder("k", "Nairobi County", "KE").governs("KE-30")
                .population(4_397_073).committedMonths(6).build();
        assertThat(reasons(nairobiCounty, REGIONAL)).containsExactlyInAnyOrder(
                IneligibilityReason.COMMITMENT_TOO_SHORT, IneligibilityReason.COUNTRY_OUTSIDE_PROGRAMME_REGIONS);
    }
}
