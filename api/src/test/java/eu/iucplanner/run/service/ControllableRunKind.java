package eu.iucplanner.run.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import ai.timefold.solver.core.api.score.Score;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import ai.timefold.solver.core.config.phase.PhaseConfig;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.service.PairingRunKind;
import eu.iucplanner.pairing.service.PairingRunRequest;
import eu.iucplanner.pairing.service.StoredAssignment;
import eu.iucplanner.pairing.solver.PairingSolverConfigs;

/**
 * A pairing run kind for lifecycle tests: solves like pairing, but its problem loading can be held on a latch (to
 * stop a run while it loads) or can fail with an internal message (to check what a client sees of it).
 */
public class ControllableRunKind implements RunKind<PairingRunRequest, PairingSolution, StoredAssignment> {

    public static final String NAME = "controllable";

    private final PairingRunKind pairing;
    private final SolverFactory<PairingSolution> stuckSolverFactory;
    volatile boolean stuck;
    volatile CountDownLatch loading = new CountDownLatch(1);
    volatile CountDownLatch releaseLoading = new CountDownLatch(0);
    volatile String failLoadingWith;

    public ControllableRunKind(PairingRunKind pairing) {
        this.pairing = pairing;
        SolverConfig config = PairingSolverConfigs.defaultConfig();
        List<PhaseConfig> phases = new ArrayList<>();
        phases.add(new CustomPhaseConfig().withCustomPhaseCommands(new StuckPhase()));
        phases.addAll(config.getPhaseConfigList());
        this.stuckSolverFactory = SolverFactory.create(config.withPhases(phases.toArray(PhaseConfig[]::new)));
    }

    /**
     * A first phase that ignores its termination (as a phase with a bug would) until {@link #RELEASE_STUCK} opens;
     * {@link #STUCK_ENTERED} opens when it starts.
     */
    static final class StuckPhase implements PhaseCommand<PairingSolution> {
        @Override
        public void changeWorkingSolution(ScoreDirector<PairingSolution> scoreDirector, BooleanSupplier isTerminated) {
            STUCK_ENTERED.countDown();
            try {
                RELEASE_STUCK.await(10, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static final CountDownLatch STUCK_ENTERED = new CountDownLatch(1);
    static final CountDownLatch RELEASE_STUCK = new CountDownLatch(1);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String label() {
        return "controllable run";
    }

    @Override
    public Class<PairingRunRequest> requestType() {
        return PairingRunRequest.class;
    }

    @Override
    public Class<StoredAssignment> snapshotType() {
        return StoredAssignment.class;
    }

    @Override
    public PairingSolution problem(PairingRunRequest request) {
        loading.countDown();
        try {
            releaseLoading.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failLoadingWith != null) {
            throw new IllegalStateException(failLoadingWith);
        }
        return pairing.problem(request);
    }

    @Override
    public TerminationDto termination(PairingRunRequest request) {
        return pairing.termination(request);
    }

    @Override
    public TerminationConfig defaultTermination() {
        return pairing.defaultTermination();
    }

    @Override
    public SolverFactory<PairingSolution> solverFactory() {
        return stuck ? stuckSolverFactory : pairing.solverFactory();
    }

    @Override
    public StoredAssignment snapshot(PairingSolution solution) {
        return pairing.snapshot(solution);
    }

    @Override
    public void apply(PairingSolution solution, StoredAssignment snapshot) {
        pairing.apply(solution, snapshot);
    }

    @Override
    public Score<?> score(PairingSolution solution) {
        return pairing.score(solution);
    }

    @Override
    public Map<String, Object> summary(PairingSolution solution) {
        return pairing.summary(solution);
    }

    @Override
    public ScoreAnalysis<?> analyze(PairingSolution solution) {
        return pairing.analyze(solution);
    }
}
