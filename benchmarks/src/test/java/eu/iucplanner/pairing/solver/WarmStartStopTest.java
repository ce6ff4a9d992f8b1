package eu.iucplanner.pairing.solver;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import eu.iucplanner.demo.DemoPoolSize;
import eu.iucplanner.demo.DemoPools;
import eu.iucplanner.pairing.domain.Applicant;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.domain.PartnerSlot;

/**
 * A user stops the service's default solver on the HUGE demo pool while its exact warm start runs: {@code solve()}
 * returns with the warm start's pairs, not an empty pairing. The test lives beside the demo pools (the solver module
 * cannot see them) in the warm start's package, for its stop-signal seam. The stop is lined up with latches: the flow
 * waits at its n-th look at the stop signal until this thread has called {@code terminateEarly()}.
 */
class WarmStartStopTest {

    @AfterEach
    void removeDecorator() {
        MatchingWarmStart.stopSignalDecorator = UnaryOperator.identity();
    }

    /**
     * @param stopAtCheck the flow's look at the signal at which the stop arrives: on this pool it looks about 570
     *                    times, the first right after its greedy matching, the 40th and 400th within the cost-scaling
     *                    refines
     */
    @ParameterizedTest
    @ValueSource(ints = { 1, 40, 400 })
    void terminateEarlyDuringTheWarmStartReturnsItsPairs(int stopAtCheck) throws Exception {
        PairingSolution problem = PairingProblemFactory.create(
                DemoPools.generate(DemoPoolSize.HUGE, DemoPools.DEFAULT_SEED, true));
        CountDownLatch flowAtCheck = new CountDownLatch(1);
        CountDownLatch stopRequested = new CountDownLatch(1);
        AtomicInteger checks = new AtomicInteger();
        AtomicBoolean timefoldSaidStop = new AtomicBoolean();
        MatchingWarmStart.stopSignalDecorator = signal -> () -> {
            if (checks.incrementAndGet() == stopAtCheck) {
                flowAtCheck.countDown();
                awaitQuietly(stopRequested);
            }
            boolean stop = signal.getAsBoolean();
            timefoldSaidStop.compareAndSet(false, stop);
            return stop;
        };
        Solver<PairingSolution> solver = SolverFactory.<PairingSolution>create(PairingSolverConfigs.defaultConfig())
                .buildSolver();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<PairingSolution> solving = executor.submit(() -> solver.solve(problem));
            assertThat(flowAtCheck.await(120, SECONDS)).as("the flow looked at the stop signal").isTrue();
            solver.terminateEarly();
            stopRequested.countDown();
            // Only an upper guard against hanging; the outcome below is what the test is about.
            PairingSolution best = solving.get(30, SECONDS);

            assertThat(timefoldSaidStop).as("Timefold's isTerminated turned true after terminateEarly()").isTrue();
            assertThat(checks.get()).as("the flow stopped at its first look after the stop").isEqualTo(stopAtCheck);
            long pairs = best.getSlots().stream().filter(slot -> slot.getPartner() != null).count();
            assertThat(pairs).isGreaterThan(best.getSlots().size() / 2);
            assertThat(best.getScore().hardScore()).isZero();
            assertNoPairCanBeAdded(best);
        } finally {
            executor.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(120, SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Maximal: no open slot could take a partner that has room and is neither excluded nor already its partner. */
    private static void assertNoPairCanBeAdded(PairingSolution solution) {
        Map<Applicant, Integer> load = new HashMap<>();
        Map<Applicant, Set<Applicant>> partnersOf = new HashMap<>();
        for (PartnerSlot slot : solution.getSlots()) {
            if (slot.getPartner() != null) {
                load.merge(slot.getPartner(), 1, Integer::sum);
                partnersOf.computeIfAbsent(slot.getOwner(), owner -> new HashSet<>()).add(slot.getPartner());
            }
        }
        for (PartnerSlot open : solution.getSlots()) {
            if (open.getPartner() != null) {
                continue;
            }
            for (Applicant partner : solution.getPartnerCandidates()) {
                boolean addable = load.getOrDefault(partner, 0) < partner.getMaxPartners()
                        && !open.getOwner().excludes(partner)
                        && !partnersOf.getOrDefault(open.getOwner(), Set.of()).contains(partner);
                assertThat(addable).as("%s could still take %s", open.getOwner(), partner).isFalse();
            }
        }
    }
}
