package eu.iucplanner.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import ai.timefold.solver.core.impl.solver.DefaultSolver;
import eu.iucplanner.demo.DemoPoolSize;
import eu.iucplanner.demo.DemoPools;
import eu.iucplanner.demo.SchedulingDemos;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.solver.PairingProblemFactory;
import eu.iucplanner.pairing.solver.PairingSolverConfigs;
import eu.iucplanner.scheduling.domain.ExchangeEvent;
import eu.iucplanner.scheduling.domain.ExchangeSchedule;
import eu.iucplanner.scheduling.solver.SchedulingSolverConfigs;

/**
 * The scheduling benchmark: the service's default scheduling solver, each for a fixed time, on the 40- and 80-pair
 * demos (4 and 8 experts) and on the 406 pairs of the LARGE demo pool's pairing (its exact optimum, seed 1, balance
 * off) with 41 experts. Reports when the schedule first broke no hard rule, the score over time, the move evaluation
 * speed, a lower bound of the hard score and of the number of experts, and the soft score by constraint at the end.
 * Writes {@code results/scheduling-summary.md}; with {@code -Dbenchmark.scheduling.quick=true} (set on the benchmark's
 * own JVM) only the two demos run, into {@code results/scheduling-summary-quick.md}.
 */
public final class SchedulingBenchmarks {

    private static final LocalDate START = LocalDate.of(2027, 1, 4);

    private record Demo(String name, int experts, Duration budget, Supplier<ExchangeSchedule> problem) {
    }

    private SchedulingBenchmarks() {
    }

    public static void main(String[] args) throws IOException {
        boolean quick = Boolean.getBoolean("benchmark.scheduling.quick");
        List<Demo> demos = new ArrayList<>(List.of(
                new Demo("40-pair demo", 4, Duration.ofSeconds(30),
                        () -> SchedulingDemos.generate(40, 4, START, 18, 1L)),
                new Demo("80-pair demo", 8, Duration.ofSeconds(30),
                        () -> SchedulingDemos.generate(80, 8, START, 18, 1L))));
        if (!quick) {
            demos.add(new Demo("LARGE pairing run", 41, Duration.ofMinutes(5),
                    () -> SchedulingDemos.fromPairing(largePairing(), 41, START, 18, 1L)));
        }
        StringBuilder out = new StringBuilder("# Scheduling benchmark\n\nMachine: ").append(PairingBenchmarks.machine())
                .append(".\n\nThe default scheduling solver (score-guided warm start, construction heuristic for "
                        + "anything left, late acceptance) with the default plan (two study visits and the regional "
                        + "seminar in person; kick-off, training, workshop and final event online), from 2027-01-04, "
                        + "18 months, each run for its full budget. Pairs: `SchedulingDemos.generate` (seed 1) and the "
                        + "406 pairs of the LARGE demo pool's pairing (`SchedulingDemos.fromPairing`). Experts cover "
                        + "two partner regions each and take at most 6 events and 2 long-haul trips a month.\n\n"
                        + "Hard lower bound: minus the sum, over the events, of the fewest hard penalties the event "
                        + "incurs on its own (holidays of the cities taking part, the host's weekend, a day off "
                        + "online) "
                        + "on any start date; 0 when every event has a free date. Experts needed (a lower bound): the "
                        + "most, over every run of consecutive calendar months, of the events needing an expert that "
                        + "must start within them, divided by 6 events a month per expert and the number of months.\n\n"
                        + "| pairs | events | experts (needed at least) | budget | first without hard violation | "
                        + "hard lower bound | score after 1 s | 10 s | 30 s | at the end | moves/s | peak heap |\n"
                        + "|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        StringBuilder breakdowns = new StringBuilder();
        for (Demo demo : demos) {
            ExchangeSchedule problem = demo.problem().get();
            long bound = hardLowerBound(problem);
            int needed = expertsNeeded(problem, SchedulingDemos.EXPERT_EVENTS_PER_MONTH);
            SolverConfig config = SchedulingSolverConfigs.defaultConfig()
                    .withTerminationConfig(new TerminationConfig().withSpentLimit(demo.budget()));
            Solver<ExchangeSchedule> solver = SolverFactory.<ExchangeSchedule>create(config).buildSolver();
            List<long[]> timeline = new ArrayList<>();
            solver.addEventListener(event -> {
                HardMediumSoftLongScore score = (HardMediumSoftLongScore) event.getNewBestScore();
                timeline.add(new long[] { event.getTimeMillisSpent(), score.hardScore(), score.mediumScore(),
                        score.softScore() });
            });
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(pool -> pool.resetPeakUsage());
            ExchangeSchedule solved = solver.solve(problem);
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP)
                    .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() >> 20;
            long speed = ((DefaultSolver<ExchangeSchedule>) solver).getSolverScope().getMoveEvaluationSpeed();
            String feasibleAt = timeline.stream().filter(point -> point[1] == 0).findFirst()
                    .map(point -> String.format(Locale.ROOT, "%.1f s", point[0] / 1000.0)).orElse("never");
            String row = String.format(Locale.ROOT,
                    "| %d (%s) | %d | %d (%d) | %d s | %s | %dhard | %s | %s | %s | %s | %,d | %d MB |%n",
                    problem.getPairs().size(), demo.name(), problem.getEvents().size(), demo.experts(), needed,
                    demo.budget().toSeconds(), feasibleAt, -bound, at(timeline, 1_000), at(timeline, 10_000),
                    at(timeline, 30_000), solved.getScore(), speed, peak);
            System.out.print(row);
            out.append(row);
            breakdowns.append(breakdown(demo, solved));
        }
        out.append("\n").append(breakdowns);
        Path results = Path.of("results");
        Files.createDirectories(results);
        Files.writeString(results.resolve(quick ? "scheduling-summary-quick.md" : "scheduling-summary.md"),
                out.toString(), StandardCharsets.UTF_8);
        System.out.println(out);
    }

    /** The pairs of the LARGE demo pool (seed 1, balance off) as the pairing solver's exact warm start forms them. */
    static PairingSolution largePairing() {
        SolverConfig config = PairingSolverConfigs.defaultConfig()
                .withTerminationConfig(new TerminationConfig().withSpentLimit(Duration.ofSeconds(5)));
        return SolverFactory.<PairingSolution>create(config).buildSolver()
                .solve(PairingProblemFactory.create(DemoPools.generate(DemoPoolSize.LARGE, DemoPools.DEFAULT_SEED,
                        false)));
    }

    /** The score by constraint (hard and medium ones first, then soft, largest first), each with its soft share. */
    private static String breakdown(Demo demo, ExchangeSchedule solved) {
        SolutionManager<ExchangeSchedule, HardMediumSoftLongScore> manager = SolutionManager.create(
                SolverFactory.<ExchangeSchedule>create(SchedulingSolverConfigs.defaultConfig()));
        ScoreAnalysis<HardMediumSoftLongScore> analysis = manager.analyze(solved);
        long soft = solved.getScore().softScore();
        StringBuilder table = new StringBuilder("Score by constraint, " + solved.getPairs().size() + " pairs ("
                + demo.name() + "), at the end: " + solved.getScore() + "\n\n| constraint | score | matches | share of "
                + "the soft score |\n|---|---|---|---|\n");
        analysis.constraintAnalyses().stream()
                .filter(constraint -> !constraint.score().isZero())
                .sorted(Comparator.comparingLong((ConstraintAnalysis<HardMediumSoftLongScore> constraint)
                        -> constraint.score().hardScore()).thenComparingLong(constraint -> constraint.score()
                                .softScore()))
                .forEach(constraint -> table.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f %% |%n",
                        constraint.constraintName(), constraint.score(), constraint.matchCount(),
                        soft == 0 ? 0.0 : 100.0 * constraint.score().softScore() / soft)));
        return table.append('\n').toString();
    }

    private static String at(List<long[]> timeline, long millis) {
        long[] last = null;
        for (long[] point : timeline) {
            if (point[0] <= millis) {
                last = point;
            }
        }
        return last == null ? "-" : last[1] + "hard/" + last[2] + "medium/" + last[3] + "soft";
    }

    /** Per event, the fewest hard penalties its own day rules give it on any allowed start; summed. */
    static long hardLowerBound(ExchangeSchedule problem) {
        long bound = 0;
        for (ExchangeEvent event : problem.getEvents()) {
            long best = Long.MAX_VALUE;
            for (LocalDate start = event.earliestStart(); !start.isAfter(event.latestStart());
                    start = start.plusDays(1)) {
                event.setStart(start);
                best = Math.min(best, (long) event.closedDays() + event.weekendDays() + event.offDays());
            }
            event.setStart(null);
            bound += best;
        }
        return bound;
    }

    /**
     * A lower bound of the experts needed: over every run of consecutive calendar months, the events needing an
     * expert whose every possible start lies in those months, divided by the monthly maximum times the months.
     */
    static int expertsNeeded(ExchangeSchedule problem, int eventsPerMonth) {
        List<ExchangeEvent> accompanied = problem.getEvents().stream().filter(ExchangeEvent::needsExpert).toList();
        if (accompanied.isEmpty()) {
            return 0;
        }
        YearMonth first = accompanied.stream().map(event -> YearMonth.from(event.earliestStart()))
                .min(Comparator.naturalOrder()).orElseThrow();
        YearMonth last = accompanied.stream().map(event -> YearMonth.from(event.latestStart()))
                .max(Comparator.naturalOrder()).orElseThrow();
        Map<YearMonth, Integer> index = new LinkedHashMap<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            index.put(month, index.size());
        }
        int needed = 0;
        for (int from = 0; from < index.size(); from++) {
            for (int to = from; to < index.size(); to++) {
                int lo = from;
                int hi = to;
                long inside = accompanied.stream()
                        .filter(event -> index.get(YearMonth.from(event.earliestStart())) >= lo
                                && index.get(YearMonth.from(event.latestStart())) <= hi)
                        .count();
                int months = to - from + 1;
                needed = (int) Math.max(needed, (inside + (long) eventsPerMonth * months - 1)
                        / ((long) eventsPerMonth * months));
            }
        }
        return needed;
    }
}
