package eu.iucplanner.pairing.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.SolverManagerConfig;
import ai.timefold.solver.core.config.solver.monitoring.MonitoringConfig;
import ai.timefold.solver.core.config.solver.monitoring.SolverMetric;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.solver.PairingSolverConfigs;

/**
 * The pairing solver, built from the solver module's own configuration rather than Timefold's Spring Boot starter:
 * the service owns one {@link SolverManager} (as many solver threads as {@code iuc.pairing.parallel-runs}) and the
 * {@link SolutionManager} that explains solutions. The scheduling model (a later issue) gets its own pair of beans
 * the same way, which avoids the starter's restrictions on two planning solutions in one application. Solver
 * metrics go to Micrometer's global registry, which Spring Boot's registry joins.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PairingProperties.class)
public class PairingSolverConfiguration {

    @Bean
    SolverConfig pairingSolverConfig() {
        return PairingSolverConfigs.defaultConfig()
                .withMonitoringConfig(new MonitoringConfig().withSolverMetricList(List.of(SolverMetric.SOLVE_DURATION,
                        SolverMetric.ERROR_COUNT, SolverMetric.SCORE_CALCULATION_COUNT,
                        SolverMetric.MOVE_EVALUATION_COUNT, SolverMetric.PROBLEM_ENTITY_COUNT,
                        SolverMetric.PROBLEM_VALUE_COUNT, SolverMetric.BEST_SCORE)));
    }

    @Bean
    SolverFactory<PairingSolution> pairingSolverFactory(SolverConfig pairingSolverConfig) {
        return SolverFactory.create(pairingSolverConfig);
    }

    @Bean(destroyMethod = "")
    SolverManager<PairingSolution, UUID> pairingSolverManager(SolverFactory<PairingSolution> pairingSolverFactory,
            PairingProperties properties) {
        // Closed by PairingRunService.shutdown(), after solving runs have stored their best solution.
        return SolverManager.create(pairingSolverFactory,
                new SolverManagerConfig().withParallelSolverCount(String.valueOf(properties.parallelRuns())));
    }

    @Bean
    SolutionManager<PairingSolution, HardMediumSoftLongScore> pairingSolutionManager(
            SolverFactory<PairingSolution> pairingSolverFactory) {
        return SolutionManager.create(pairingSolverFactory);
    }

    /** The termination of the default solver configuration, used by runs that do not set their own. */
    @Bean
    TerminationConfig pairingDefaultTermination(SolverConfig pairingSolverConfig) {
        return pairingSolverConfig.getTerminationConfig();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
