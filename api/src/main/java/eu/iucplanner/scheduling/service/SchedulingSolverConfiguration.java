package eu.iucplanner.scheduling.service;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.monitoring.MonitoringConfig;
import ai.timefold.solver.core.config.solver.monitoring.SolverMetric;
import eu.iucplanner.scheduling.domain.ExchangeSchedule;
import eu.iucplanner.scheduling.solver.SchedulingSolverConfigs;

/**
 * The scheduling solver, built like the pairing one from the solver module's configuration (not by Timefold's Spring
 * Boot starter): its own {@link SolverFactory} and {@link SolutionManager}, told apart from the pairing ones by their
 * generic types.
 */
@Configuration(proxyBeanMethods = false)
public class SchedulingSolverConfiguration {

    @Bean
    SolverFactory<ExchangeSchedule> schedulingSolverFactory() {
        return SolverFactory.create(SchedulingSolverConfigs.defaultConfig()
                .withMonitoringConfig(new MonitoringConfig().withSolverMetricList(List.of(SolverMetric.SOLVE_DURATION,
                        SolverMetric.ERROR_COUNT, SolverMetric.MOVE_EVALUATION_COUNT, SolverMetric.BEST_SCORE))));
    }

    @Bean
    SolutionManager<ExchangeSchedule, HardMediumSoftLongScore> schedulingSolutionManager(
            SolverFactory<ExchangeSchedule> schedulingSolverFactory) {
        return SolutionManager.create(schedulingSolverFactory);
    }
}
