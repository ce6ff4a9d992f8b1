package eu.iucplanner.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import ai.timefold.solver.core.impl.solver.DefaultSolver;
import eu.iucplanner.demo.SchedulingDemos;
import eu.iucplanner.scheduling.domain.ExchangeEvent;
import eu.iucplanner.scheduling.domain.ExchangeSchedule;
import eu.iucplanner.scheduling.solver.SchedulingSolverConfigs;

/**
 * The scheduling benchmark: the service's default scheduling solver on demos of 10, 40 and 80 pairs (2, 4 and 8
 * experts), each for a fixed time; reports when the schedule first broke no hard rule, the score over time, and a
 * simple lower bound of the hard score. Writes {@code results/scheduling-summary.md}.
 */
public final class SchedulingBenchmarks {

    private record Demo(int pairs, int experts, Duration budget) {
    }

    private SchedulingBenchmarks() {
    }

    public static void main(String[] args) throws IOException {
        List<Demo> demos = List.of(new Demo(10, 2, Duration.ofSeconds(20)), new Demo(40, 4, Duration.ofSeconds(40)),
                new Demo(80, 8, Duration.ofSeconds(60)));
        StringBuilder out = new StringBuilder("# Scheduling benchmark\n\nMachine: ").append(PairingBenchmarks.machine())
                .append(".\n\nThe default scheduling solver (template warm start, construction heuristic, late acceptance) on `SchedulingDemos` "
                        + "(seed 1, from 2027-01-04, 18 months, 8 events per pair), each run for its full budget. "
                        + "Lower bound: the hard score cannot be better than minus the sum, over the events, of the "
                        + "fewest host holiday or blackout days any start date of the event has (each event on its "
                        + "own); it is 0 when every event has a free date.\n\n"
                        + "| pairs | events | experts | budget | first without hard violation | hard lower bound | "
                        + "score after 1 s | 10 s | 30 s | at the end | moves/s | peak heap |\n"
                        + "|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        List<String> hardNotes = new ArrayList<>();
        for (Demo demo : demos) {
            ExchangeSchedule problem = SchedulingDemos.generate(demo.pairs(), demo.experts(), LocalDate.of(2027, 1, 4),
                    18, 1L);
            long bound = lowerBound(problem);
            SolverConfig config = SchedulingSolverConfigs.defaultConfig()
                    .withTerminationConfig(new TerminationConfig().withSpentLimit(demo.budget()));
            Solver<ExchangeSchedule> solver = SolverFactory.<ExchangeSchedule>create(config).buildSolver();
            List<long[]> timeline = new ArrayList<>();
            solver.addEventListener(event -> {
                HardSoftLongScore score = (HardSoftLongScore) event.getNewBestScore();
                timeline.add(new long[] { event.getTimeMillisSpent(), score.hardScore(), score.softScore() });
            });
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(pool -> pool.resetPeakUsage());
            ExchangeSchedule solved = solver.solve(problem);
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                    .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() >> 20;
            long speed = ((DefaultSolver<ExchangeSchedule>) solver).getSolverScope().getMoveEvaluationSpeed();
            String feasibleAt = timeline.stream().filter(point -> point[1] == 0).findFirst()
                    .map(point -> String.format(Locale.ROOT, "%.1f s", point[0] / 1000.0)).orElse("never");
            String row = String.format(Locale.ROOT, "| %d | %d | %d | %d s | %s | %dhard | %s | %s | %s | %s | %,d | %d MB |%n",
                    demo.pairs(), problem.getEvents().size(), demo.experts(), demo.budget().toSeconds(), feasibleAt,
                    -bound, at(timeline, 1_000), at(timeline, 10_000), at(timeline, 30_000), solved.getScore(), speed,
                    peak);
            System.out.print(row);
            out.append(row);
            ai.timefold.solver.core.api.solver.SolutionManager<ExchangeSchedule, HardSoftLongScore> manager =
                    ai.timefold.solver.core.api.solver.SolutionManager.create(
                            SolverFactory.<ExchangeSchedule>create(SchedulingSolverConfigs.defaultConfig()));
            ai.timefold.solver.core.api.score.analysis.ScoreAnalysis<HardSoftLongScore> analysis =
                    manager.analyze(solved);
            StringBuilder broken = new StringBuilder();
            for (ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis<HardSoftLongScore> constraint
                    : analysis.constraintAnalyses()) {
                if (constraint.score().hardScore() != 0) {
                    broken.append(constraint.constraintName()).append(' ').append(constraint.score().hardScore())
                            .append("; ");
                }
            }
            if (!broken.isEmpty()) {
                hardNotes.add(demo.pairs() + " pairs, hard rules still broken at the end: " + broken);
            }
        }
        hardNotes.forEach(note -> out.append("\n").append(note).append('\n'));
        Path results = Path.of("results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("scheduling-summary.md"), out.toString(), StandardCharsets.UTF_8);
        System.out.println(out);
    }

    private static String at(List<long[]> timeline, long millis) {
        long[] last = null;
        for (long[] point : timeline) {
            if (point[0] <= millis) {
                last = point;
            }
        }
        return last == null ? "-" : last[1] + "hard/" + last[2] + "soft";
    }

    /** Per event, the fewest closed days any allowed start gives it; summed. */
    static long lowerBound(ExchangeSchedule problem) {
        long bound = 0;
        for (ExchangeEvent event : problem.getEvents()) {
            if (!event.isInPerson()) {
                continue;
            }
            long best = Long.MAX_VALUE;
            for (LocalDate start = event.earliestStart(); !start.isAfter(event.latestStart());
                    start = start.plusDays(1)) {
                event.setStart(start);
                best = Math.min(best, event.closedDays());
            }
            event.setStart(null);
            bound += best;
        }
        return bound;
    }
}
