package eu.iucplanner.scheduling.solver;

import ai.timefold.solver.core.config.solver.SolverConfig;

/** The scheduling solver's configurations. */
public final class SchedulingSolverConfigs {

    public static final String DEFAULT_RESOURCE = "eu/iucplanner/scheduling/schedulingSolverConfig.xml";

    private SchedulingSolverConfigs() {
    }

    /** Construction heuristic, then late acceptance over the default change and swap moves of both variables. */
    public static SolverConfig defaultConfig() {
        return SolverConfig.createFromXmlResource(DEFAULT_RESOURCE);
    }
}
