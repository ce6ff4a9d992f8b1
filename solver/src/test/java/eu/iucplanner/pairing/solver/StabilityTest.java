package eu.iucplanner.pairing.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import ai.timefold.solver.core.impl.phase.event.PhaseLifecycleListenerAdapter;
import ai.timefold.solver.core.impl.phase.scope.AbstractPhaseScope;
import ai.timefold.solver.core.impl.solver.DefaultSolver;

import eu.iucplanner.pairing.TestApplicants;
import eu.iucplanner.pairing.domain.PairingMode;
import eu.iucplanner.pairing.domain.PairingProblem;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.domain.PartnerSlot;

/** Blocking pairs by each side's own view, and the stable mode (deferred acceptance, EU side proposing). */
class StabilityTest {

    private static final SolverFactory<PairingSolution> FACTORY = ProvenOptimumStop.factory(SolverFactory.create(
            PairingSolverConfigs.defaultConfig().withTerminationConfig(
                    new TerminationConfig().withSpentLimit(java.time.Duration.ofMinutes(10)))));

    /**
     * Lyon and Marseille (FR), Boston and Curitiba. Boston likes Lyon best (shared mobility and circular economy,
     * same language order aside); Curitiba shares mobility with Lyon only. Pairing Lyon-Curitiba and Marseille-Boston
     * leaves Lyon and Boston both preferring each other: one blocking pair, with the gains by each one's own view.
     */
    @Test
    void aBlockingPairNamesWhatEachSideWouldGain() {
        PairingProblem problem = new PairingProblem(TestApplicants.CALL, List.of(TestApplicants.lyonProfile().build(),
                TestApplicants.marseilleProfile().build(), TestApplicants.bostonProfile().build(),
                TestApplicants.curitibaProfile().build()), List.of(), List.of(), Map.of());
        PairingSolution solution = PairingProblemFactory.create(problem);
        PartnerSlot lyon = solution.getSlots().get(0);
        PartnerSlot marseille = solution.getSlots().get(1);
        var boston = solution.getPartnerCandidates().get(0);
        var curitiba = solution.getPartnerCandidates().get(1);
        lyon.setPartner(curitiba);
        marseille.setPartner(boston);
        PairWeights weights = PairWeights.of(solution.getConstraintWeightOverrides());
        List<Stability.BlockingPair> blocking = Stability.blockingPairs(solution);
        assertThat(blocking).singleElement().satisfies(pair -> {
            assertThat(pair.eu().getId()).isEqualTo("lyon");
            assertThat(pair.partner().getId()).isEqualTo("boston");
            assertThat(pair.euGivesUp().getId()).isEqualTo("curitiba");
            assertThat(pair.partnerGivesUp().getId()).isEqualTo("marseille");
            assertThat(pair.euGain()).isEqualTo(Stability.rank(weights, lyon.getOwner(), boston)
                    - Stability.rank(weights, lyon.getOwner(), curitiba));
            assertThat(pair.partnerGain()).isEqualTo(Stability.rank(weights, boston, lyon.getOwner())
                    - Stability.rank(weights, boston, marseille.getOwner()));
            assertThat(pair.euGain()).isPositive();
            assertThat(pair.partnerGain()).isPositive();
        });
        lyon.setPartner(boston);
        marseille.setPartner(curitiba);
        assertThat(Stability.blockingPairs(solution)).isEmpty();
    }

    /**
     * Item 4: on 150 random pools (pins, exclusions, capacities of 1 and 2, targets and country caps aside) the
     * stable mode returns a feasible pairing with no blocking pair, ends after the warm start, and reports the
     * optimum as its bound; the optimum of the same pools has blocking pairs on many of them.
     */
    @Test
    void theStableModeHasNoBlockingPairAndTheOptimumAsItsBound() {
        Random random = new Random(17L);
        int optimaWithBlockingPairs = 0;
        int cheaperThanTheOptimum = 0;
        for (int pool = 0; pool < 150; pool++) {
            PairingProblem base = RandomPools.generate(random, 6, pool % 2 == 1);
            if (!base.call().countryLimits().isEmpty()) {
                continue; // the stable mode does not take country caps (the service refuses them together)
            }
            PairingProblem stable = new PairingProblem(base.call(), base.applicants(), base.pinnedPairs(),
                    base.excludedPairs(), base.weightOverrides(), true, PairingMode.STABLE);
            List<Integer> phases = new ArrayList<>();
            Solver<PairingSolution> solver = FACTORY.buildSolver();
            ((DefaultSolver<PairingSolution>) solver).addPhaseLifecycleListener(new PhaseLifecycleListenerAdapter<>() {
                @Override
                public void phaseStarted(AbstractPhaseScope<PairingSolution> phaseScope) {
                    phases.add(phaseScope.getPhaseIndex());
                }
            });
            PairingSolution best = solver.solve(PairingProblemFactory.create(stable));
            assertThat(best.getScore().hardScore()).as("pool %d", pool).isZero();
            assertThat(Stability.blockingPairs(best)).as("pool %d", pool).isEmpty();
            if (best.hasNothingToDecide()) {
                continue;
            }
            assertThat(phases).as("pool %d", pool).containsExactly(0);
            var optimum = new ExhaustivePairing(PairingProblemFactory.create(base)).bestScore();
            assertThat(best.bestBound()).as("pool %d", pool).isEqualTo(optimum);
            assertThat(best.getScore()).isLessThanOrEqualTo(optimum);
            cheaperThanTheOptimum += best.getScore().compareTo(optimum) < 0 ? 1 : 0;
            PairingSolution optimal = FACTORY.buildSolver().solve(PairingProblemFactory.create(base));
            optimaWithBlockingPairs += Stability.blockingPairs(optimal).isEmpty() ? 0 : 1;
        }
        assertThat(cheaperThanTheOptimum).as("pools where stability costs score").isGreaterThan(10);
        assertThat(optimaWithBlockingPairs).as("optima that are not stable").isGreaterThan(10);
    }
}
