package eu.iucplanner.pairing.solver;

import ai.timefold.solver.core.config.solver.SolverConfig;

/** Where the pairing solver configurations live. */
public final class PairingSolverConfigs {

    /** Classpath resource of the default pairing solver configuration. */
    public static final String DEFAULT_RESOURCE = "eu/iucplanner/pairing/pairingSolverConfig.xml";

    private PairingSolverConfigs() {
    }

    /** A fresh copy of the default configuration: warm start, construction heuristic, late acceptance. */
    public static SolverConfig defaultConfig() {
        return SolverConfig.createFromXmlResource(DEFAULT_RESOURCE);
    }
}
