package eu.iucplanner.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicType;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.phase.PhaseConfig;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import eu.iucplanner.pairing.solver.MatchingWarmStart;
import eu.iucplanner.pairing.solver.PairingSolverConfigs;

/** The Timefold configurations compared; all use the production model and constraint provider. */
public enum TimefoldStrategy {

    /** The service's configuration exactly as shipped, its own termination included. */
    SERVICE_DEFAULT("Timefold: service default (exact warm start + LA, diminished returns)"),
    /** The service's phases under the pool's time budget. */
    EXACT_WARM_START_LA("Timefold: exact warm start + late acceptance"),
    GREEDY_WARM_START_LA("Timefold: greedy warm start + late acceptance"),
    CONSTRUCTION_ONLY("Timefold: construction heuristic only"),
    CONSTRUCTION_LA("Timefold: construction + late acceptance"),
    CONSTRUCTION_TABU("Timefold: construction + tabu search"),
    CONSTRUCTION_SA("Timefold: construction + simulated annealing");

    private final String label;

    TimefoldStrategy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The solver configuration of this strategy, stopping after {@code budget} (except the service default). */
    public SolverConfig config(Duration budget) {
        SolverConfig config = PairingSolverConfigs.defaultConfig();
        if (this == SERVICE_DEFAULT) {
            return config;
        }
        List<PhaseConfig> phases = new ArrayList<>();
        switch (this) {
            case EXACT_WARM_START_LA -> {
                phases.add(new CustomPhaseConfig().withCustomPhaseCommandClassList(List.of(MatchingWarmStart.class)));
                phases.add(constructionHeuristic());
                phases.add(localSearch(new LocalSearchAcceptorConfig().withLateAcceptanceSize(400), 1));
            }
            case GREEDY_WARM_START_LA -> {
                phases.add(new CustomPhaseConfig().withCustomPhaseCommandClassList(List.of(GreedyWarmStart.class)));
                phases.add(constructionHeuristic());
                phases.add(localSearch(new LocalSearchAcceptorConfig().withLateAcceptanceSize(400), 1));
            }
            case CONSTRUCTION_ONLY -> phases.add(constructionHeuristic());
            case CONSTRUCTION_LA -> {
                phases.add(constructionHeuristic());
                phases.add(localSearch(new LocalSearchAcceptorConfig().withLateAcceptanceSize(400), 1));
            }
            case CONSTRUCTION_TABU -> {
                phases.add(constructionHeuristic());
                phases.add(localSearch(new LocalSearchAcceptorConfig().withEntityTabuRatio(0.05), 1000));
            }
            case CONSTRUCTION_SA -> {
                phases.add(constructionHeuristic());
                phases.add(localSearch(new LocalSearchAcceptorConfig()
                        .withSimulatedAnnealingStartingTemperature("0hard/1medium/300soft"), 1));
            }
            default -> throw new IllegalStateException(name());
        }
        return config.withPhases(phases.toArray(PhaseConfig[]::new))
                .withTerminationConfig(new TerminationConfig().withSpentLimit(budget));
    }

    private static ConstructionHeuristicPhaseConfig constructionHeuristic() {
        return new ConstructionHeuristicPhaseConfig().withConstructionHeuristicType(ConstructionHeuristicType.FIRST_FIT);
    }

    private static LocalSearchPhaseConfig localSearch(LocalSearchAcceptorConfig acceptor, int acceptedCountLimit) {
        return new LocalSearchPhaseConfig()
                .withMoveSelectorConfig(new UnionMoveSelectorConfig(List.of(new ChangeMoveSelectorConfig(),
                        new SwapMoveSelectorConfig())))
                .withAcceptorConfig(acceptor)
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(acceptedCountLimit));
    }
}
