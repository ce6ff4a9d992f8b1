package eu.iucplanner.pairing.service;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.monitoring.MonitoringConfig;
import ai.timefold.solver.core.config.solver.monitoring.SolverMetric;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.solver.PairingSolverConfigs;

/**
 * The pairing solver, built from the solver module's own configuration rather than Timefold's Spring Boot starter:
 * the {@link SolverFactory} the run lifecycle builds each run's solver from (the lifecycle owns the threads, so one
 * budget of parallel runs holds across pairing and scheduling) and the {@link SolutionManager} that explains
 * solutions. Scheduling gets its own pair of beans the same way, which avoids the starter's restrictions on two
 * planning solutions in one application. Solver metrics go to Micrometer's global registry, which Spring Boot's
 * registry joins.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PairingProperties.class)
public class PairingSolverConfiguration {

    @Bean
    SolverFactory<PairingSolution> pairingSolverFactory() {
        return SolverFactory.create(PairingSolverConfigs.defaultConfig()
                .withMonitoringConfig(new MonitoringConfig().withSolverMetricList(List.of(SolverMetric.SOLVE_DURATION,
                        SolverMetric.ERROR_COUNT, SolverMetric.SCORE_CALCULATION_COUNT,
                        SolverMetric.MOVE_EVALUATION_COUNT, SolverMetric.PROBLEM_ENTITY_COUNT,
                        SolverMetric.PROBLEM_VALUE_COUNT, SolverMetric.BEST_SCORE))));
    }

    @Bean
    SolutionManager<PairingSolution, HardMediumSoftLongScore> pairingSolutionManager(
            SolverFactory<PairingSolution> pairingSolverFactory) {
        return SolutionManager.create(pairingSolverFactory);
    }
}
