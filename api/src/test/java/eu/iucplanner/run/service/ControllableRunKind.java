package eu.iucplanner.run.service;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import ai.timefold.solver.core.api.score.Score;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.service.PairingRunKind;
import eu.iucplanner.pairing.service.PairingRunRequest;
import eu.iucplanner.pairing.service.StoredAssignment;

/**
 * A pairing run kind for lifecycle tests: solves like pairing, but its problem loading can be held on a latch (to
 * stop a run while it loads) or can fail with an internal message (to check what a client sees of it).
 */
public class ControllableRunKind implements RunKind<PairingRunRequest, PairingSolution, StoredAssignment> {

    public static final String NAME = "controllable";

    private final PairingRunKind pairing;
    volatile CountDownLatch loading = new CountDownLatch(1);
    volatile CountDownLatch releaseLoading = new CountDownLatch(0);
    volatile String failLoadingWith;

    public ControllableRunKind(PairingRunKind pairing) {
        this.pairing = pairing;
    }

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
        return pairing.solverFactory();
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
