package eu.iucplanner.scheduling.service;

import java.util.List;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.SolverManagerConfig;
import ai.timefold.solver.core.config.solver.monitoring.MonitoringConfig;
import ai.timefold.solver.core.config.solver.monitoring.SolverMetric;
import eu.iucplanner.pairing.service.PairingProperties;
import eu.iucplanner.scheduling.domain.ExchangeSchedule;
import eu.iucplanner.scheduling.solver.SchedulingSolverConfigs;

/**
 * The scheduling solver, built like the pairing one from the solver module's configuration (not by Timefold's Spring
 * Boot starter): its own {@link SolverManager} and {@link SolutionManager}, told apart from the pairing ones by their
 * generic types.
 */
@Configuration(proxyBeanMethods = false)
public class SchedulingSolverConfiguration {

    @Bean(destroyMethod = "")
    SolverManager<ExchangeSchedule, UUID> schedulingSolverManager(PairingProperties properties) {
        SolverConfig config = SchedulingSolverConfigs.defaultConfig()
                .withMonitoringConfig(new MonitoringConfig().withSolverMetricList(List.of(SolverMetric.SOLVE_DURATION,
                        SolverMetric.ERROR_COUNT, SolverMetric.MOVE_EVALUATION_COUNT, SolverMetric.BEST_SCORE)));
        return SolverManager.create(SolverFactory.create(config),
                new SolverManagerConfig().withParallelSolverCount(String.valueOf(properties.parallelRuns())));
    }

    @Bean
    SolutionManager<ExchangeSchedule, HardSoftLongScore> schedulingSolutionManager() {
        return SolutionManager.create(SolverFactory.create(SchedulingSolverConfigs.defaultConfig()));
    }

    @Bean
    SchedulingTermination schedulingDefaultTermination() {
        return new SchedulingTermination(SchedulingSolverConfigs.defaultConfig().getTerminationConfig());
    }
}
