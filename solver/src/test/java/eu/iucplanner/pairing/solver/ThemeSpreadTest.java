package eu.iucplanner.pairing.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import eu.iucplanner.pairing.domain.PairingProblem;
import eu.iucplanner.pairing.domain.PairingSolution;

/**
 * The theme spread is the one soft term the flow cannot represent: the warm start then proves the optimum of the
 * relaxation (the theme penalty left out) as an upper bound, tightens it by Lagrange multipliers of the soft caps
 * ({@link ThemeMultipliers}), reports it as such, and local search does the rest.
 */
class ThemeSpreadTest {

    @Test
    void theRelaxationBoundHoldsAndTheSolverAlmostAlwaysReachesTheExhaustiveOptimum() {
        Random random = new Random(31L);
        int binding = 0;
        int provenAtOnce = 0;
        int reached = 0;
        int tightened = 0;
        int lagrangianAtOptimum = 0;
        for (int pool = 0; pool < 100; pool++) {
            PairingProblem problem = themed(random, pool % 2 == 1);
            HardMediumSoftLongScore optimum = new ExhaustivePairing(PairingProblemFactory.create(problem))
                    .bestScore();
            PairingSolution relaxed = withoutMultipliers(problem, optimum);
            PairingSolution best = SolverFactory.<PairingSolution>create(stoppingAt(optimum)).buildSolver()
                    .solve(PairingProblemFactory.create(problem));
            assertThat(best.getScore()).as("pool %d", pool).isLessThanOrEqualTo(optimum);
            reached += best.getScore().equals(optimum) ? 1 : 0;
            HardMediumSoftLongScore relaxation = relaxed.bestBound();
            HardMediumSoftLongScore bound = best.bestBound();
            if (best.hasNothingToDecide() || bound == null && best.getScore().equals(optimum)) {
                continue; // nothing to decide, or the empty start already was the optimum (every pair forbidden)
            }
            assertThat(best.getProvenBound().exact()).isFalse();
            assertThat(relaxation).as("pool %d: the relaxation bounds the optimum", pool)
                    .isGreaterThanOrEqualTo(optimum);
            assertThat(bound).as("pool %d: the Lagrangian bound bounds the optimum", pool)
                    .isGreaterThanOrEqualTo(optimum).isLessThanOrEqualTo(relaxation);
            binding += relaxation.compareTo(optimum) > 0 ? 1 : 0;
            provenAtOnce += relaxation.equals(optimum) ? 1 : 0;
            tightened += bound.compareTo(relaxation) < 0 ? 1 : 0;
            lagrangianAtOptimum += relaxation.compareTo(optimum) > 0 && bound.equals(optimum) ? 1 : 0;
        }
        assertThat(binding).as("pools where the theme spread costs the relaxation's optimum").isGreaterThan(10);
        // Local search is a heuristic for the theme spread: measured 100 of 100 with these seeds (99 with the pools
        // drawn before earlier participation was added: one stayed at a local optimum).
        assertThat(reached).as("pools where the solver reaches the exhaustive optimum").isGreaterThanOrEqualTo(95);
        assertThat(provenAtOnce).as("pools where the flow's pairing has no theme penalty").isGreaterThan(10);
        assertThat(tightened).as("pools where the multipliers tighten the relaxation").isEqualTo(binding);
        // Measured: the relaxation is above the optimum on 43 of these pools, and the multipliers close the whole gap
        // on all 43 (no duality gap on pools this small); 48 are proven by the flow's pairing at once.
        assertThat(lagrangianAtOptimum).as("pools where the Lagrangian bound is the optimum")
                .isGreaterThanOrEqualTo(binding * 9 / 10);
    }

    /** Larger pools than the exhaustive search can take: the bound must stay at or above every score found. */
    @Test
    void theLagrangianBoundStaysAboveEveryScoreTheSolverFinds() {
        Random random = new Random(57L);
        for (int pool = 0; pool < 20; pool++) {
            PairingProblem base = RandomPools.generate(random, 12, pool % 2 == 1);
            PairingProblem problem = new PairingProblem(base.call().withThemeSoftCap(random.nextInt(3)),
                    base.applicants(), base.pinnedPairs(), base.excludedPairs(), base.weightOverrides());
            PairingSolution best = SolverFactory.<PairingSolution>create(stoppingAt(HardMediumSoftLongScore.ONE_HARD))
                    .buildSolver()
                    .solve(PairingProblemFactory.create(problem));
            if (best.bestBound() != null) {
                assertThat(best.bestBound()).as("pool %d", pool).isGreaterThanOrEqualTo(best.getScore());
            }
        }
    }

    private static PairingProblem themed(Random random, boolean withTargets) {
        PairingProblem base = RandomPools.generate(random, 5, withTargets);
        return new PairingProblem(base.call().withThemeSoftCap(random.nextInt(2)), base.applicants(),
                base.pinnedPairs(), base.excludedPairs(), base.weightOverrides());
    }

    /** The plain relaxation's bound (no multiplier step), from a run that stops at the optimum. */
    private static PairingSolution withoutMultipliers(PairingProblem problem, HardMediumSoftLongScore optimum) {
        int steps = MatchingWarmStart.lagrangianSteps;
        MatchingWarmStart.lagrangianSteps = 0;
        try {
            return SolverFactory.<PairingSolution>create(stoppingAt(optimum)).buildSolver()
                    .solve(PairingProblemFactory.create(problem));
        } finally {
            MatchingWarmStart.lagrangianSteps = steps;
        }
    }

    private static SolverConfig stoppingAt(HardMediumSoftLongScore target) {
        SolverConfig config = PairingSolverConfigs.defaultConfig()
                .withTerminationConfig(new TerminationConfig().withBestScoreLimit(target.toString()));
        config.getPhaseConfigList().stream()
                .filter(LocalSearchPhaseConfig.class::isInstance)
                .forEach(phase -> phase.setTerminationConfig(
                        new TerminationConfig().withStepCountLimit(5_000).withMoveCountLimit(200_000L)));
        return config.withRandomSeed(7L);
    }
}
