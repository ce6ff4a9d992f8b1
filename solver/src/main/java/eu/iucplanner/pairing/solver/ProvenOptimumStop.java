package eu.iucplanner.pairing.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.impl.phase.event.PhaseLifecycleListener;
import ai.timefold.solver.core.impl.phase.scope.AbstractPhaseScope;
import ai.timefold.solver.core.impl.phase.scope.AbstractStepScope;
import ai.timefold.solver.core.impl.solver.DefaultSolver;
import ai.timefold.solver.core.impl.solver.scope.SolverScope;

import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.domain.ProvenBound;

/**
 * Ends a solver as soon as its best solution is proven optimal: when it reaches the bound the exact warm start proved
 * ({@link ProvenBound}), nothing can beat it, so searching on until the termination only spends time. It asks the
 * solver to terminate early after a phase or a step that leaves the best solution at the bound; Timefold then skips
 * the remaining phases and {@code solve()} returns the best solution, exactly as after its own termination (the run
 * ends COMPLETED, not stopped). Problems built with {@code stopAtProvenOptimum = false} are left to their termination.
 * <p>
 * Timefold has no configurable termination for "the best score reached a bound found while solving", so this hooks
 * into the solver's phase lifecycle: {@link #factory} wraps a solver factory so that every solver it builds has it.
 */
public final class ProvenOptimumStop implements PhaseLifecycleListener<PairingSolution> {

    private final DefaultSolver<PairingSolution> solver;

    private ProvenOptimumStop(DefaultSolver<PairingSolution> solver) {
        this.solver = solver;
    }

    /** A solver factory whose solvers end once their best solution is proven optimal. */
    public static SolverFactory<PairingSolution> factory(SolverFactory<PairingSolution> delegate) {
        return new SolverFactory<>() {
            @Override
            public Solver<PairingSolution> buildSolver(SolverConfigOverride<PairingSolution> configOverride) {
                Solver<PairingSolution> built = delegate.buildSolver(configOverride);
                if (built instanceof DefaultSolver<PairingSolution> defaultSolver) {
                    defaultSolver.addPhaseLifecycleListener(new ProvenOptimumStop(defaultSolver));
                }
                return built;
            }
        };
    }

    private void check(SolverScope<PairingSolution> solverScope) {
        PairingSolution best = solverScope.getBestSolution();
        if (best == null || best.getProvenBound() == null || solverScope.getBestScore() == null) {
            return;
        }
        if (best.getProvenBound().finished() && !solver.isTerminateEarly()) {
            solver.terminateEarly();
            return;
        }
        if (!best.getProvenBound().stopWhenProven()) {
            return;
        }
        HardMediumSoftLongScore score = (HardMediumSoftLongScore) solverScope.getBestScore().raw();
        if (best.getProvenBound().isOptimal(score) && !solver.isTerminateEarly()) {
            solver.terminateEarly();
        }
    }

    @Override
    public void phaseEnded(AbstractPhaseScope<PairingSolution> phaseScope) {
        check(phaseScope.getSolverScope());
    }

    @Override
    public void stepEnded(AbstractStepScope<PairingSolution> stepScope) {
        check(stepScope.getPhaseScope().getSolverScope());
    }

    @Override
    public void phaseStarted(AbstractPhaseScope<PairingSolution> phaseScope) {
        // Nothing to check before a phase has done anything.
    }

    @Override
    public void stepStarted(AbstractStepScope<PairingSolution> stepScope) {
        // Nothing to check before a step has done anything.
    }

    @Override
    public void solvingStarted(SolverScope<PairingSolution> solverScope) {
        // The bound is proven during solving.
    }

    @Override
    public void solvingEnded(SolverScope<PairingSolution> solverScope) {
        // Nothing to release.
    }
}
