package eu.iucplanner.scheduling.service;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import ai.timefold.solver.core.api.score.Score;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import eu.iucplanner.run.service.RunKind;
import eu.iucplanner.run.service.TerminationDto;
import eu.iucplanner.scheduling.domain.ExchangeSchedule;
import eu.iucplanner.scheduling.solver.SchedulingSolverConfigs;

/**
 * Schedule runs in the run lifecycle: pairs, experts and a plan become an {@link ExchangeSchedule}; a schedule is
 * stored as each event's start and expert.
 */
@Component
public class ScheduleRunKind implements RunKind<ScheduleRunRequest, ExchangeSchedule, StoredSchedule> {

    public static final String NAME = "schedule";

    private final ScheduleRequestMapper mapper;
    private final SolverFactory<ExchangeSchedule> solverFactory;
    private final SolutionManager<ExchangeSchedule, HardMediumSoftLongScore> solutionManager;
    private final TerminationConfig defaultTermination;

    public ScheduleRunKind(ScheduleRequestMapper mapper, SolverFactory<ExchangeSchedule> schedulingSolverFactory,
            SolutionManager<ExchangeSchedule, HardMediumSoftLongScore> schedulingSolutionManager) {
        this.mapper = mapper;
        this.solverFactory = schedulingSolverFactory;
        this.solutionManager = schedulingSolutionManager;
        this.defaultTermination = SchedulingSolverConfigs.defaultConfig().getTerminationConfig();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String label() {
        return "schedule run";
    }

    @Override
    public Class<ScheduleRunRequest> requestType() {
        return ScheduleRunRequest.class;
    }

    @Override
    public Class<StoredSchedule> snapshotType() {
        return StoredSchedule.class;
    }

    @Override
    public ExchangeSchedule problem(ScheduleRunRequest request) {
        return mapper.toSchedule(request);
    }

    @Override
    public TerminationDto termination(ScheduleRunRequest request) {
        return request.termination();
    }

    @Override
    public TerminationConfig defaultTermination() {
        return defaultTermination;
    }

    @Override
    public SolverFactory<ExchangeSchedule> solverFactory() {
        return solverFactory;
    }

    @Override
    public StoredSchedule snapshot(ExchangeSchedule solution) {
        return StoredSchedule.of(solution);
    }

    @Override
    public void apply(ExchangeSchedule solution, StoredSchedule snapshot) {
        snapshot.applyTo(solution);
    }

    @Override
    public Score<?> score(ExchangeSchedule solution) {
        return solution.getScore();
    }

    @Override
    public Map<String, Object> summary(ExchangeSchedule solution) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("pairCount", solution.getPairs().size());
        summary.put("eventCount", solution.getEvents().size());
        summary.put("sharedEventCount", solution.getEvents().stream().filter(event -> event.isShared()).count());
        return summary;
    }

    @Override
    public ScoreAnalysis<?> analyze(ExchangeSchedule solution) {
        return solutionManager.analyze(solution, ScoreAnalysisFetchPolicy.FETCH_ALL);
    }
}
