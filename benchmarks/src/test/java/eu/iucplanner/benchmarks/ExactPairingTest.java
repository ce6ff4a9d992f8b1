package eu.iucplanner.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import eu.iucplanner.demo.DemoPoolSize;
import eu.iucplanner.demo.DemoPools;
import eu.iucplanner.pairing.constraints.PairingConstraintProvider;
import eu.iucplanner.pairing.domain.Applicant;
import eu.iucplanner.pairing.domain.ApplicantProfile;
import eu.iucplanner.pairing.domain.CallRules;
import eu.iucplanner.pairing.domain.PairRef;
import eu.iucplanner.pairing.domain.PairingProblem;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.domain.PartnerSlot;
import eu.iucplanner.pairing.domain.ProgrammeRegion;
import eu.iucplanner.pairing.solver.MatchingWarmStart;
import eu.iucplanner.pairing.solver.MaxWeightBMatching;
import eu.iucplanner.pairing.solver.PairingProblemFactory;
import eu.iucplanner.pairing.solver.PairingSolverConfigs;

/** The exact reference against exhaustive enumeration, and the heuristics' basic guarantees. */
class ExactPairingTest {

    private static final SolutionManager<PairingSolution, HardMediumSoftLongScore> SCORES = SolutionManager.create(
            SolverFactory.create(PairingSolverConfigs.defaultConfig()));

    @Test
    void exactOptimumEqualsExhaustiveEnumerationOnRandomSmallPools() {
        Random random = new Random(20261122L);
        int withTargets = 0;
        for (int instance = 0; instance < 150; instance++) {
            PairingProblem problem = randomProblem(random);
            withTargets += problem.call().targetPairs().isEmpty() ? 0 : 1;
            PairingSolution solution = PairingProblemFactory.create(problem);
            ExactPairing.Result exact = ExactPairing.solve(solution);

            PairingSolution check = PairingProblemFactory.create(problem);
            exact.matching().applyTo(check);
            assertThat(SCORES.update(check)).as("instance %d: the flow's own score", instance)
                    .isEqualTo(exact.score());
            assertThat(exhaustiveBest(PairingProblemFactory.create(problem))).as("instance %d", instance)
                    .isEqualTo(exact.score());
        }
        assertThat(withTargets).isGreaterThan(40);
    }

    @Test
    void serviceWarmStartReachesTheSameOptimumAsOrToolsOnTheDemoPools() {
        SolverConfig warmStartOnly = PairingSolverConfigs.defaultConfig()
                .withPhases(new CustomPhaseConfig().withCustomPhaseCommandClassList(List.of(MatchingWarmStart.class)));
        warmStartOnly.setTerminationConfig(null);
        SolverFactory<PairingSolution> factory = SolverFactory.create(warmStartOnly);
        for (DemoPoolSize size : List.of(DemoPoolSize.SMALL, DemoPoolSize.MEDIUM, DemoPoolSize.LARGE)) {
            for (boolean targets : new boolean[] { false, true }) {
                PairingProblem problem = DemoPools.generate(size, DemoPools.DEFAULT_SEED, targets);
                HardMediumSoftLongScore optimum = ExactPairing.solve(PairingProblemFactory.create(problem)).score();
                PairingSolution warm = factory.buildSolver().solve(PairingProblemFactory.create(problem));
                assertThat(warm.getScore()).as("%s, targets %s", size, targets).isEqualTo(optimum);
            }
        }
    }

    @Test
    void serviceFlowEqualsOrToolsOnRandomMidSizeGraphsWithRegions() {
        Random random = new Random(99L);
        for (int round = 0; round < 30; round++) {
            int n = 20 + random.nextInt(40);
            int m = 20 + random.nextInt(60);
            int[] capL = new int[n];
            int[] capR = new int[m];
            int[] regionOf = new int[m];
            for (int i = 0; i < n; i++) {
                capL[i] = 1 + random.nextInt(3);
            }
            for (int j = 0; j < m; j++) {
                capR[j] = 1 + random.nextInt(2);
                regionOf[j] = random.nextInt(3);
            }
            int[] targets = { random.nextInt(30) - 5, random.nextInt(30), -1 };
            long regionWeight = random.nextInt(500);
            long[] weights = new long[n * m];
            for (int k = 0; k < weights.length; k++) {
                weights[k] = random.nextInt(5) == 0 ? MaxWeightBMatching.FORBIDDEN : random.nextInt(2001) - 800;
            }
            MaxWeightBMatching.Regions regions = new MaxWeightBMatching.Regions(regionOf, targets, regionWeight);
            MaxWeightBMatching.Result ours = MaxWeightBMatching.solve(capL, capR, weights, regions);
            long[] reference = OrToolsReference.solve(capL, capR, weights, regions);
            int[] flow = new int[3];
            ours.pairs().forEach(pair -> flow[regionOf[pair[1]]]++);
            long penalty = 0;
            for (int r = 0; r < 3; r++) {
                penalty += targets[r] < 0 ? 0 : regionWeight * Math.abs(flow[r] - Math.max(0, targets[r]));
            }
            assertThat(new long[] { ours.pairs().size(), ours.totalWeight() - penalty }).as("round %d", round)
                    .containsExactly(reference);
        }
    }

    @Test
    void heuristicsBreakNoHardRuleAndDeferredAcceptanceIsStable() {
        for (boolean targets : new boolean[] { false, true }) {
            PairingProblem problem = DemoPools.generate(DemoPoolSize.MEDIUM, DemoPools.DEFAULT_SEED, targets);
            PairingSolution solution = PairingProblemFactory.create(problem);
            HardMediumSoftLongScore optimum = ExactPairing.solve(solution).score();
            for (Matching matching : List.of(GreedyPairing.solve(solution), DeferredAcceptance.solve(solution))) {
                PairingSolution copy = PairingProblemFactory.create(problem);
                matching.applyTo(copy);
                HardMediumSoftLongScore score = SCORES.update(copy);
                assertThat(score.hardScore()).isZero();
                assertThat(score).isLessThanOrEqualTo(optimum);
            }
            assertThat(Stability.blockingPairs(solution, DeferredAcceptance.solve(solution))).isZero();
        }
    }

    @Test
    void blockingPairsCountsPairsThatBothWouldRatherForm() {
        CallRules call = CallRules.defaults();
        List<ApplicantProfile> applicants = List.of(
                ApplicantProfile.builder("lyon", "Lyon", "FR").population(520_000).languages("fr")
                        .challenge("Urban mobility", 3).build(),
                ApplicantProfile.builder("porto", "Porto", "PT").population(230_000).languages("pt")
                        .challenge("Housing", 3).build(),
                ApplicantProfile.builder("montreal", "Montréal", "CA").population(1_700_000).languages("fr")
                        .challenge("Urban mobility", 3).build(),
                ApplicantProfile.builder("recife", "Recife", "BR").population(1_600_000).languages("pt")
                        .challenge("Housing", 3).build());
        PairingSolution solution = PairingProblemFactory.create(PairingProblem.of(call, applicants));
        Map<String, Applicant> byId = new HashMap<>();
        solution.getApplicants().forEach(applicant -> byId.put(applicant.getId(), applicant));
        Matching crosswise = new Matching(List.of(new Matching.Pair(byId.get("lyon"), byId.get("recife")),
                new Matching.Pair(byId.get("porto"), byId.get("montreal"))));
        Matching natural = new Matching(List.of(new Matching.Pair(byId.get("lyon"), byId.get("montreal")),
                new Matching.Pair(byId.get("porto"), byId.get("recife"))));
        assertThat(Stability.blockingPairs(solution, crosswise)).isEqualTo(2);
        assertThat(Stability.blockingPairs(solution, natural)).isZero();
        assertThat(Stability.blockingPairs(solution, new Matching(List.of()))).isEqualTo(4);
    }

    // ************************************************************************
    // Helpers
    // ************************************************************************

    private static HardMediumSoftLongScore exhaustiveBest(PairingSolution solution) {
        List<PartnerSlot> slots = solution.getSlots();
        List<Applicant> values = new ArrayList<>();
        values.add(null);
        values.addAll(solution.getPartnerCandidates());
        int[] choice = new int[slots.size()];
        HardMediumSoftLongScore best = null;
        while (true) {
            for (int k = 0; k < slots.size(); k++) {
                slots.get(k).setPartner(values.get(choice[k]));
            }
            HardMediumSoftLongScore score = SCORES.update(solution);
            if (best == null || score.compareTo(best) > 0) {
                best = score;
            }
            int k = 0;
            while (k < choice.length && ++choice[k] == values.size()) {
                choice[k++] = 0;
            }
            if (k == choice.length) {
                return best;
            }
        }
    }

    private static PairingProblem randomProblem(Random random) {
        List<String> themes = CallRules.DEFAULT_THEMES.subList(0, 4);
        List<ApplicantProfile> applicants = new ArrayList<>();
        int eu = 1 + random.nextInt(3);
        int partners = 1 + random.nextInt(4);
        int slots = 0;
        String[] euCountries = { "FR", "DE", "PL", "ES" };
        String[] partnerCountries = { "US", "BR", "JP", "CA", "IN" };
        for (int i = 0; i < eu + partners; i++) {
            boolean isEu = i < eu;
            String country = isEu ? euCountries[random.nextInt(euCountries.length)]
                    : partnerCountries[random.nextInt(partnerCountries.length)];
            int maxPartners = isEu && slots < 4 && random.nextInt(3) == 0 ? 2 : 1;
            if (isEu) {
                slots += maxPartners;
            }
            ApplicantProfile.Builder builder = ApplicantProfile.builder("a" + i, "City " + i, country)
                    .population(random.nextInt(10) == 0 ? 90_000 : 100_001 + random.nextInt(3_000_000))
                    .languages(random.nextBoolean() ? new String[] { "en" } : new String[] { "fr", "en" })
                    .maxPartners(isEu ? maxPartners : 1 + random.nextInt(2))
                    .covenantSignatory(random.nextBoolean());
            for (String theme : themes) {
                if (random.nextInt(3) == 0) {
                    builder.challenge(theme, 1 + random.nextInt(3));
                }
            }
            if (random.nextInt(4) == 0) {
                builder.prefers(ProgrammeRegion.values()[1 + random.nextInt(3)]);
            }
            applicants.add(builder.build());
        }
        CallRules call = CallRules.defaults();
        if (random.nextBoolean()) {
            Map<ProgrammeRegion, Integer> targets = new EnumMap<>(ProgrammeRegion.class);
            targets.put(ProgrammeRegion.NORTH_AMERICA, random.nextInt(3));
            targets.put(ProgrammeRegion.ASIA, random.nextInt(2));
            call = call.withTargetPairs(targets);
        }
        List<PairRef> excluded = new ArrayList<>();
        if (random.nextInt(3) == 0) {
            excluded.add(new PairRef("a0", "a" + (eu + random.nextInt(partners))));
        }
        Map<String, HardMediumSoftLongScore> weights = new HashMap<>();
        if (random.nextBoolean()) {
            weights.put(PairingConstraintProvider.REGIONAL_BALANCE, HardMediumSoftLongScore.ofSoft(
                    random.nextInt(1000)));
            weights.put(PairingConstraintProvider.SIZE_SIMILARITY, HardMediumSoftLongScore.ofSoft(random.nextInt(3)));
        }
        return new PairingProblem(call, applicants, List.of(), excluded, weights);
    }
}
