package eu.iucplanner.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import eu.iucplanner.demo.PolicyDemos.PolicyDemo;
import eu.iucplanner.pairing.domain.ApplicantProfile;
import eu.iucplanner.pairing.domain.CallKind;
import eu.iucplanner.pairing.domain.ClusterCoherence;
import eu.iucplanner.pairing.domain.PairingProblem;
import eu.iucplanner.pairing.domain.ParticipationRules;
import eu.iucplanner.pairing.domain.PopulationPolicy;
import eu.iucplanner.pairing.eligibility.EligibilityChecker;
import eu.iucplanner.pairing.eligibility.Ineligibility;
import eu.iucplanner.pairing.eligibility.IneligibilityReason;

class PolicyDemosTest {

    @Test
    void eachDemoCallSetsItsPolicy() {
        assertThat(PolicyDemos.generate(PolicyDemo.PREFERENCE).call().populationPolicy())
                .isEqualTo(PopulationPolicy.PREFERENCE);
        assertThat(PolicyDemos.generate(PolicyDemo.COUNTRY_CAPS).call().countryLimits().maxPairsPerCountry())
                .isEqualTo(2);
        assertThat(PolicyDemos.generate(PolicyDemo.THEME_SPREAD).call().themeSoftCap()).isEqualTo(2);
        PairingProblem clusters = PolicyDemos.generate(PolicyDemo.CLUSTER_COHERENCE);
        assertThat(clusters.call().clusterCoherence()).isEqualTo(ClusterCoherence.HARD);
        assertThat(clusters.applicants()).filteredOn(a -> a.maxPartners() == 3).hasSize(3);
        PairingProblem earlier = PolicyDemos.generate(PolicyDemo.EARLIER_PARTICIPATION);
        assertThat(earlier.call().participation())
                .isEqualTo(new ParticipationRules(ParticipationRules.EarlierPairs.PENALIZE, true));
        List<String> ids = earlier.applicants().stream().map(ApplicantProfile::id).toList();
        assertThat(earlier.applicants()).filteredOn(a -> !a.earlierPartnerIds().isEmpty()).hasSize(6)
                .allSatisfy(a -> assertThat(ids).containsAll(a.earlierPartnerIds()));
        assertThat(PolicyDemos.generate(PolicyDemo.REGION_TO_REGION).call().kind())
                .isEqualTo(CallKind.REGION_TO_REGION);
    }

    @Test
    void theRegionalDemoTakesItsRegionsAndRefusesTheSmallRegionAndTheCity() {
        PairingProblem regions = PolicyDemos.generate(PolicyDemo.REGION_TO_REGION);
        Map<String, List<IneligibilityReason>> refused = new LinkedHashMap<>();
        for (ApplicantProfile applicant : regions.applicants()) {
            List<Ineligibility> reasons = EligibilityChecker.check(applicant, regions.call());
            if (!reasons.isEmpty()) {
                refused.put(applicant.name(), reasons.stream().map(Ineligibility::reason).toList());
            }
        }
        assertThat(refused).containsExactly(
                Map.entry("Ceuta", List.of(IneligibilityReason.POPULATION_AT_OR_BELOW_THRESHOLD)),
                Map.entry("Munich", List.of(IneligibilityReason.NOT_A_REGION)));
        assertThat(regions.applicants()).hasSize(18);
        assertThat(regions.applicants().get(0).name()).isEqualTo("Bavaria");
        assertThat(regions.applicants().get(0).subdivision()).isEqualTo("DE-BY");
    }
}
