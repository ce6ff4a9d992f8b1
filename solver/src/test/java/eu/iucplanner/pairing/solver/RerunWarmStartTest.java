package eu.iucplanner.pairing.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import ai.timefold.solver.core.impl.phase.event.PhaseLifecycleListenerAdapter;
import ai.timefold.solver.core.impl.phase.scope.AbstractPhaseScope;
import ai.timefold.solver.core.impl.solver.DefaultSolver;

import eu.iucplanner.pairing.domain.Applicant;
import eu.iucplanner.pairing.domain.PairRef;
import eu.iucplanner.pairing.domain.PairingProblem;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.domain.PartnerSlot;

/**
 * A what-if rerun: the problem with changed pins and exclusions, started from the previous run's best solution (the
 * pairs the changes forbid left out, as the service does). It must reach the optimum under its own pins and exclusions,
 * and end there as soon as a new run of the same problem does.
 */
class RerunWarmStartTest {

    private static final SolverFactory<PairingSolution> WARM_START_ONLY = SolverFactory.create(
            PairingSolverConfigs.defaultConfig().withTerminationConfig(null).withPhases(
                    new CustomPhaseConfig().withCustomPhaseCommandClassList(List.of(MatchingWarmStart.class))));

    @Test
    void rerunFromAnEarlierSolutionReachesTheExhaustiveOptimumUnderItsPinsAndExclusions() {
        Random random = new Random(21L);
        int changed = 0;
        for (int pool = 0; pool < 150; pool++) {
            PairingProblem before = RandomPools.generate(random, 6, pool % 2 == 1);
            PairingSolution previous = WARM_START_ONLY.buildSolver().solve(PairingProblemFactory.create(before));
            PairingProblem after = withRandomChanges(random, before);
            changed += after.pinnedPairs().size() + after.excludedPairs().size() - before.excludedPairs().size();
            PairingSolution start = startFrom(previous, after);
            PairingSolution best = WARM_START_ONLY.buildSolver().solve(start);
            assertThat(best.getScore()).as("pool %d", pool)
                    .isEqualTo(new ExhaustivePairing(PairingProblemFactory.create(after)).bestScore());
            assertThat(best.isProvenOptimal()).as("pool %d proven optimal", pool).isTrue();
        }
        assertThat(changed).as("pins and exclusions added").isGreaterThan(100);
    }

    /**
     * On a pool of a few hundred applicants: the new run and the rerun end with the same score, proven optimal, and
     * neither goes past the warm start (the local search phase, which would otherwise run until its step limit, never
     * starts). Before, the rerun skipped the warm start and ended wherever local search got to.
     */
    @Test
    void aRerunEndsAtTheProvenOptimumAsSoonAsANewRunDoes() {
        Random random = new Random(5L);
        for (int pool = 0; pool < 4; pool++) {
            PairingProblem before = RandomPools.generate(random, 200, pool % 2 == 0);
            SolverFactory<PairingSolution> factory = ProvenOptimumStop.factory(SolverFactory.create(defaultConfig()));
            PairingSolution previous = factory.buildSolver().solve(PairingProblemFactory.create(before));
            PairingProblem after = withRandomChanges(random, withRandomChanges(random, before));

            List<Integer> freshPhases = new ArrayList<>();
            PairingSolution fresh = solve(factory, PairingProblemFactory.create(after), freshPhases);
            List<Integer> rerunPhases = new ArrayList<>();
            PairingSolution rerun = solve(factory, startFrom(previous, after), rerunPhases);

            assertThat(rerun.getScore()).as("pool %d", pool).isEqualTo(fresh.getScore());
            assertThat(rerun.isProvenOptimal()).isTrue();
            assertThat(freshPhases).as("pool %d: phases of the new run", pool).containsExactly(0);
            assertThat(rerunPhases).as("pool %d: phases of the rerun", pool).containsExactly(0);
        }
    }

    @Test
    void withoutStopAtProvenOptimumTheSolverGoesOnToItsTermination() {
        PairingProblem problem = RandomPools.generate(new Random(8L), 20, true);
        PairingProblem busy = new PairingProblem(problem.call(), problem.applicants(), problem.pinnedPairs(),
                problem.excludedPairs(), problem.weightOverrides(), false);
        List<Integer> phases = new ArrayList<>();
        SolverFactory<PairingSolution> factory = ProvenOptimumStop.factory(SolverFactory.create(defaultConfig()));
        PairingSolution best = solve(factory, PairingProblemFactory.create(busy), phases);
        assertThat(best.isProvenOptimal()).isTrue();
        assertThat(phases).as("local search ran").contains(2);
    }

    private static PairingSolution solve(SolverFactory<PairingSolution> factory, PairingSolution start,
            List<Integer> phases) {
        Solver<PairingSolution> solver = factory.buildSolver();
        ((DefaultSolver<PairingSolution>) solver).addPhaseLifecycleListener(new PhaseLifecycleListenerAdapter<>() {
            @Override
            public void phaseStarted(AbstractPhaseScope<PairingSolution> phaseScope) {
                phases.add(phaseScope.getPhaseIndex());
            }
        });
        return solver.solve(start);
    }

    /** The default configuration, its local search bounded by steps so that a miss fails instead of hanging. */
    private static SolverConfig defaultConfig() {
        SolverConfig config = PairingSolverConfigs.defaultConfig()
                .withTerminationConfig(new TerminationConfig().withSpentLimit(java.time.Duration.ofMinutes(10)));
        config.getPhaseConfigList().stream().filter(LocalSearchPhaseConfig.class::isInstance)
                .forEach(phase -> phase.setTerminationConfig(
                        new TerminationConfig().withStepCountLimit(200).withMoveCountLimit(20_000L)));
        return config.withRandomSeed(3L);
    }

    /** The rerun's start as the service builds it: the previous partners, without the pairs the changes forbid. */
    static PairingSolution startFrom(PairingSolution previous, PairingProblem changed) {
        PairingSolution start = PairingProblemFactory.create(changed);
        Map<String, String> partnerBySlot = new HashMap<>();
        previous.getSlots().stream().filter(slot -> slot.getPartner() != null)
                .forEach(slot -> partnerBySlot.put(slot.getId(), slot.getPartner().getId()));
        Map<String, Applicant> candidates = new HashMap<>();
        start.getPartnerCandidates().forEach(candidate -> candidates.put(candidate.getId(), candidate));
        Map<Applicant, Integer> used = new HashMap<>();
        Set<String> formed = new HashSet<>();
        for (PartnerSlot slot : start.getSlots()) {
            if (slot.isPinned()) {
                used.merge(slot.getPartner(), 1, Integer::sum);
                formed.add(slot.getOwner().getId() + "/" + slot.getPartner().getId());
            }
        }
        for (PartnerSlot slot : start.getSlots()) {
            Applicant partner = slot.isPinned() ? null : candidates.get(partnerBySlot.get(slot.getId()));
            if (partner == null || slot.getOwner().excludes(partner)
                    || formed.contains(slot.getOwner().getId() + "/" + partner.getId())
                    || used.getOrDefault(partner, 0) >= partner.getMaxPartners()) {
                continue;
            }
            slot.setPartner(partner);
            used.merge(partner, 1, Integer::sum);
            formed.add(slot.getOwner().getId() + "/" + partner.getId());
        }
        return start;
    }

    /** The problem with one more pin and one more exclusion, where the pool allows them. */
    static PairingProblem withRandomChanges(Random random, PairingProblem problem) {
        PairingSolution solution = PairingProblemFactory.create(problem);
        List<Applicant> owners = solution.getSlots().stream().filter(slot -> !slot.isPinned())
                .map(PartnerSlot::getOwner).distinct().toList();
        List<Applicant> partners = solution.getPartnerCandidates();
        if (owners.isEmpty() || partners.isEmpty()) {
            return problem;
        }
        List<PairRef> pins = new ArrayList<>(problem.pinnedPairs());
        List<PairRef> exclusions = new ArrayList<>(problem.excludedPairs());
        Map<String, Long> pinsOf = new HashMap<>();
        pins.forEach(pin -> {
            pinsOf.merge(pin.firstId(), 1L, Long::sum);
            pinsOf.merge(pin.secondId(), 1L, Long::sum);
        });
        Applicant owner = owners.get(random.nextInt(owners.size()));
        Applicant partner = partners.get(random.nextInt(partners.size()));
        boolean pinned = pins.stream().anyMatch(pin -> pin.names(owner.getId()) && pin.names(partner.getId()));
        if (!owner.excludes(partner) && !pinned && pinsOf.getOrDefault(partner.getId(), 0L) < partner.getMaxPartners()
                && pinsOf.getOrDefault(owner.getId(), 0L) < owner.getMaxPartners()
                && RandomPools.pinFitsCountryCaps(solution, pins, owner, partner)) {
            pins.add(new PairRef(owner.getId(), partner.getId()));
        }
        Applicant excludedOwner = owners.get(random.nextInt(owners.size()));
        Applicant excludedPartner = partners.get(random.nextInt(partners.size()));
        boolean excludedIsPinned = pins.stream()
                .anyMatch(pin -> pin.names(excludedOwner.getId()) && pin.names(excludedPartner.getId()));
        if (!excludedIsPinned) {
            exclusions.add(new PairRef(excludedOwner.getId(), excludedPartner.getId()));
        }
        return new PairingProblem(problem.call(), problem.applicants(), pins, exclusions, problem.weightOverrides());
    }
}
