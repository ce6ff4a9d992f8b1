package eu.iucplanner.pairing.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import eu.iucplanner.pairing.TestApplicants;
import eu.iucplanner.pairing.constraints.PairingConstraintProvider;
import eu.iucplanner.pairing.domain.PairRef;
import eu.iucplanner.pairing.domain.PairingProblem;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.domain.PartnerSlot;

class PairingSolverTest {

    /** Local search gets at most this many steps after the warm start, so a miss fails instead of hanging. */
    private static final long LOCAL_SEARCH_STEP_LIMIT = 3_000;
    /** At a strict local optimum late acceptance takes no move at all, so the step limit alone would not stop it. */
    private static final long LOCAL_SEARCH_MOVE_LIMIT = 100_000;

    private static SolverConfig configStoppingAt(HardMediumSoftLongScore target) {
        SolverConfig config = PairingSolverConfigs.defaultConfig()
                .withTerminationConfig(new TerminationConfig().withBestScoreLimit(target.toString()));
        config.getPhaseConfigList().stream()
                .filter(LocalSearchPhaseConfig.class::isInstance)
                .forEach(phase -> phase.setTerminationConfig(
                        new TerminationConfig().withStepCountLimit((int) LOCAL_SEARCH_STEP_LIMIT)
                                .withMoveCountLimit(LOCAL_SEARCH_MOVE_LIMIT)));
        return config.withRandomSeed(7L);
    }

    @Test
    void bestScoreEqualsExhaustiveEnumerationOn200RandomPools() {
        Random random = new Random(42L);
        int pools = 0;
        int withTargets = 0;
        while (pools < 200) {
            boolean targets = pools % 2 == 1;
            PairingProblem problem = RandomPools.generate(random, 6, targets);
            PairingSolution solution = PairingProblemFactory.create(problem);
            ExhaustivePairing oracle = new ExhaustivePairing(solution);
            HardMediumSoftLongScore optimum = oracle.bestScore();
            PairingSolution best = SolverFactory.<PairingSolution>create(configStoppingAt(optimum))
                    .buildSolver().solve(solution);
            assertThat(best.getScore()).as("pool %d (%d applicants, %d enumerated)", pools,
                    problem.applicants().size(), oracle.visited()).isEqualTo(optimum);
            pools++;
            withTargets += targets && !problem.call().targetPairs().isEmpty() ? 1 : 0;
        }
        assertThat(withTargets).as("pools that exercise the regional balance").isGreaterThan(50);
    }

    @Test
    void fullAssertSolveOnASmallPool() {
        PairingProblem problem = RandomPools.generate(new Random(3L), 6, true);
        SolverConfig config = PairingSolverConfigs.defaultConfig()
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                .withTerminationConfig(new TerminationConfig());
        config.getPhaseConfigList().stream()
                .filter(LocalSearchPhaseConfig.class::isInstance)
                .forEach(phase -> phase.setTerminationConfig(
                        new TerminationConfig().withStepCountLimit(100).withMoveCountLimit(2_000L)));
        PairingSolution best = SolverFactory.<PairingSolution>create(config).buildSolver()
                .solve(PairingProblemFactory.create(problem));
        assertThat(best.getScore().hardScore()).isZero();
        assertThat(best.getScore())
                .isEqualTo(new ExhaustivePairing(PairingProblemFactory.create(problem)).bestScore());
    }

    @Test
    void pinnedPairIsKeptEvenWhenAnotherPairingScoresBetter() {
        // Lyon-Boston share two themes; Lyon-Curitiba share one. Pin Lyon with Curitiba.
        PairingProblem problem = new PairingProblem(TestApplicants.CALL,
                List.of(TestApplicants.lyonProfile().build(), TestApplicants.bostonProfile().build(),
                        TestApplicants.curitibaProfile().build()),
                List.of(new PairRef("curitiba", "lyon")), List.of(), Map.of());
        PairingSolution solution = PairingProblemFactory.create(problem);
        PairingSolution best = SolverFactory.<PairingSolution>create(configStoppingAt(
                new ExhaustivePairing(solution).bestScore())).buildSolver().solve(solution);
        PartnerSlot lyonSlot = best.getSlots().get(0);
        assertThat(lyonSlot.isPinned()).isTrue();
        assertThat(lyonSlot.getPartner().getId()).isEqualTo("curitiba");
        assertThat(best.getScore().hardScore()).isZero();
    }

    @Test
    void weightZeroSwitchesAConstraintOff() {
        PairingProblem problem = new PairingProblem(TestApplicants.CALL,
                List.of(TestApplicants.lyonProfile().build(), TestApplicants.bostonProfile().build()),
                List.of(), List.of(),
                Map.of(PairingConstraintProvider.SIZE_SIMILARITY, HardMediumSoftLongScore.ZERO,
                        PairingConstraintProvider.SHARED_CHALLENGES, HardMediumSoftLongScore.ofSoft(1000)));
        PairingSolution solution = PairingProblemFactory.create(problem);
        solution.getSlots().get(0).setPartner(solution.getPartnerCandidates().get(0));
        SolutionManager<PairingSolution, HardMediumSoftLongScore> manager = SolutionManager.create(
                SolverFactory.create(PairingSolverConfigs.defaultConfig()));
        var analysis = manager.analyze(solution);
        // Shared challenges 10 x 1000, language 1 x 100; size similarity is off.
        assertThat(analysis.score()).isEqualTo(HardMediumSoftLongScore.of(0, 0, 10 * 1000 - 100));
        assertThat(analysis.constraintMap().keySet().stream().map(ref -> ref.constraintName()))
                .doesNotContain(PairingConstraintProvider.SIZE_SIMILARITY);
    }

    @Test
    void leavesAnApplicantUnpairedWhenItsOnlyPartnerIsExcluded() {
        PairingProblem problem = new PairingProblem(TestApplicants.CALL,
                List.of(TestApplicants.lyonProfile().build(), TestApplicants.bostonProfile().build()),
                List.of(), List.of(new PairRef("lyon", "boston")), Map.of());
        PairingSolution solution = PairingProblemFactory.create(problem);
        PairingSolution best = SolverFactory.<PairingSolution>create(configStoppingAt(
                HardMediumSoftLongScore.of(0, -2, 0))).buildSolver().solve(solution);
        assertThat(best.getSlots().get(0).getPartner()).isNull();
        assertThat(best.getScore()).isEqualTo(HardMediumSoftLongScore.of(0, -2, 0));
    }
}
