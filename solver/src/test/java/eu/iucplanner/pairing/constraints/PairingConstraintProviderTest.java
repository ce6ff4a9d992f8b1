package eu.iucplanner.pairing.constraints;

import static eu.iucplanner.pairing.TestApplicants.applicant;
import static eu.iucplanner.pairing.TestApplicants.boston;
import static eu.iucplanner.pairing.TestApplicants.bostonProfile;
import static eu.iucplanner.pairing.TestApplicants.curitiba;
import static eu.iucplanner.pairing.TestApplicants.curitibaProfile;
import static eu.iucplanner.pairing.TestApplicants.lyon;
import static eu.iucplanner.pairing.TestApplicants.lyonProfile;
import static eu.iucplanner.pairing.TestApplicants.marseille;
import static eu.iucplanner.pairing.TestApplicants.osaka;
import static eu.iucplanner.pairing.TestApplicants.osakaProfile;

import org.junit.jupiter.api.Test;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;

import java.util.EnumSet;

import eu.iucplanner.pairing.TestApplicants;
import eu.iucplanner.pairing.domain.Applicant;
import eu.iucplanner.pairing.domain.ApplicantProfile;
import eu.iucplanner.pairing.domain.CallRules;
import eu.iucplanner.pairing.domain.ClusterCoherence;
import eu.iucplanner.pairing.domain.CountryLimit;
import eu.iucplanner.pairing.domain.ThemeLimit;
import eu.iucplanner.pairing.domain.PopulationBasis;
import eu.iucplanner.pairing.domain.PopulationPolicy;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.domain.PartnerSlot;
import eu.iucplanner.pairing.domain.ProgrammeRegion;
import eu.iucplanner.pairing.domain.RegionTarget;

class PairingConstraintProviderTest {

    private final ConstraintVerifier<PairingConstraintProvider, PairingSolution> verifier =
            ConstraintVerifier.build(new PairingConstraintProvider(), PairingSolution.class, PartnerSlot.class);

    private static PartnerSlot slot(Applicant owner, int index, Applicant partner) {
        return new PartnerSlot(owner, index, partner, false);
    }

    // Hard

    @Test
    void crossRegionPair() {
        Applicant lyon = lyon();
        Applicant marseille = marseille();
        Applicant boston = boston();
        verifier.verifyThat(PairingConstraintProvider::crossRegionPair)
                .given(slot(lyon, 0, marseille))
                .penalizesBy(1);
        verifier.verifyThat(PairingConstraintProvider::crossRegionPair)
                .given(slot(boston, 0, curitiba()))
                .penalizesBy(1);
        verifier.verifyThat(PairingConstraintProvider::crossRegionPair)
                .given(slot(lyon, 0, boston))
                .hasNoImpact();
    }

    @Test
    void crossRegionPairJustification() {
        verifier.verifyThat(PairingConstraintProvider::crossRegionPair)
                .given(slot(lyon(), 0, marseille()))
                .justifiesWith(new PairJustification("lyon", "marseille", 1,
                        "Lyon (the EU) and Marseille (the EU) are not one EU city and one partner-region city."))
                .penalizesBy(1);
    }

    @Test
    void ineligibleApplicantPaired() {
        Applicant smallTown = applicant(bostonProfile().population(100_000));
        verifier.verifyThat(PairingConstraintProvider::ineligibleApplicantPaired)
                .given(slot(lyon(), 0, smallTown))
                .justifiesWith(new PairJustification("lyon", "boston", 1,
                        "Boston is paired with Lyon although it is not eligible: The population of Boston is"
                                + " 100,000 (city proper); the call requires more than 100,000 inhabitants."))
                .penalizesBy(1);
        verifier.verifyThat(PairingConstraintProvider::ineligibleApplicantPaired)
                .given(slot(lyon(), 0, boston()))
                .hasNoImpact();
    }

    @Test
    void partnerCapacityExceeded() {
        Applicant boston = boston();
        Applicant lyon = lyon();
        Applicant marseille = marseille();
        Applicant twoPartnerMarseille = applicant(
                eu.iucplanner.pairing.TestApplicants.marseilleProfile().maxPartners(2));
        // Boston takes one partner but is in two pairs: excess 1.
        verifier.verifyThat(PairingConstraintProvider::partnerCapacityExceeded)
                .given(lyon, marseille, boston, slot(lyon, 0, boston), slot(marseille, 0, boston))
                .justifiesWith(new ApplicantJustification("boston", 1,
                        "Boston has 2 partners but takes at most 1."))
                .penalizesBy(1);
        // Boston at capacity 2 with two partners is fine.
        Applicant bostonTakesTwo = applicant(bostonProfile().maxPartners(2));
        verifier.verifyThat(PairingConstraintProvider::partnerCapacityExceeded)
                .given(slot(lyon, 0, bostonTakesTwo), slot(twoPartnerMarseille, 0, bostonTakesTwo))
                .hasNoImpact();
    }

    @Test
    void pairFormedTwice() {
        Applicant lyon = applicant(lyonProfile().maxPartners(2));
        Applicant boston = applicant(bostonProfile().maxPartners(2));
        verifier.verifyThat(PairingConstraintProvider::pairFormedTwice)
                .given(slot(lyon, 0, boston), slot(lyon, 1, boston))
                .justifiesWith(new PairJustification("lyon", "boston", 1, "Lyon and Boston are paired twice."))
                .penalizesBy(1);
        verifier.verifyThat(PairingConstraintProvider::pairFormedTwice)
                .given(slot(lyon, 0, boston), slot(lyon, 1, curitiba()))
                .hasNoImpact();
    }

    @Test
    void excludedPairFormed() {
        Applicant lyon = applicant(lyonProfile().excludes("boston"));
        Applicant boston = boston();
        verifier.verifyThat(PairingConstraintProvider::excludedPairFormed)
                .given(slot(lyon, 0, boston))
                .justifiesWith(new PairJustification("lyon", "boston", 1,
                        "Lyon and Boston are paired although the pair is excluded."))
                .penalizesBy(1);
        // Exclusion is symmetric: Boston excluding Lyon counts too.
        verifier.verifyThat(PairingConstraintProvider::excludedPairFormed)
                .given(slot(lyon(), 0, applicant(bostonProfile().excludes("lyon"))))
                .penalizesBy(1);
        verifier.verifyThat(PairingConstraintProvider::excludedPairFormed)
                .given(slot(lyon, 0, curitiba()))
                .hasNoImpact();
    }

    // Medium

    @Test
    void openPartnerPlace() {
        Applicant lyon = applicant(lyonProfile().maxPartners(2));
        Applicant boston = boston();
        Applicant curitiba = curitiba();
        Applicant smallTown = applicant(osakaProfile().population(50_000));
        // Lyon: 1 of 2 places open; Curitiba: alone; the ineligible town does not count; Boston is paired.
        verifier.verifyThat(PairingConstraintProvider::openPartnerPlace)
                .given(lyon, boston, curitiba, smallTown, slot(lyon, 0, boston), new PartnerSlot(lyon, 1))
                .justifiesWith(new ApplicantJustification("lyon", 1, "Lyon has 1 of its 2 partner places open."),
                        new ApplicantJustification("curitiba", 1, "Curitiba is left without a partner."))
                .penalizesBy(2);
        Applicant lyonOne = lyon();
        verifier.verifyThat(PairingConstraintProvider::openPartnerPlace)
                .given(lyonOne, boston, slot(lyonOne, 0, boston))
                .hasNoImpact();
    }

    // Soft

    @Test
    void sharedChallenges() {
        // Urban mobility 3 x 2 + Circular economy 2 x 2 = 10.
        verifier.verifyThat(PairingConstraintProvider::sharedChallenges)
                .given(slot(lyon(), 0, boston()))
                .justifiesWith(new PairJustification("lyon", "boston", 10,
                        "Lyon and Boston share Urban mobility (priority 3 and 2) and Circular economy (2 and 2)."))
                .rewardsWith(10);
        verifier.verifyThat(PairingConstraintProvider::sharedChallenges)
                .given(slot(marseille(), 0, boston()))
                .hasNoImpact();
    }

    @Test
    void sizeSimilarity() {
        // round(100 ln 522,250) = 1317, round(100 ln 1,963,726) = 1449.
        verifier.verifyThat(PairingConstraintProvider::sizeSimilarity)
                .given(slot(lyon(), 0, curitiba()))
                .justifiesWith(new PairJustification("lyon", "curitiba", 132,
                        "Lyon (522,250 inhabitants) and Curitiba (1,963,726) differ in size by a factor of 3.8."))
                .penalizesBy(132);
        verifier.verifyThat(PairingConstraintProvider::sizeSimilarity)
                .given(slot(lyon(), 0, applicant(curitibaProfile().population(522_250))))
                .hasNoImpact();
    }

    @Test
    void commonWorkingLanguage() {
        // No shared language: 3.
        verifier.verifyThat(PairingConstraintProvider::commonWorkingLanguage)
                .given(slot(marseille(), 0, curitiba()))
                .justifiesWith(new PairJustification("marseille", "curitiba", 3,
                        "Marseille (fr) and Curitiba (pt) share no working language."))
                .penalizesBy(3);
        // Shared, but not the main language of both (Lyon: fr, en; Boston: en): 1.
        verifier.verifyThat(PairingConstraintProvider::commonWorkingLanguage)
                .given(slot(lyon(), 0, boston()))
                .justifiesWith(new PairJustification("lyon", "boston", 1,
                        "Lyon and Boston share en, but not their main working language."))
                .penalizesBy(1);
    }

    @Test
    void commonWorkingLanguageSameMainLanguage() {
        Applicant quebec = applicant(eu.iucplanner.pairing.domain.ApplicantProfile
                .builder("quebec", "Québec", "CA").population(549_459).languages("fr", "en"));
        verifier.verifyThat(PairingConstraintProvider::commonWorkingLanguage)
                .given(slot(lyon(), 0, quebec))
                .hasNoImpact();
    }

    @Test
    void preferredPartnerRegion() {
        Applicant lyonPrefersAsia = applicant(lyonProfile().prefers(ProgrammeRegion.ASIA));
        verifier.verifyThat(PairingConstraintProvider::preferredPartnerRegion)
                .given(slot(lyonPrefersAsia, 0, boston()))
                .justifiesWith(new PairJustification("lyon", "boston", 1,
                        "Lyon prefers a partner from Asia and Australasia, but Boston is in North America."))
                .penalizesBy(1);
        // Both sides miss: 2.
        Applicant bostonPrefersAsia = applicant(bostonProfile().prefers(ProgrammeRegion.ASIA));
        verifier.verifyThat(PairingConstraintProvider::preferredPartnerRegion)
                .given(slot(lyonPrefersAsia, 0, bostonPrefersAsia))
                .penalizesBy(2);
        verifier.verifyThat(PairingConstraintProvider::preferredPartnerRegion)
                .given(slot(lyonPrefersAsia, 0, osaka()))
                .hasNoImpact();
        verifier.verifyThat(PairingConstraintProvider::preferredPartnerRegion)
                .given(slot(lyon(), 0, boston()))
                .hasNoImpact();
    }

    @Test
    void regionalBalance() {
        Applicant lyon = lyon();
        Applicant marseille = marseille();
        RegionTarget northAmerica = new RegionTarget(ProgrammeRegion.NORTH_AMERICA, 1);
        RegionTarget asia = new RegionTarget(ProgrammeRegion.ASIA, 2);
        RegionTarget latinAmerica = new RegionTarget(ProgrammeRegion.LATIN_AMERICA_CARIBBEAN, 0);
        // North America 1 of 1 (0), Asia 1 of 2 (1), Latin America 1 of 0 (1).
        verifier.verifyThat(PairingConstraintProvider::regionalBalance)
                .given(northAmerica, asia, latinAmerica, slot(lyon, 0, boston()), slot(marseille, 0, osaka()),
                        slot(lyon, 1, curitiba()))
                .justifiesWith(new RegionBalanceJustification(ProgrammeRegion.ASIA, 1, 2,
                        "Asia and Australasia has 1 pairing; the call aims for 2."))
                .penalizesBy(2);
        // A region with a target and no pair at all is penalized by its whole target.
        verifier.verifyThat(PairingConstraintProvider::regionalBalance)
                .given(asia)
                .penalizesBy(2);
        verifier.verifyThat(PairingConstraintProvider::regionalBalance)
                .given(northAmerica, slot(lyon, 0, boston()))
                .hasNoImpact();
    }

    @Test
    void covenantOfMayorsSignatories() {
        Applicant lyon = applicant(lyonProfile().covenantSignatory(true));
        verifier.verifyThat(PairingConstraintProvider::covenantOfMayorsSignatories)
                .given(slot(lyon, 0, applicant(bostonProfile().covenantSignatory(true))))
                .justifiesWith(new PairJustification("lyon", "boston", 2,
                        "Lyon and Boston are both Covenant of Mayors signatories."))
                .rewardsWith(2);
        verifier.verifyThat(PairingConstraintProvider::covenantOfMayorsSignatories)
                .given(slot(lyon, 0, boston()))
                .rewardsWith(1);
        verifier.verifyThat(PairingConstraintProvider::covenantOfMayorsSignatories)
                .given(slot(lyon(), 0, boston()))
                .hasNoImpact();
    }

    @Test
    void populationBelowThreshold() {
        CallRules preference = TestApplicants.CALL.withPopulationPolicy(PopulationPolicy.PREFERENCE, 50_000,
                EnumSet.of(PopulationBasis.CITY_PROPER, PopulationBasis.MUNICIPALITY));
        // Almada's city proper (GeoNames) counts; its declared metropolitan figure does not in this call.
        Applicant almada = new Applicant(ApplicantProfile.builder("almada", "Almada", "PT").population(34_008)
                .declares(2_870_000, PopulationBasis.METROPOLITAN, "Lisbon metropolitan area, declared").build(),
                preference);
        Applicant smallBoston = new Applicant(bostonProfile().population(80_000).build(), preference);
        Applicant boston = new Applicant(bostonProfile().build(), preference);
        // round(100 ln 100000) = 1151, round(100 ln 34008) = 1043, round(100 ln 80000) = 1129:
        // (1151 - 1043 + 1) + (1151 - 1129 + 1) = 109 + 23.
        verifier.verifyThat(PairingConstraintProvider::populationBelowThreshold)
                .given(slot(almada, 0, smallBoston))
                .justifiesWith(new PairJustification("almada", "boston", 132,
                        "Almada has 34,008 (city proper) inhabitants, not more than the 100,000 the call prefers. "
                                + "Boston has 80,000 (city proper) inhabitants, not more than the 100,000 the call "
                                + "prefers."))
                .penalizesBy(132);
        verifier.verifyThat(PairingConstraintProvider::populationBelowThreshold)
                .given(slot(almada, 0, boston))
                .penalizesBy(109);
        verifier.verifyThat(PairingConstraintProvider::populationBelowThreshold)
                .given(slot(new Applicant(lyonProfile().build(), preference), 0, boston))
                .hasNoImpact();
        // Under the hard threshold (the default) the small town is ineligible instead, never penalized here.
        verifier.verifyThat(PairingConstraintProvider::populationBelowThreshold)
                .given(slot(lyon(), 0, applicant(bostonProfile().population(80_000))))
                .hasNoImpact();
    }

    @Test
    void countryCapExceeded() {
        Applicant lyon = lyon();
        Applicant marseille = marseille();
        Applicant boston = applicant(bostonProfile().maxPartners(2));
        CountryLimit france = new CountryLimit("FR", 1, -1);
        // France is in 2 pairs against a cap of 1; the US has no limit.
        verifier.verifyThat(PairingConstraintProvider::countryCapExceeded)
                .given(france, slot(lyon, 0, boston), slot(marseille, 0, boston))
                .justifiesWith(new CountryJustification("FR", 2, 1, "FR is in 2 pairings; the call allows at most 1."))
                .penalizesBy(1);
        verifier.verifyThat(PairingConstraintProvider::countryCapExceeded)
                .given(france, slot(lyon, 0, boston))
                .hasNoImpact();
        verifier.verifyThat(PairingConstraintProvider::countryCapExceeded)
                .given(new CountryLimit("FR", -1, 0), slot(lyon, 0, boston), slot(marseille, 0, boston))
                .hasNoImpact();
    }

    @Test
    void countryAboveSoftCap() {
        Applicant lyon = lyon();
        Applicant marseille = marseille();
        Applicant boston = applicant(bostonProfile().maxPartners(3));
        Applicant osaka = osaka();
        // The US is in 3 pairs against a soft cap of 1 (2 beyond); France in 4 against 1 (3 beyond); Japan has none.
        verifier.verifyThat(PairingConstraintProvider::countryAboveSoftCap)
                .given(new CountryLimit("US", -1, 1), new CountryLimit("FR", 5, 1), slot(lyon, 0, boston),
                        slot(marseille, 0, boston), slot(lyon, 1, osaka),
                        slot(applicant(eu.iucplanner.pairing.TestApplicants.marseilleProfile()), 1, boston))
                .justifiesWith(new CountryJustification("US", 3, 1,
                        "US is in 3 pairings; the call prefers at most 1 per country."))
                .penalizesBy(2 + 3);
        verifier.verifyThat(PairingConstraintProvider::countryAboveSoftCap)
                .given(new CountryLimit("US", -1, 1), slot(lyon, 0, boston))
                .hasNoImpact();
    }

    @Test
    void themeAboveSoftCap() {
        Applicant lyon = lyon();
        Applicant marseille = applicant(eu.iucplanner.pairing.TestApplicants.marseilleProfile()
                .challenge("Urban mobility", 1));
        Applicant boston = applicant(bostonProfile().maxPartners(2));
        Applicant curitiba = curitiba();
        ThemeLimit mobility = new ThemeLimit("Urban mobility", TestApplicants.CALL.themeIndex("Urban mobility"), 1);
        ThemeLimit circular = new ThemeLimit("Circular economy", TestApplicants.CALL.themeIndex("Circular economy"),
                1);
        // Main shared themes: Lyon-Boston Urban mobility (3 x 2 beats Circular economy 2 x 2), Lyon-Curitiba Urban
        // mobility (3 x 3), Marseille-Boston Urban mobility (1 x 2): 3 pairs against a soft cap of 1.
        verifier.verifyThat(PairingConstraintProvider::themeAboveSoftCap)
                .given(mobility, circular, slot(lyon, 0, boston), slot(lyon, 1, curitiba), slot(marseille, 0, boston))
                .justifiesWith(new ThemeJustification("Urban mobility", 3, 1,
                        "Urban mobility is the main shared theme of 3 pairings; the call prefers at most 1 per "
                                + "theme."))
                .penalizesBy(2);
        verifier.verifyThat(PairingConstraintProvider::themeAboveSoftCap)
                .given(mobility, circular, slot(lyon, 0, boston))
                .hasNoImpact();
        // A pair without a shared theme has no main theme.
        verifier.verifyThat(PairingConstraintProvider::themeAboveSoftCap)
                .given(new ThemeLimit("Urban mobility", TestApplicants.CALL.themeIndex("Urban mobility"), 0),
                        slot(eu.iucplanner.pairing.TestApplicants.marseille(), 0, boston))
                .hasNoImpact();
    }

    @Test
    void earlierPairFormedAgain() {
        CallRules penalize = TestApplicants.CALL.withParticipation(new eu.iucplanner.pairing.domain.ParticipationRules(
                eu.iucplanner.pairing.domain.ParticipationRules.EarlierPairs.PENALIZE, false));
        Applicant lyon = new Applicant(lyonProfile().earlierPartners("boston").build(), penalize);
        Applicant boston = new Applicant(bostonProfile().build(), penalize);
        verifier.verifyThat(PairingConstraintProvider::earlierPairFormedAgain)
                .given(slot(lyon, 0, boston))
                .justifiesWith(new PairJustification("lyon", "boston", 1,
                        "Lyon and Boston were partners in an earlier call."))
                .penalizesBy(1);
        verifier.verifyThat(PairingConstraintProvider::earlierPairFormedAgain)
                .given(slot(lyon, 0, new Applicant(curitibaProfile().build(), penalize)))
                .hasNoImpact();
        // Under the default call (ALLOW) an earlier pair costs nothing.
        verifier.verifyThat(PairingConstraintProvider::earlierPairFormedAgain)
                .given(slot(applicant(lyonProfile().earlierPartners("boston")), 0, boston()))
                .hasNoImpact();
    }

    @Test
    void returningParticipants() {
        CallRules firstTime = TestApplicants.CALL.withParticipation(new eu.iucplanner.pairing.domain.ParticipationRules(
                eu.iucplanner.pairing.domain.ParticipationRules.EarlierPairs.ALLOW, true));
        Applicant lyon = new Applicant(lyonProfile().previousParticipant(true).build(), firstTime);
        Applicant boston = new Applicant(bostonProfile().previousParticipant(true).build(), firstTime);
        verifier.verifyThat(PairingConstraintProvider::returningParticipants)
                .given(slot(lyon, 0, boston))
                .justifiesWith(new PairJustification("lyon", "boston", 2,
                        "Lyon and Boston both took part in an earlier call; the call prefers first-time "
                                + "participants."))
                .penalizesBy(2);
        verifier.verifyThat(PairingConstraintProvider::returningParticipants)
                .given(slot(lyon, 0, new Applicant(curitibaProfile().build(), firstTime)))
                .penalizesBy(1);
        verifier.verifyThat(PairingConstraintProvider::returningParticipants)
                .given(slot(new Applicant(lyonProfile().build(), firstTime), 0,
                        new Applicant(curitibaProfile().build(), firstTime)))
                .hasNoImpact();
    }

    @Test
    void incoherentCluster() {
        CallRules hard = TestApplicants.CALL.withClusterCoherence(ClusterCoherence.HARD);
        Applicant lyon = new Applicant(lyonProfile().maxPartners(2).build(), hard);
        Applicant curitiba = new Applicant(curitibaProfile().build(), hard);
        Applicant osaka = new Applicant(osakaProfile().maxPartners(2).build(), hard);
        Applicant boston = new Applicant(bostonProfile().build(), hard);
        Applicant marseille = new Applicant(TestApplicants.marseilleProfile().build(), hard);
        // Lyon (Circular economy, Urban mobility) with Curitiba (Urban mobility) and Osaka (Circular economy).
        verifier.verifyThat(PairingConstraintProvider::incoherentCluster)
                .given(slot(lyon, 0, curitiba), slot(lyon, 1, osaka))
                .justifiesWith(new ClusterJustification("lyon", java.util.List.of("curitiba", "osaka"),
                        "Lyon (Circular economy, Urban mobility) and its partners Curitiba (Urban mobility) and Osaka "
                                + "(Circular economy) share no theme; the call requires one theme common to each "
                                + "cluster."))
                .penalizesBy(1);
        // A partner-side hub too: Osaka with Lyon and Marseille (Climate adaptation), beside Lyon's cluster.
        verifier.verifyThat(PairingConstraintProvider::incoherentCluster)
                .given(slot(lyon, 0, curitiba), slot(lyon, 1, osaka), slot(marseille, 0, osaka))
                .penalizesBy(2);
        // Lyon, Boston and Curitiba share Urban mobility; a single pair is no cluster.
        verifier.verifyThat(PairingConstraintProvider::incoherentCluster)
                .given(slot(lyon, 0, boston), slot(lyon, 1, curitiba), slot(marseille, 0, osaka))
                .hasNoImpact();
        // Without the rule (the default call) an incoherent cluster costs nothing.
        verifier.verifyThat(PairingConstraintProvider::incoherentCluster)
                .given(slot(applicant(lyonProfile().maxPartners(2)), 0, curitiba()),
                        slot(applicant(lyonProfile().maxPartners(2)), 1, osaka()))
                .hasNoImpact();
    }

    @Test
    void clusterCoherence() {
        CallRules soft = TestApplicants.CALL.withClusterCoherence(ClusterCoherence.SOFT);
        Applicant lyon = new Applicant(lyonProfile().maxPartners(2).build(), soft);
        Applicant curitiba = new Applicant(curitibaProfile().build(), soft);
        Applicant osaka = new Applicant(osakaProfile().build(), soft);
        Applicant boston = new Applicant(bostonProfile().build(), soft);
        verifier.verifyThat(PairingConstraintProvider::clusterCoherence)
                .given(slot(lyon, 0, curitiba), slot(lyon, 1, osaka))
                .justifiesWith(new ClusterJustification("lyon", java.util.List.of("curitiba", "osaka"),
                        "Lyon (Circular economy, Urban mobility) and its partners Curitiba (Urban mobility) and Osaka "
                                + "(Circular economy) share no theme; the call prefers one theme common to each "
                                + "cluster."))
                .penalizesBy(1);
        verifier.verifyThat(PairingConstraintProvider::clusterCoherence)
                .given(slot(lyon, 0, boston), slot(lyon, 1, osaka))
                .hasNoImpact();
        // The soft rule leaves the hard one alone, and the other way round.
        verifier.verifyThat(PairingConstraintProvider::incoherentCluster)
                .given(slot(lyon, 0, curitiba), slot(lyon, 1, osaka))
                .hasNoImpact();
    }
}
