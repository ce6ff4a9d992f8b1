package eu.iucplanner.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import eu.iucplanner.demo.DemoPoolSize;
import eu.iucplanner.demo.DemoPools;
import eu.iucplanner.pairing.constraints.PairingConstraintProvider;
import eu.iucplanner.pairing.domain.Applicant;
import eu.iucplanner.pairing.domain.PairingProblem;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.domain.ProgrammeRegion;
import eu.iucplanner.pairing.domain.RegionTarget;
import eu.iucplanner.pairing.solver.MatchingWarmStart;
import eu.iucplanner.pairing.solver.MaxWeightBMatching;
import eu.iucplanner.pairing.solver.PairWeights;
import eu.iucplanner.pairing.solver.PairingProblemFactory;
import eu.iucplanner.pairing.solver.PairingSolverConfigs;
import eu.iucplanner.pairing.solver.WeightMatrix;

/**
 * The exact warm start against OR-tools at scale, in one JVM, run after run: on the LARGE, HUGE and XL demo pools
 * (seed 1, regional balance off and on) it times
 * <ul>
 * <li>the service's warm start as the solver runs it: a Timefold solver with the default configuration's
 * {@link MatchingWarmStart} phase only, from {@code solve()} to its return with the optimum (weights, flow, writing
 * the slots and Timefold's scoring included), against OR-tools' {@link ExactPairing} from the same
 * {@link PairingSolution} (its network built and solved);</li>
 * <li>the two flows alone: {@link MaxWeightBMatching} on a prebuilt {@link WeightMatrix}, against OR-tools'
 * {@code solveMaxFlowWithMinCost} call on its prebuilt network;</li>
 * <li>how soon the full default solver returns after {@code terminateEarly()} during its warm start, and with
 * what.</li>
 * </ul>
 * Each timing is the median of its runs; peak heap is the sum of the heap pools' peaks (garbage included); peak RSS is
 * the process's resident set high-water mark over the OR-tools run (its native memory shows only there). Writes
 * {@code results/exact-scale.md} and {@code .csv}. Run with
 * {@code ./mvnw -B -Pbenchmark -pl benchmarks -am verify -DskipTests -Dbenchmark.args=scale} (about 7 minutes, most
 * of it OR-tools on XL, which also needs about 10 GB of native memory).
 */
public final class ExactScaleBenchmarks {

    /** One measurement: wall time, peaks, and the score reached. */
    record Sample(long millis, long solverCallMillis, long peakHeapBytes, long peakRssBytes,
            HardMediumSoftLongScore score) {
    }

    /** One pool's medians. */
    record Row(String pool, int applicants, int owners, int partners, int runs, HardMediumSoftLongScore optimum,
            Sample warmStart, Sample orTools, long flowMillis, long flowPeakHeapBytes) {

        boolean warmStartOptimal() {
            return warmStart.score().equals(optimum);
        }

        double ratio() {
            return (double) warmStart.millis() / orTools.millis();
        }

        double flowRatio() {
            return (double) flowMillis / orTools.solverCallMillis();
        }
    }

    /** A stop during the warm start: when it was asked, how soon the solver returned, and what it returned. */
    record Stop(String pool, long stopAfterMillis, long returnedAfterStopMillis, int pairs, int optimumPairs,
            HardMediumSoftLongScore score, HardMediumSoftLongScore optimum) {
    }

    private static final SolverFactory<PairingSolution> WARM_START_ONLY = SolverFactory.create(warmStartOnly());
    /** Built once, as the service's solver manager does. */
    private static final SolverFactory<PairingSolution> DEFAULT = SolverFactory.create(
            PairingSolverConfigs.defaultConfig());

    private ExactScaleBenchmarks() {
    }

    public static void main(String[] args) throws IOException {
        String machine = PairingBenchmarks.machine();
        System.out.println("Exact scale benchmark on " + machine);
        // Warm-up, not reported: the JIT compiles the flow and Timefold, OR-tools loads its library.
        Row warmUp = measurePool(DemoPoolSize.MEDIUM, true, 2);
        stopDuringWarmStart(DemoPoolSize.MEDIUM, true, 1, warmUp);
        List<Row> rows = new ArrayList<>();
        List<Stop> stops = new ArrayList<>();
        for (DemoPoolSize size : List.of(DemoPoolSize.LARGE, DemoPoolSize.HUGE, DemoPoolSize.XL)) {
            for (boolean balance : new boolean[] { false, true }) {
                Row row = measurePool(size, balance, size == DemoPoolSize.XL ? 1 : 3);
                rows.add(row);
                System.out.println("  " + markdownLine(row));
            }
        }
        for (Row row : rows) {
            if (row.pool().startsWith("HUGE") || row.pool().startsWith("XL")) {
                DemoPoolSize size = DemoPoolSize.valueOf(row.pool().substring(0, row.pool().indexOf(',')));
                long flowStart = row.warmStart().millis() - row.flowMillis();
                for (long stopAfter : new long[] { Math.max(50, flowStart / 2), flowStart + row.flowMillis() / 3 }) {
                    Stop stop = stopDuringWarmStart(size, row.pool().endsWith("on"), stopAfter, row);
                    stops.add(stop);
                    System.out.println("  " + stopLine(stop));
                }
            }
        }
        Path results = Path.of("results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("exact-scale.md"), markdown(machine, rows, stops), StandardCharsets.UTF_8);
        Files.writeString(results.resolve("exact-scale.csv"), csv(rows), StandardCharsets.UTF_8);
        System.out.println(markdown(machine, rows, stops));
    }

    private static Row measurePool(DemoPoolSize size, boolean balance, int runs) {
        PairingProblem problem = DemoPools.generate(size, DemoPools.DEFAULT_SEED, balance);
        String name = size.name() + (balance ? ", balance on" : ", balance off");
        System.out.printf(Locale.ROOT, "%s: %d applicants, %d runs%n", name, problem.applicants().size(), runs);
        List<Sample> warm = new ArrayList<>();
        List<Sample> or = new ArrayList<>();
        List<long[]> flows = new ArrayList<>();
        HardMediumSoftLongScore optimum = null;
        PairingSolution shape = PairingProblemFactory.create(problem);
        for (int run = 0; run < runs; run++) {
            PairingSolution forOrTools = PairingProblemFactory.create(problem);
            Sample orTools = measure(() -> {
                ExactPairing.Result result = ExactPairing.solve(forOrTools);
                return new Object[] { result.score(), result.solverCallMillis() };
            });
            optimum = orTools.score();
            or.add(orTools);
            PairingSolution forWarmStart = PairingProblemFactory.create(problem);
            warm.add(measure(() -> new Object[] { WARM_START_ONLY.buildSolver().solve(forWarmStart).getScore(), 0L }));
            flows.add(flowOnly(shape));
        }
        int owners = Matching.owners(shape).size();
        long[] flow = median(flows);
        return new Row(name, problem.applicants().size(), owners, shape.getPartnerCandidates().size(), runs, optimum,
                medianSample(warm), medianSample(or), flow[0], flow[1]);
    }

    /** A measured run; the supplier returns {score, solver call millis}. */
    private static Sample measure(Supplier<Object[]> run) {
        PairingBenchmarks.resetHeapPeaks();
        resetRssPeak();
        long start = System.nanoTime();
        Object[] result = run.get();
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Sample(millis, (Long) result[1], PairingBenchmarks.heapPeak(), rssPeak(),
                (HardMediumSoftLongScore) result[0]);
    }

    /** The flow alone on the warm start's weight matrix: {millis, peak heap}. */
    private static long[] flowOnly(PairingSolution solution) {
        List<Applicant> owners = Matching.owners(solution);
        List<Applicant> partners = solution.getPartnerCandidates();
        int n = owners.size();
        int m = partners.size();
        PairWeights weights = PairWeights.of(solution.getConstraintWeightOverrides());
        WeightMatrix matrix = new WeightMatrix(n, m);
        Map<Applicant, Integer> slots = new HashMap<>();
        solution.getSlots().forEach(slot -> slots.merge(slot.getOwner(), 1, Integer::sum));
        int[] leftCapacity = new int[n];
        for (int i = 0; i < n; i++) {
            Applicant owner = owners.get(i);
            leftCapacity[i] = slots.get(owner);
            for (int j = 0; j < m; j++) {
                if (Matching.allowed(owner, partners.get(j))) {
                    matrix.set(i, j, Matching.value(weights, owner, partners.get(j)));
                }
            }
        }
        int[] rightCapacity = partners.stream().mapToInt(Applicant::getMaxPartners).toArray();
        MaxWeightBMatching.Regions regions = regions(solution, partners);
        PairingBenchmarks.resetHeapPeaks();
        long start = System.nanoTime();
        MaxWeightBMatching.Result result = MaxWeightBMatching.solve(leftCapacity, rightCapacity, matrix, regions,
                () -> false);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (!result.optimal()) {
            throw new IllegalStateException("the flow was not stopped, yet did not end optimal");
        }
        return new long[] { millis, PairingBenchmarks.heapPeak() };
    }

    private static MaxWeightBMatching.Regions regions(PairingSolution solution, List<Applicant> partners) {
        int[] regionOf = partners.stream().mapToInt(partner -> partner.getRegion().ordinal()).toArray();
        int[] targets = new int[ProgrammeRegion.values().length];
        Arrays.fill(targets, -1);
        for (RegionTarget target : solution.getRegionTargets()) {
            targets[target.region().ordinal()] = target.targetPairs();
        }
        HardMediumSoftLongScore weight = solution.getConstraintWeightOverrides()
                .getConstraintWeight(PairingConstraintProvider.REGIONAL_BALANCE);
        long regionWeight = (weight == null
                ? PairingConstraintProvider.DEFAULT_WEIGHTS.get(PairingConstraintProvider.REGIONAL_BALANCE)
                : weight).softScore();
        return new MaxWeightBMatching.Regions(regionOf, targets, regionWeight);
    }

    /**
     * The full default solver, stopped with {@code terminateEarly()} after {@code stopAfterMillis}: how long until
     * {@code solve()} returns, and what it returns.
     */
    private static Stop stopDuringWarmStart(DemoPoolSize size, boolean balance, long stopAfterMillis, Row row) {
        PairingProblem problem = DemoPools.generate(size, DemoPools.DEFAULT_SEED, balance);
        PairingSolution input = PairingProblemFactory.create(problem);
        Solver<PairingSolution> solver = DEFAULT.buildSolver();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            long start = System.nanoTime();
            Future<PairingSolution> solving = executor.submit(() -> solver.solve(input));
            Thread.sleep(stopAfterMillis);
            long stopAt = System.nanoTime();
            solver.terminateEarly();
            PairingSolution best = solving.get(10, TimeUnit.MINUTES);
            long returned = System.nanoTime();
            int pairs = (int) best.getSlots().stream().filter(slot -> slot.getPartner() != null).count();
            int optimumPairs = (int) (totalPlaces(input) + row.optimum().mediumScore()) / 2;
            return new Stop(row.pool(), (stopAt - start) / 1_000_000, (returned - stopAt) / 1_000_000, pairs,
                    optimumPairs, best.getScore(), row.optimum());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        } finally {
            executor.shutdownNow();
        }
    }

    /** Every eligible applicant's partner places, EU and partner side: open places are these minus 2 per pair. */
    private static long totalPlaces(PairingSolution solution) {
        return solution.getApplicants().stream()
                .filter(applicant -> applicant.isEligible() && (applicant.isEuSide() || applicant.isPartnerSide()))
                .mapToLong(Applicant::getMaxPartners).sum();
    }

    private static SolverConfig warmStartOnly() {
        SolverConfig config = PairingSolverConfigs.defaultConfig()
                .withPhases(new CustomPhaseConfig().withCustomPhaseCommandClassList(List.of(MatchingWarmStart.class)));
        config.setTerminationConfig(null);
        return config;
    }

    // ************************************************************************
    // Resident set: reset and read the high-water mark (Linux)
    // ************************************************************************

    private static void resetRssPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | RuntimeException e) {
            // not Linux, or not allowed: the peak then covers the process so far
        }
    }

    private static long rssPeak() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    // ************************************************************************
    // Medians and reports
    // ************************************************************************

    private static Sample medianSample(List<Sample> samples) {
        List<Sample> sorted = new ArrayList<>(samples);
        sorted.sort((a, b) -> Long.compare(a.millis(), b.millis()));
        return sorted.get(sorted.size() / 2);
    }

    private static long[] median(List<long[]> values) {
        List<long[]> sorted = new ArrayList<>(values);
        sorted.sort((a, b) -> Long.compare(a[0], b[0]));
        return sorted.get(sorted.size() / 2);
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
    }

    private static String megabytes(long bytes) {
        return bytes < 0 ? "-" : String.format(Locale.ROOT, "%,d MB", bytes >> 20);
    }

    private static String markdownLine(Row row) {
        return String.format(Locale.ROOT,
                "| %s | %,d (%,d × %,d) | %s | %s | %s | **%.2f** | %s | %s | %.2f | %s / %s | %s | %d |",
                row.pool(), row.applicants(), row.owners(), row.partners(), row.optimum(),
                seconds(row.warmStart().millis()) + (row.warmStartOptimal() ? "" : " (not optimal: "
                        + row.warmStart().score() + ")"),
                seconds(row.orTools().millis()), row.ratio(), seconds(row.flowMillis()),
                seconds(row.orTools().solverCallMillis()), row.flowRatio(), megabytes(row.warmStart().peakHeapBytes()),
                megabytes(row.orTools().peakHeapBytes()), megabytes(row.orTools().peakRssBytes()), row.runs());
    }

    private static String stopLine(Stop stop) {
        Double gap = stop.score().mediumScore() == stop.optimum().mediumScore()
                ? 100.0 * (stop.optimum().softScore() - stop.score().softScore()) / Math.abs(stop.optimum().softScore())
                : null;
        return String.format(Locale.ROOT, "| %s | %s | %s | %d of %d | %s | %s |", stop.pool(),
                seconds(stop.stopAfterMillis()), seconds(stop.returnedAfterStopMillis()), stop.pairs(),
                stop.optimumPairs(), stop.score(),
                gap == null ? "fewer pairs" : String.format(Locale.ROOT, "%.3f %%", gap));
    }

    static String markdown(String machine, List<Row> rows, List<Stop> stops) {
        StringBuilder out = new StringBuilder("# Exact warm start at scale\n\nMachine: ").append(machine)
                .append(".\n\n")
                .append("Pools: the demo pools (seed 1) with the regional balance off and on; XL is 20,000 applicants. "
                        + "Sizes as applicants (EU applicants with slots × partner candidates). Both solvers in one "
                        + "JVM, alternating run by run; times are medians of the runs, after a warm-up on MEDIUM.\n\n"
                        + "- **Warm start**: a Timefold solver with the default configuration's `MatchingWarmStart` "
                        + "phase only, `solve()` until it returns (weights, flow, slots and Timefold's scoring "
                        + "included). **OR-tools**: `ExactPairing` from the same `PairingSolution` (network built "
                        + "through JNI, then `SimpleMinCostFlow.solveMaxFlowWithMinCost`). Ratio: warm start / "
                        + "OR-tools.\n"
                        + "- **Flows alone**: `MaxWeightBMatching.solve` on a prebuilt weight matrix, against "
                        + "OR-tools' `solveMaxFlowWithMinCost` call alone.\n"
                        + "- Peak heap: the heap pools' peaks during the run (garbage included). Peak RSS: the "
                        + "process's resident high-water mark during the OR-tools run, where its native memory shows; "
                        + "it includes the heap the JVM has committed so far, so it is an upper bound (the warm "
                        + "start's RSS, in the CSV, is no more than the heap left committed by the OR-tools run before "
                        + "it).\n\n")
                .append("| pool | applicants | optimum (OR-tools) | warm start to the optimum | OR-tools | ratio | "
                        + "our flow alone | OR-tools call alone | ratio | peak heap warm start / OR-tools | "
                        + "peak RSS, OR-tools run | runs |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            out.append(markdownLine(row)).append('\n');
        }
        out.append("\n## Stopping during the warm start\n\nThe full default solver, `terminateEarly()` from another "
                + "thread after the given time (aimed at the weight computation and at the flow, from the timings "
                + "above); how soon `solve()` returned and with what. The flow looks at the stop signal about every "
                + "thousand steps; the weights before it do not (they take a fifth of the warm start), and Timefold "
                + "itself clones and rescores the solution after the phase.\n\n"
                + "| pool | stop after | returned after the stop | pairs | score | gap to the optimum |\n"
                + "|---|---|---|---|---|---|\n");
        for (Stop stop : stops) {
            out.append(stopLine(stop)).append('\n');
        }
        return out.toString();
    }

    static String csv(List<Row> rows) {
        StringBuilder out = new StringBuilder("pool,applicants,owners,partners,runs,optimum,warm_start_score,"
                + "warm_start_ms,or_tools_ms,ratio,flow_ms,or_tools_call_ms,flow_ratio,warm_start_peak_heap_mb,"
                + "or_tools_peak_heap_mb,flow_peak_heap_mb,warm_start_peak_rss_mb,or_tools_peak_rss_mb\n");
        for (Row row : rows) {
            out.append(String.join(",", List.of('"' + row.pool() + '"', String.valueOf(row.applicants()),
                    String.valueOf(row.owners()), String.valueOf(row.partners()), String.valueOf(row.runs()),
                    row.optimum().toString(), row.warmStart().score().toString(),
                    String.valueOf(row.warmStart().millis()), String.valueOf(row.orTools().millis()),
                    String.format(Locale.ROOT, "%.3f", row.ratio()), String.valueOf(row.flowMillis()),
                    String.valueOf(row.orTools().solverCallMillis()),
                    String.format(Locale.ROOT, "%.3f", row.flowRatio()),
                    String.valueOf(row.warmStart().peakHeapBytes() >> 20),
                    String.valueOf(row.orTools().peakHeapBytes() >> 20),
                    String.valueOf(row.flowPeakHeapBytes() >> 20), String.valueOf(row.warmStart().peakRssBytes() >> 20),
                    String.valueOf(row.orTools().peakRssBytes() >> 20)))).append('\n');
        }
        return out.toString();
    }
}
