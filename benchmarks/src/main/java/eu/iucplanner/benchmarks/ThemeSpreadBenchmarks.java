package eu.iucplanner.benchmarks;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import eu.iucplanner.demo.DemoPoolSize;
import eu.iucplanner.demo.DemoPools;
import eu.iucplanner.pairing.domain.PairingProblem;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.solver.PairingProblemFactory;
import eu.iucplanner.pairing.solver.PairingSolverConfigs;
import eu.iucplanner.pairing.solver.ProvenOptimumStop;

/**
 * Issue 15's theme spread against its bounds ({@code -Dbenchmark.args=theme-spread}): on the balance-on MEDIUM and
 * LARGE pools with at most ⌈pairs / 15⌉ pairs per main theme (soft), the service default in 30 s without the theme
 * multipliers (the warm start as it was: the plain relaxation bound) and with them (the Lagrangian bound and start),
 * and the CP-SAT model ({@link CpSatThemeSpread}) and the same model as a MILP for SCIP ({@link MipThemeSpread}), each
 * for its objective bound and best solution. The best bound is the smallest of the bounds. Writes
 * {@code results/theme-spread.md}.
 */
public final class ThemeSpreadBenchmarks {

    private static final Duration BUDGET = Duration.ofSeconds(30);
    private static final SolutionManager<PairingSolution, HardMediumSoftLongScore> SCORES = SolutionManager.create(
            SolverFactory.create(PairingSolverConfigs.defaultConfig()));

    private ThemeSpreadBenchmarks() {
    }

    public static void main(String[] args) throws IOException {
        List<String> out = new ArrayList<>();
        out.add("# Theme spread against its bounds (" + OffsetDateTime.now().withNano(0) + ")");
        out.add("");
        out.add("Machine: " + Runtime.getRuntime().availableProcessors() + " cores available to the JVM, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", Java "
                + System.getProperty("java.version") + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                + " MB; load average at the start " + loadAverage() + ". Single runs; times include Timefold's "
                + "solver set-up.");
        out.add("");
        out.add("| pool | run | score | bound | gap to its bound | gap to the best bound | time |");
        out.add("|---|---|---|---|---|---|---|");
        for (DemoPoolSize size : List.of(DemoPoolSize.MEDIUM, DemoPoolSize.LARGE)) {
            PairingProblem balanced = DemoPools.generate(size, DemoPools.DEFAULT_SEED, true);
            int possible = pairs(solve(PairingProblemFactory.create(balanced), Duration.ofMinutes(5)));
            int themeCap = (int) Math.ceil(possible / 15.0);
            PairingProblem themed = new PairingProblem(balanced.call().withThemeSoftCap(themeCap),
                    balanced.applicants(), balanced.pinnedPairs(), balanced.excludedPairs(),
                    balanced.weightOverrides());
            String pool = size + ", at most " + themeCap + " pairs per main theme";
            long start = System.nanoTime();
            PairingSolution before = withoutMultipliers(() -> solve(PairingProblemFactory.create(themed), BUDGET));
            double beforeSeconds = seconds(start);
            start = System.nanoTime();
            PairingSolution after = solve(PairingProblemFactory.create(themed), BUDGET);
            double afterSeconds = seconds(start);
            Duration cpSatLimit = size == DemoPoolSize.LARGE ? Duration.ofSeconds(120) : Duration.ofSeconds(60);
            CpSatThemeSpread.Result cpSat = CpSatThemeSpread.solve(PairingProblemFactory.create(themed), possible,
                    cpSatLimit, 2);
            HardMediumSoftLongScore afterBound = after.bestBound();
            HardMediumSoftLongScore cpSatBound = afterBound == null ? null : HardMediumSoftLongScore.of(
                    afterBound.hardScore(), afterBound.mediumScore(), cpSat.bound());
            MipThemeSpread.Result mip = MipThemeSpread.solve(PairingProblemFactory.create(themed), possible,
                    cpSatLimit);
            HardMediumSoftLongScore mipBound = afterBound == null || mip.bound() == Long.MAX_VALUE ? null
                    : HardMediumSoftLongScore.of(afterBound.hardScore(), afterBound.mediumScore(), mip.bound());
            HardMediumSoftLongScore best = min(min(min(before.bestBound(), afterBound), cpSatBound), mipBound);
            out.add(row(pool, "service default, plain relaxation (before)", before.getScore(), before.bestBound(),
                    best, beforeSeconds));
            out.add(row(pool, "service default, theme multipliers (after)", after.getScore(), afterBound, best,
                    afterSeconds));
            HardMediumSoftLongScore cpSatScore = null;
            if (cpSat.matching() != null) {
                PairingSolution scored = PairingProblemFactory.create(themed);
                cpSat.matching().applyTo(scored);
                cpSatScore = SCORES.update(scored);
            }
            out.add(row(pool, "CP-SAT, " + cpSat.variables() + " pair variables, " + cpSatLimit.toSeconds()
                    + " s limit, 2 workers: " + cpSat.status() + (cpSat.objective() == null ? ""
                            : ", objective " + cpSat.objective()), cpSatScore, cpSatBound, best, cpSat.seconds()));
            HardMediumSoftLongScore mipScore = null;
            if (mip.matching() != null) {
                PairingSolution scored = PairingProblemFactory.create(themed);
                mip.matching().applyTo(scored);
                mipScore = SCORES.update(scored);
            }
            out.add(row(pool, "MILP (SCIP), " + cpSatLimit.toSeconds() + " s limit: " + mip.status()
                    + (mip.objective() == null ? "" : ", objective " + mip.objective()), mipScore, mipBound, best,
                    mip.seconds()));
            System.out.println(String.join("\n", out));
        }
        out.add("");
        out.add("Load average at the end: " + loadAverage() + ".");
        Path file = Path.of("results", "theme-spread.md");
        Files.createDirectories(file.getParent());
        Files.write(file, out);
        out.forEach(System.out::println);
    }

    private static String row(String pool, String run, HardMediumSoftLongScore score, HardMediumSoftLongScore bound,
            HardMediumSoftLongScore best, double seconds) {
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %.1f s |", pool, run,
                score == null ? "none" : score, bound == null ? "none" : bound, gap(score, bound), gap(score, best),
                seconds);
    }

    private static String gap(HardMediumSoftLongScore score, HardMediumSoftLongScore bound) {
        if (score == null || bound == null || score.hardScore() != bound.hardScore()
                || score.mediumScore() != bound.mediumScore()) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.3f %%",
                100.0 * Math.max(0, bound.softScore() - score.softScore()) / Math.max(1, Math.abs(bound.softScore())));
    }

    private static HardMediumSoftLongScore min(HardMediumSoftLongScore a, HardMediumSoftLongScore b) {
        return a == null ? b : b == null ? a : a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * Runs the service default with the warm start's theme multipliers off (its test seam
     * {@code MatchingWarmStart.lagrangianSteps} set to 0), which is the warm start before they were added.
     */
    private static PairingSolution withoutMultipliers(java.util.function.Supplier<PairingSolution> run) {
        try {
            Field steps = Class.forName("eu.iucplanner.pairing.solver.MatchingWarmStart")
                    .getDeclaredField("lagrangianSteps");
            steps.setAccessible(true);
            int previous = steps.getInt(null);
            steps.setInt(null, 0);
            try {
                return run.get();
            } finally {
                steps.setInt(null, previous);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static PairingSolution solve(PairingSolution start, Duration budget) {
        SolverConfig config = PairingSolverConfigs.defaultConfig()
                .withTerminationConfig(new TerminationConfig().withSpentLimit(budget));
        return ProvenOptimumStop.factory(SolverFactory.create(config)).buildSolver().solve(start);
    }

    static int pairs(PairingSolution solution) {
        return (int) solution.getSlots().stream().filter(slot -> slot.getPartner() != null).count();
    }

    static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
