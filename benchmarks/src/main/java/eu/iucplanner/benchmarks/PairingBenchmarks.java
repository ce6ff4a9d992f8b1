package eu.iucplanner.benchmarks;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import ai.timefold.solver.benchmark.api.PlannerBenchmarkFactory;
import ai.timefold.solver.benchmark.config.PlannerBenchmarkConfig;
import ai.timefold.solver.benchmark.config.ProblemBenchmarksConfig;
import ai.timefold.solver.benchmark.config.SolverBenchmarkConfig;
import ai.timefold.solver.benchmark.config.statistic.ProblemStatisticType;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.impl.solver.DefaultSolver;
import eu.iucplanner.demo.DemoPoolSize;
import eu.iucplanner.demo.DemoPools;
import eu.iucplanner.pairing.domain.PairingProblem;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.solver.PairingProblemFactory;
import eu.iucplanner.pairing.solver.PairingSolverConfigs;

/**
 * The default pairing benchmark: every strategy on the SMALL, MEDIUM, LARGE and HUGE demo pools (seed 1), each with
 * the regional balance off and on, measured against the proven optimum. Writes {@code results/pairing-summary.md} and
 * {@code .csv} (committed, quoted in the README) and Timefold's HTML benchmark report of the Timefold strategies on
 * the LARGE pools ({@code target/benchmark-report/}).
 *
 * <p>Run with {@code ./mvnw -B -Pbenchmark -pl benchmarks -am verify -DskipTests}; add
 * {@code -Dbenchmark.args=quick} for a one-minute smoke run on SMALL and MEDIUM.
 */
public final class PairingBenchmarks {

    private static final SolutionManager<PairingSolution, HardMediumSoftLongScore> SCORES = SolutionManager.create(
            SolverFactory.create(PairingSolverConfigs.defaultConfig()));

    /** One pool and the time each Timefold strategy gets on it. */
    record Pool(DemoPoolSize size, boolean balance, Duration budget) {
        String name() {
            return size.name() + (balance ? ", balance on" : ", balance off");
        }

        PairingProblem problem() {
            return DemoPools.generate(size, DemoPools.DEFAULT_SEED, balance);
        }
    }

    private PairingBenchmarks() {
    }

    public static void main(String[] args) throws IOException {
        boolean quick = args.length > 0 && args[0].equals("quick");
        if (args.length > 0 && args[0].equals("scale")) {
            ExactScaleBenchmarks.main(args);
            return;
        }
        if (args.length > 0 && args[0].equals("stability")) {
            StabilityBenchmarks.main(args);
            return;
        }
        if (args.length > 0 && args[0].equals("theme-spread")) {
            ThemeSpreadBenchmarks.main(args);
            return;
        }
        if (args.length > 0 && args[0].equals("clusters")) {
            ClusterBenchmarks.main(args);
            return;
        }
        if (args.length > 0 && args[0].equals("scheduling")) {
            SchedulingBenchmarks.main(args);
            return;
        }
        if (args.length > 0 && args[0].equals("report")) {
            // Only Timefold's HTML report (about 2 minutes).
            List<Pool> large = List.of(new Pool(DemoPoolSize.LARGE, false, budget(DemoPoolSize.LARGE)),
                    new Pool(DemoPoolSize.LARGE, true, budget(DemoPoolSize.LARGE)));
            System.out.println("Timefold benchmark report: " + timefoldReport(large).getAbsolutePath());
            return;
        }
        List<Pool> pools = new ArrayList<>();
        List<DemoPoolSize> sizes = quick ? List.of(DemoPoolSize.SMALL, DemoPoolSize.MEDIUM)
                : List.of(DemoPoolSize.SMALL, DemoPoolSize.MEDIUM, DemoPoolSize.LARGE, DemoPoolSize.HUGE);
        for (DemoPoolSize size : sizes) {
            for (boolean balance : new boolean[] { false, true }) {
                pools.add(new Pool(size, balance, quick ? Duration.ofSeconds(1) : budget(size)));
            }
        }
        Path results = Path.of(quick ? "target/quick-results" : "results");
        Files.createDirectories(results);
        List<BenchmarkRow> rows = new ArrayList<>();
        for (Pool pool : pools) {
            rows.addAll(benchmark(pool, quick));
        }
        String machine = machine();
        Files.writeString(results.resolve("pairing-summary.csv"), BenchmarkRow.csv(rows), StandardCharsets.UTF_8);
        Files.writeString(results.resolve("pairing-summary.md"), BenchmarkRow.markdown(rows, machine, pools),
                StandardCharsets.UTF_8);
        System.out.println(BenchmarkRow.markdown(rows, machine, pools));
        if (!quick) {
            SchedulingBenchmarks.main(args);
            File report = timefoldReport(pools.stream().filter(pool -> pool.size() == DemoPoolSize.LARGE).toList());
            System.out.println("Timefold benchmark report: " + report.getAbsolutePath());
        }
    }

    static Duration budget(DemoPoolSize size) {
        return switch (size) {
            case SMALL -> Duration.ofSeconds(2);
            case MEDIUM -> Duration.ofSeconds(5);
            case LARGE -> Duration.ofSeconds(10);
            case HUGE, XL -> Duration.ofSeconds(60);
        };
    }

    static List<BenchmarkRow> benchmark(Pool pool, boolean quick) {
        PairingProblem problem = pool.problem();
        System.out.printf(Locale.ROOT, "%s: %d applicants, budget %s%n", pool.name(), problem.applicants().size(),
                pool.budget());
        List<BenchmarkRow> rows = new ArrayList<>();
        Measured exact = measure(() -> {
            ExactPairing.Result result = ExactPairing.solve(PairingProblemFactory.create(problem));
            return result.matching();
        });
        PairingSolution optimal = PairingProblemFactory.create(problem);
        exact.value().applyTo(optimal);
        HardMediumSoftLongScore optimum = SCORES.update(optimal);
        int optimumPairs = exact.value().pairs().size();
        rows.add(row(pool, "Exact reference (OR-tools min-cost flow)", problem, exact, optimum, optimumPairs));
        rows.add(row(pool, "Greedy by pair score", problem,
                measure(() -> GreedyPairing.solve(PairingProblemFactory.create(problem))), optimum, optimumPairs));
        rows.add(row(pool, "Deferred acceptance (EU proposes)", problem,
                measure(() -> DeferredAcceptance.solve(PairingProblemFactory.create(problem))), optimum,
                optimumPairs));
        for (TimefoldStrategy strategy : TimefoldStrategy.values()) {
            if (quick && strategy == TimefoldStrategy.SERVICE_DEFAULT) {
                continue;
            }
            rows.add(timefold(pool, strategy, problem, optimum, optimumPairs));
        }
        return rows;
    }

    /** A result with its wall time and peak heap. */
    record Measured(Matching value, long wallMillis, long peakHeapBytes, long liveHeapBytes,
            List<long[]> improvements, Long moveEvaluationSpeed) {
    }

    private static Measured measure(Supplier<Matching> strategy) {
        resetHeapPeaks();
        long start = System.nanoTime();
        Matching matching = strategy.get();
        long wall = (System.nanoTime() - start) / 1_000_000;
        long peak = heapPeak();
        return new Measured(matching, wall, peak, liveHeap(), List.of(), null);
    }

    private static BenchmarkRow timefold(Pool pool, TimefoldStrategy strategy, PairingProblem problem,
            HardMediumSoftLongScore optimum, int optimumPairs) {
        SolverFactory<PairingSolution> factory = SolverFactory.create(strategy.config(pool.budget()));
        Solver<PairingSolution> solver = factory.buildSolver();
        List<long[]> improvements = new ArrayList<>();
        List<HardMediumSoftLongScore> scores = new ArrayList<>();
        solver.addEventListener(event -> {
            improvements.add(new long[] { event.getTimeMillisSpent() });
            scores.add((HardMediumSoftLongScore) event.getNewBestScore());
        });
        PairingSolution input = PairingProblemFactory.create(problem);
        resetHeapPeaks();
        long start = System.nanoTime();
        PairingSolution best = solver.solve(input);
        long wall = (System.nanoTime() - start) / 1_000_000;
        long peak = heapPeak();
        long speed = ((DefaultSolver<PairingSolution>) solver).getSolverScope().getMoveEvaluationSpeed();
        Matching matching = Matching.of(best);
        long live = liveHeap();
        List<long[]> timeline = new ArrayList<>();
        for (int i = 0; i < improvements.size(); i++) {
            HardMediumSoftLongScore score = scores.get(i);
            timeline.add(new long[] { improvements.get(i)[0], score.hardScore(), score.mediumScore(),
                    score.softScore() });
        }
        return row(pool, strategy.label(), problem,
                new Measured(matching, wall, peak, live, timeline, speed), optimum, optimumPairs);
    }

    private static BenchmarkRow row(Pool pool, String strategy, PairingProblem problem, Measured measured,
            HardMediumSoftLongScore optimum, int optimumPairs) {
        PairingSolution solution = PairingProblemFactory.create(problem);
        measured.value().applyTo(solution);
        HardMediumSoftLongScore score = SCORES.update(solution);
        long blocking = Stability.blockingPairs(solution, Matching.of(solution));
        Long within1 = timeWithin(measured, score, optimum, 1.0);
        Long within01 = timeWithin(measured, score, optimum, 0.1);
        BenchmarkRow row = new BenchmarkRow(pool.name(), strategy, score, optimum, measured.value().pairs().size(),
                optimumPairs, blocking, within1, within01, measured.wallMillis(), measured.moveEvaluationSpeed(),
                measured.peakHeapBytes(), measured.liveHeapBytes());
        System.out.println("  " + row.line());
        return row;
    }

    /** When the run first came within {@code percent} of the optimum (same hard and medium, soft gap at most). */
    private static Long timeWithin(Measured measured, HardMediumSoftLongScore finalScore,
            HardMediumSoftLongScore optimum, double percent) {
        if (measured.improvements().isEmpty()) {
            return BenchmarkRow.within(finalScore, optimum, percent) ? measured.wallMillis() : null;
        }
        for (long[] point : measured.improvements()) {
            HardMediumSoftLongScore score = HardMediumSoftLongScore.of(point[1], point[2], point[3]);
            if (BenchmarkRow.within(score, optimum, percent)) {
                return point[0];
            }
        }
        return null;
    }

    static void resetHeapPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks since the last reset: an upper bound of the peak heap in use. */
    static long heapPeak() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static File timefoldReport(List<Pool> pools) {
        List<SolverBenchmarkConfig> solverBenchmarks = new ArrayList<>();
        Duration budget = pools.get(0).budget();
        for (TimefoldStrategy strategy : TimefoldStrategy.values()) {
            if (strategy != TimefoldStrategy.SERVICE_DEFAULT) {
                // Benchmark names become file names: letters, digits, spaces and a few signs only.
                String name = strategy.label().replace("Timefold: ", "").replace("+", "and");
                solverBenchmarks.add(new SolverBenchmarkConfig().withName(name)
                        .withSolverConfig(strategy.config(budget)));
            }
        }
        PlannerBenchmarkConfig config = new PlannerBenchmarkConfig()
                .withName("IUC pairing strategies on the LARGE demo pools")
                .withBenchmarkDirectory(new File("target/benchmark-report"))
                .withParallelBenchmarkCount("1")
                .withInheritedSolverBenchmarkConfig(new SolverBenchmarkConfig().withProblemBenchmarksConfig(
                        new ProblemBenchmarksConfig().withProblemStatisticTypes(ProblemStatisticType.BEST_SCORE,
                                ProblemStatisticType.MOVE_EVALUATION_SPEED, ProblemStatisticType.MEMORY_USE)))
                .withSolverBenchmarkConfigList(solverBenchmarks);
        List<PairingSolution> problems = pools.stream()
                .map(pool -> PairingProblemFactory.create(pool.problem())).toList();
        return PlannerBenchmarkFactory.create(config).buildPlannerBenchmark(problems).benchmark();
    }

    static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .findFirst().map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse(cpu);
        } catch (IOException e) {
            // not Linux: keep "unknown CPU"
        }
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return String.format(Locale.ROOT, "%s, %d cores available, %.0f GiB RAM, %s %s, Java %s, max heap %d MiB, %s",
                cpu, Runtime.getRuntime().availableProcessors(), memory / 1024.0 / 1024 / 1024,
                System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / 1024 / 1024, LocalDate.now());
    }
}
