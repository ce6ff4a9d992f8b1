package eu.iucplanner.pairing.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;

import eu.iucplanner.pairing.domain.Applicant;
import eu.iucplanner.pairing.domain.ApplicantProfile;
import eu.iucplanner.pairing.domain.PairRef;
import eu.iucplanner.pairing.domain.PairingProblem;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.domain.PartnerSlot;

/** The warm start alone: exact when it runs to the end, valid and maximal when the run is stopped at once. */
class MatchingWarmStartTest {

    private static final SolverFactory<PairingSolution> WARM_START_ONLY = SolverFactory.create(warmStartOnly());

    @AfterEach
    void removeDecorator() {
        MatchingWarmStart.stopSignalDecorator = UnaryOperator.identity();
    }

    @Test
    void unstoppedWarmStartReachesTheExhaustiveOptimumWithPins() {
        Random random = new Random(11L);
        int pinned = 0;
        int countryLimited = 0;
        for (int pool = 0; pool < 100; pool++) {
            PairingProblem problem = withRandomPin(random, RandomPools.generate(random, 6, pool % 2 == 1));
            pinned += problem.pinnedPairs().size();
            countryLimited += problem.call().countryLimits().isEmpty() ? 0 : 1;
            PairingSolution best = WARM_START_ONLY.buildSolver().solve(PairingProblemFactory.create(problem));
            assertThat(best.getScore()).as("pool %d", pool)
                    .isEqualTo(new ExhaustivePairing(PairingProblemFactory.create(problem)).bestScore());
        }
        assertThat(pinned).as("pools with a pin").isGreaterThan(30);
        assertThat(countryLimited).as("pools with country caps (the exact CountryFlow)").isGreaterThan(20);
    }

    /**
     * The stop is seen at the flow's first look, right after its greedy matching. (Stops within the flow's later
     * phases: {@code MaxWeightBMatchingTest} on mid-size graphs and {@code WarmStartStopTest} on the HUGE demo pool.)
     */
    @Test
    void stoppedItStillGivesAFeasibleMaximalPairing() {
        int stopAtLook = 1;
        Random random = new Random(12L);
        int pinned = 0;
        int stopped = 0;
        for (int pool = 0; pool < 100; pool++) {
            int[] looks = new int[1];
            MatchingWarmStart.stopSignalDecorator = signal -> () -> ++looks[0] >= stopAtLook;
            PairingProblem problem = withRandomPin(random, RandomPools.generate(random, 12, pool % 2 == 1));
            pinned += problem.pinnedPairs().size();
            PairingSolution best = WARM_START_ONLY.buildSolver().solve(PairingProblemFactory.create(problem));
            assertThat(best.getScore().hardScore()).as("pool %d", pool).isZero();
            assertNoPairCanBeAdded(best);
            // Once the stop is seen nothing looks again.
            assertThat(looks[0]).as("pool %d: looks at the stop signal", pool).isLessThanOrEqualTo(stopAtLook);
            stopped += looks[0] == stopAtLook ? 1 : 0;
        }
        assertThat(pinned).as("pools with a pin").isGreaterThan(30);
        assertThat(stopped).as("pools that saw the stop (the others have no slot, so no phase runs)")
                .isGreaterThan(80);
    }

    /**
     * No open, unpinned slot could take a partner that has room, is not excluded, is not already its partner and
     * whose pair would keep both countries within their hard caps.
     */
    private static void assertNoPairCanBeAdded(PairingSolution solution) {
        Map<Applicant, Integer> load = new HashMap<>();
        Map<String, Integer> countryLoad = new HashMap<>();
        for (PartnerSlot slot : solution.getSlots()) {
            if (slot.getPartner() != null) {
                load.merge(slot.getPartner(), 1, Integer::sum);
                countryLoad.merge(slot.getOwner().getProfile().country(), 1, Integer::sum);
                countryLoad.merge(slot.getPartner().getProfile().country(), 1, Integer::sum);
            }
        }
        Map<String, Integer> caps = new HashMap<>();
        solution.getCountryLimits().stream().filter(limit -> limit.cap() >= 0)
                .forEach(limit -> caps.put(limit.country(), limit.cap()));
        for (PartnerSlot open : solution.getSlots()) {
            if (open.getPartner() != null || open.isPinned()) {
                continue;
            }
            Applicant owner = open.getOwner();
            for (Applicant partner : solution.getPartnerCandidates()) {
                boolean alreadyPaired = solution.getSlots().stream()
                        .anyMatch(slot -> slot.getOwner() == owner && slot.getPartner() == partner);
                boolean countriesHaveRoom = java.util.stream.Stream.of(owner, partner)
                        .map(applicant -> applicant.getProfile().country())
                        .allMatch(country -> countryLoad.getOrDefault(country, 0)
                                < caps.getOrDefault(country, Integer.MAX_VALUE));
                boolean addable = load.getOrDefault(partner, 0) < partner.getMaxPartners() && !owner.excludes(partner)
                        && !alreadyPaired && countriesHaveRoom;
                assertThat(addable).as("%s could still take %s", owner, partner).isFalse();
            }
        }
    }

    /** The problem with one pin between an eligible EU applicant and an eligible partner that are not excluded. */
    private static PairingProblem withRandomPin(Random random, PairingProblem problem) {
        PairingSolution solution = PairingProblemFactory.create(problem);
        List<Applicant> owners = solution.getSlots().stream().map(PartnerSlot::getOwner).distinct().toList();
        List<Applicant> partners = solution.getPartnerCandidates();
        if (owners.isEmpty() || partners.isEmpty() || random.nextBoolean()) {
            return problem;
        }
        Applicant owner = owners.get(random.nextInt(owners.size()));
        Applicant partner = partners.get(random.nextInt(partners.size()));
        if (owner.excludes(partner)
                || !RandomPools.pinFitsCountryCaps(solution, problem.pinnedPairs(), owner, partner)) {
            return problem;
        }
        List<PairRef> pins = new ArrayList<>(problem.pinnedPairs());
        pins.add(new PairRef(owner.getId(), partner.getId()));
        List<ApplicantProfile> applicants = problem.applicants();
        return new PairingProblem(problem.call(), applicants, pins, problem.excludedPairs(),
                problem.weightOverrides());
    }

    private static SolverConfig warmStartOnly() {
        SolverConfig config = PairingSolverConfigs.defaultConfig()
                .withPhases(new CustomPhaseConfig().withCustomPhaseCommandClassList(List.of(MatchingWarmStart.class)));
        config.setTerminationConfig(null);
        return config;
    }
}
