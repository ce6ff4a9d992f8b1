package eu.iucplanner.run.service;

import java.time.Duration;

import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

/** The one place that turns a run's requested termination into the solver's, capped by the service's limit. */
public final class Terminations {

    private Terminations() {
    }

    /**
     * The termination of a run: the requested one, or else the kind's default; either way no limit longer than
     * {@code cap} ({@code iuc.runs.max-spent-limit}), and never without a spent limit.
     */
    public static TerminationConfig of(TerminationDto requested, TerminationConfig kindDefault, Duration cap) {
        if (requested == null) {
            TerminationConfig config = kindDefault.copyConfig();
            config.setSpentLimit(min(config.getSpentLimit(), cap));
            return config;
        }
        TerminationConfig config = new TerminationConfig().withSpentLimit(min(requested.spentLimit(), cap));
        if (requested.unimprovedSpentLimit() != null) {
            config.setUnimprovedSpentLimit(min(requested.unimprovedSpentLimit(), cap));
        }
        return config;
    }

    private static Duration min(Duration limit, Duration cap) {
        return limit == null || limit.compareTo(cap) > 0 ? cap : limit;
    }
}
