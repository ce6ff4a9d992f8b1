package eu.iucplanner.demo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import eu.iucplanner.pairing.domain.ApplicantProfile;
import eu.iucplanner.pairing.domain.CallKind;
import eu.iucplanner.pairing.domain.CallRules;
import eu.iucplanner.pairing.domain.ClusterCoherence;
import eu.iucplanner.pairing.domain.CountryLimits;
import eu.iucplanner.pairing.domain.PairingProblem;
import eu.iucplanner.pairing.domain.ParticipationRules;
import eu.iucplanner.pairing.domain.PopulationBasis;
import eu.iucplanner.pairing.domain.PopulationPolicy;
import eu.iucplanner.pairing.domain.ProgrammeRegion;
import eu.iucplanner.pairing.eligibility.EligibilityChecker;
import eu.iucplanner.reference.ReferenceData;
import eu.iucplanner.reference.Subdivision;

/**
 * One demo call per policy of issue 15, each on a pool of real places: the threshold as a preference with declared
 * populations, country caps, theme spread, cluster coherence, earlier participation and the regional strand. The
 * figures a region or a city declares are demo declarations, marked so in their source, not verified statistics.
 */
public final class PolicyDemos {

    private static final String DECLARED = "declared by the region (demo figure)";

    /** The policy a demo call exercises. */
    public enum PolicyDemo {
        /** The real participants under a PREFERENCE threshold (floor 15,000) counting city-proper and municipal figures. */
        PREFERENCE,
        /** SMALL under a hard cap of 2 pairs and a soft cap of 1 per country. */
        COUNTRY_CAPS,
        /** SMALL with each pair beyond 2 of the same main shared theme costing. */
        THEME_SPREAD,
        /** SMALL where three EU cities take three partners each, under HARD cluster coherence. */
        CLUSTER_COHERENCE,
        /** SMALL where six EU cities name earlier partners (penalized) and first-time participants are preferred. */
        EARLIER_PARTICIPATION,
        /** A REGION_TO_REGION call of real first-level regions with declared populations, and a city it refuses. */
        REGION_TO_REGION
    }

    private PolicyDemos() {
    }

    public static PairingProblem generate(PolicyDemo demo) {
        PairingProblem small = DemoPools.generate(DemoPoolSize.SMALL);
        CallRules call = small.call();
        String name = "Demo call " + demo.name();
        return switch (demo) {
            case PREFERENCE -> ParticipantPools.generate(PopulationPolicy.PREFERENCE);
            case COUNTRY_CAPS -> PairingProblem.of(rename(call, name)
                    .withCountryLimits(new CountryLimits(2, Map.of(), 1, Map.of())), small.applicants());
            case THEME_SPREAD -> PairingProblem.of(rename(call, name).withThemeSoftCap(2), small.applicants());
            case CLUSTER_COHERENCE -> clusters(rename(call, name).withClusterCoherence(ClusterCoherence.HARD),
                    small.applicants());
            case EARLIER_PARTICIPATION -> earlier(rename(call, name).withParticipation(
                    new ParticipationRules(ParticipationRules.EarlierPairs.PENALIZE, true)), small.applicants());
            case REGION_TO_REGION -> regions(name);
        };
    }

    /** Three eligible EU cities take three partners each. */
    private static PairingProblem clusters(CallRules call, List<ApplicantProfile> pool) {
        Set<String> hubs = new LinkedHashSet<>(eligible(call, pool, true).stream().limit(3)
                .map(ApplicantProfile::id).toList());
        List<ApplicantProfile> applicants = pool.stream()
                .map(a -> hubs.contains(a.id()) ? copy(a, 3, a.earlierPartnerIds(), a.previousParticipant()) : a)
                .toList();
        return PairingProblem.of(call, applicants);
    }

    /** The i-th of six eligible EU cities names the i-th eligible partner as an earlier partner. */
    private static PairingProblem earlier(CallRules call, List<ApplicantProfile> pool) {
        List<ApplicantProfile> eu = eligible(call, pool, true).stream().limit(6).toList();
        List<ApplicantProfile> partners = eligible(call, pool, false);
        Map<String, String> earlierPartner = new java.util.HashMap<>();
        for (int i = 0; i < eu.size() && i < partners.size(); i++) {
            earlierPartner.put(eu.get(i).id(), partners.get(i).id());
        }
        List<ApplicantProfile> applicants = pool.stream()
                .map(a -> earlierPartner.containsKey(a.id())
                        ? copy(a, a.maxPartners(), Set.of(earlierPartner.get(a.id())), true) : a)
                .toList();
        return PairingProblem.of(call, applicants);
    }

    /**
     * Nine EU regions and eight abroad, each with a declared population; Ceuta (about 83,000) is below the call's
     * 100,000, and Munich, a city, is not a region.
     */
    private static PairingProblem regions(String name) {
        CallRules call = rename(CallRules.defaults(), name).withKind(CallKind.REGION_TO_REGION);
        List<ApplicantProfile> applicants = new ArrayList<>();
        applicants.add(region("DE-BY", 13_369_393, "de", "Energy transition", "Smart cities and urban innovation"));
        applicants.add(region("ES-CT", 7_901_963, "es", "Circular economy", "Urban mobility"));
        applicants.add(region("IT-25", 10_020_528, "it", "Urban mobility", "Air quality"));
        applicants.add(region("BE-VLG", 6_774_807, "nl", "Digital transition", "Circular economy"));
        applicants.add(region("NL-NH", 2_952_622, "nl", "Climate adaptation", "Housing"));
        applicants.add(region("PL-02", 2_891_321, "pl", "Energy transition", "Air quality"));
        applicants.add(region("PT-13", 1_786_656, "pt", "Nature and cultural heritage", "Urban mobility"));
        applicants.add(region("SE-O", 1_744_859, "sv", "Climate adaptation", "Energy transition"));
        applicants.add(region("ES-CE", 83_517, "es", "Water, waste management and sanitation", "Housing"));
        applicants.add(region("US-CA", 39_029_342, "en", "Energy transition", "Climate adaptation"));
        applicants.add(region("CA-QC", 8_874_683, "fr", "Digital transition", "Energy transition"));
        applicants.add(region("BR-SP", 46_024_937, "pt", "Urban mobility", "Housing"));
        applicants.add(region("MX-JAL", 8_348_151, "es", "Circular economy", "Water, waste management and sanitation"));
        applicants.add(region("KR-41", 13_589_432, "ko", "Smart cities and urban innovation", "Air quality"));
        applicants.add(region("IN-MH", 112_374_333, "mr", "Housing", "Water, waste management and sanitation"));
        applicants.add(region("AU-NSW", 8_166_369, "en", "Climate adaptation", "Nature and cultural heritage"));
        applicants.add(region("JP-27", 8_837_685, "ja", "Circular economy", "Smart cities and urban innovation"));
        applicants.add(ApplicantProfile.builder("de-munich", "Munich", "DE").population(1_260_391)
                .languages("de", "en").challenge("Energy transition", 3).subdivision("DE-BY").build());
        return PairingProblem.of(call, applicants);
    }

    /** A region of the reference data, governing itself, with its declared population. */
    private static ApplicantProfile region(String code, long population, String language, String theme,
            String secondTheme) {
        Subdivision subdivision = ReferenceData.get().subdivision(code)
                .orElseThrow(() -> new IllegalStateException(code + " is not in the reference data"));
        return ApplicantProfile.builder(code.toLowerCase(Locale.ROOT), subdivision.name(), subdivision.country())
                .governs(code).population(population)
                .declares(population, PopulationBasis.REGION, DECLARED)
                .languages(language.equals("en") ? new String[] { "en" } : new String[] { language, "en" })
                .challenge(theme, 3).challenge(secondTheme, 2).build();
    }

    private static List<ApplicantProfile> eligible(CallRules call, List<ApplicantProfile> pool, boolean eu) {
        return pool.stream().filter(a -> EligibilityChecker.check(a, call).isEmpty())
                .filter(a -> (call.regionOf(a.country()).orElse(null) == ProgrammeRegion.EU) == eu).toList();
    }

    private static CallRules rename(CallRules call, String name) {
        return new CallRules(name, call.populationThreshold(), call.minimumCommitmentMonths(), call.countryRegions(),
                call.themes(), call.targetPairs(), call.populationPolicy(), call.populationFloor(),
                call.countedPopulationBases(), call.countryLimits(), call.themeSoftCap(), call.participation(),
                call.clusterCoherence(), call.kind());
    }

    private static ApplicantProfile copy(ApplicantProfile a, int maxPartners, Set<String> earlierPartnerIds,
            boolean previousParticipant) {
        return new ApplicantProfile(a.id(), a.name(), a.country(), a.region(), a.kind(), a.population(), a.members(),
                a.leadAuthorityContact(), a.languages(), a.challenges(), a.preferredPartnerRegions(),
                a.committedMonths(), maxPartners, a.covenantSignatory(), a.excludedPartnerIds(), a.coordinates(),
                a.declaredPopulations(), earlierPartnerIds, previousParticipant, a.subdivision());
    }
}
