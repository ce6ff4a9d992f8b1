package eu.iucplanner.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import eu.iucplanner.demo.DemoPoolSize;
import eu.iucplanner.demo.DemoPools;
import eu.iucplanner.pairing.domain.CountryLimits;
import eu.iucplanner.pairing.domain.PairingMode;
import eu.iucplanner.pairing.domain.PairingProblem;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.solver.PairingProblemFactory;
import eu.iucplanner.pairing.solver.PairingSolverConfigs;
import eu.iucplanner.pairing.solver.ProvenOptimumStop;
import eu.iucplanner.pairing.solver.Stability;

/**
 * Issue 15's benchmark part ({@code -Dbenchmark.args=stability}): the stability trade-off (the optimum against the
 * stable pairing: total score and blocking pairs) on every demo pool up to HUGE, with the regional balance off and
 * on; and the service default on the balance-on LARGE pool with country caps (still proven optimal) and with a theme
 * spread (against the relaxation bound) in 30 s. Writes {@code results/stability.md}.
 */
public final class StabilityBenchmarks {

    private static final Duration THEME_BUDGET = Duration.ofSeconds(30);

    private StabilityBenchmarks() {
    }

    public static void main(String[] args) throws IOException {
        List<String> out = new ArrayList<>();
        out.add("# Stability trade-off and balance (" + LocalDate.now() + ")");
        out.add("");
        out.add("Machine: " + Runtime.getRuntime().availableProcessors() + " cores available to the JVM, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", Java "
                + System.getProperty("java.version") + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB. Single runs; times include Timefold's "
                + "solver set-up and scoring.");
        out.add("");
        out.add("## The optimum against the stable pairing");
        out.add("");
        out.add("| pool | optimum (OPTIMAL) | its blocking pairs | stable (STABLE, EU proposing) | its blocking pairs "
                + "| pairs lost | soft score lost | times (optimal / stable) |");
        out.add("|---|---|---|---|---|---|---|---|");
        for (DemoPoolSize size : List.of(DemoPoolSize.SMALL, DemoPoolSize.MEDIUM, DemoPoolSize.LARGE,
                DemoPoolSize.HUGE)) {
            for (boolean balance : new boolean[] { false, true }) {
                PairingProblem problem = DemoPools.generate(size, DemoPools.DEFAULT_SEED, balance);
                long start = System.nanoTime();
                PairingSolution optimal = solve(problem, Duration.ofMinutes(5));
                double optimalSeconds = seconds(start);
                start = System.nanoTime();
                PairingSolution stable = solve(withMode(problem, PairingMode.STABLE), Duration.ofMinutes(5));
                double stableSeconds = seconds(start);
                HardMediumSoftLongScore o = optimal.getScore();
                HardMediumSoftLongScore s = stable.getScore();
                out.add(String.format(Locale.ROOT, "| %s, balance %s | %s (%d pairs%s) | %,d | %s (%d pairs) | %,d | "
                        + "%d | %s | %.1f s / %.1f s |", size, balance ? "on" : "off", o, pairs(optimal),
                        optimal.isProvenOptimal() ? ", proven" : "", Stability.blockingPairs(optimal).size(), s,
                        pairs(stable), Stability.blockingPairs(stable).size(), pairs(optimal) - pairs(stable),
                        o.mediumScore() == s.mediumScore()
                                ? String.format(Locale.ROOT, "%.2f %%", 100.0 * (o.softScore() - s.softScore())
                                        / Math.abs(o.softScore()))
                                : "(fewer pairs)", optimalSeconds, stableSeconds));
            }
        }
        out.add("");
        out.add("## Balance on, with country caps and with a theme spread (LARGE, service default)");
        out.add("");
        out.add("| call | score | bound (kind) | gap | optimal | time |");
        out.add("|---|---|---|---|---|---|");
        PairingProblem large = DemoPools.generate(DemoPoolSize.LARGE, DemoPools.DEFAULT_SEED, true);
        int possible = pairs(solve(large, Duration.ofMinutes(5)));
        int hardCap = (int) Math.ceil(possible / 10.0);
        int softCap = (int) Math.ceil(possible / 20.0);
        PairingProblem capped = withCall(large, large.call().withCountryLimits(
                new CountryLimits(hardCap, null, softCap, null)));
        row(out, "regional targets, every country at most " + hardCap + " pairs (soft cap " + softCap + ")", capped,
                Duration.ofMinutes(5));
        int themeCap = (int) Math.ceil(possible / 15.0);
        PairingProblem themed = withCall(large, large.call().withThemeSoftCap(themeCap));
        row(out, "regional targets, at most " + themeCap + " pairs per main theme (soft), " + THEME_BUDGET
                + " budget", themed, THEME_BUDGET);
        out.add("");
        out.add("## What-if reruns: one pin and one exclusion, from the previous optimum, against a new run");
        out.add("");
        out.add("| pool | rerun: score, optimal, time | new run of the same request: score, optimal, time |");
        out.add("|---|---|---|");
        for (DemoPoolSize size : List.of(DemoPoolSize.LARGE, DemoPoolSize.HUGE)) {
            PairingProblem problem = DemoPools.generate(size, DemoPools.DEFAULT_SEED, false);
            PairingSolution previous = solve(problem, Duration.ofMinutes(5));
            // Pin the first EU applicant to the second one's partner, exclude the second pair's crosswise pair.
            List<eu.iucplanner.pairing.domain.PartnerSlot> filled = previous.getSlots().stream()
                    .filter(slot -> slot.getPartner() != null).toList();
            var first = filled.get(0);
            var second = filled.get(1);
            PairingProblem changed = new PairingProblem(problem.call(), problem.applicants(),
                    List.of(new eu.iucplanner.pairing.domain.PairRef(first.getOwner().getId(),
                            second.getPartner().getId())),
                    List.of(new eu.iucplanner.pairing.domain.PairRef(second.getOwner().getId(),
                            first.getPartner().getId())), problem.weightOverrides());
            long start = System.nanoTime();
            PairingSolution rerun = solve(startFrom(previous, changed), Duration.ofMinutes(5));
            double rerunSeconds = seconds(start);
            start = System.nanoTime();
            PairingSolution fresh = solve(PairingProblemFactory.create(changed), Duration.ofMinutes(5));
            double freshSeconds = seconds(start);
            out.add(String.format(Locale.ROOT, "| %s | %s, %s, %.1f s | %s, %s, %.1f s |", size, rerun.getScore(),
                    rerun.isProvenOptimal(), rerunSeconds, fresh.getScore(), fresh.isProvenOptimal(), freshSeconds));
        }
        Path file = Path.of("results", "stability.md");
        Files.createDirectories(file.getParent());
        Files.write(file, out);
        out.forEach(System.out::println);
    }

    private static void row(List<String> out, String call, PairingProblem problem, Duration budget) {
        long start = System.nanoTime();
        PairingSolution best = solve(problem, budget);
        double time = seconds(start);
        Double gap = best.getProvenBound().gapPercent(best.getScore());
        out.add(String.format(Locale.ROOT, "| %s | %s | %s (%s) | %s | %s | %.1f s |", call, best.getScore(),
                best.bestBound(), best.getProvenBound().exact() ? "optimum" : "relaxation",
                gap == null ? "n/a" : String.format(Locale.ROOT, "%.3f %%", gap), best.isProvenOptimal(), time));
    }

    private static PairingSolution solve(PairingProblem problem, Duration budget) {
        return solve(PairingProblemFactory.create(problem), budget);
    }

    /** A rerun's start as the service builds it: the previous partners, less the pairs the changes forbid. */
    private static PairingSolution startFrom(PairingSolution previous, PairingProblem changed) {
        PairingSolution start = PairingProblemFactory.create(changed);
        java.util.Map<String, String> partnerBySlot = new java.util.HashMap<>();
        previous.getSlots().stream().filter(slot -> slot.getPartner() != null)
                .forEach(slot -> partnerBySlot.put(slot.getId(), slot.getPartner().getId()));
        java.util.Map<String, eu.iucplanner.pairing.domain.Applicant> candidates = new java.util.HashMap<>();
        start.getPartnerCandidates().forEach(candidate -> candidates.put(candidate.getId(), candidate));
        java.util.Map<eu.iucplanner.pairing.domain.Applicant, Integer> used = new java.util.HashMap<>();
        start.getSlots().stream().filter(slot -> slot.isPinned() && slot.getPartner() != null)
                .forEach(slot -> used.merge(slot.getPartner(), 1, Integer::sum));
        for (var slot : start.getSlots()) {
            var partner = slot.isPinned() ? null : candidates.get(partnerBySlot.get(slot.getId()));
            boolean pinnedAlready = start.getSlots().stream().anyMatch(other -> other.isPinned()
                    && other.getOwner() == slot.getOwner() && other.getPartner() == partner);
            if (partner == null || slot.getOwner().excludes(partner) || pinnedAlready
                    || used.getOrDefault(partner, 0) >= partner.getMaxPartners()) {
                continue;
            }
            slot.setPartner(partner);
            used.merge(partner, 1, Integer::sum);
        }
        return start;
    }

    private static PairingSolution solve(PairingSolution start, Duration budget) {
        SolverConfig config = PairingSolverConfigs.defaultConfig()
                .withTerminationConfig(new TerminationConfig().withSpentLimit(budget));
        return ProvenOptimumStop.factory(SolverFactory.create(config)).buildSolver().solve(start);
    }

    private static PairingProblem withMode(PairingProblem problem, PairingMode mode) {
        return new PairingProblem(problem.call(), problem.applicants(), problem.pinnedPairs(),
                problem.excludedPairs(), problem.weightOverrides(), true, mode);
    }

    private static PairingProblem withCall(PairingProblem problem, eu.iucplanner.pairing.domain.CallRules call) {
        return new PairingProblem(call, problem.applicants(), problem.pinnedPairs(), problem.excludedPairs(),
                problem.weightOverrides());
    }

    private static int pairs(PairingSolution solution) {
        return (int) solution.getSlots().stream().filter(slot -> slot.getPartner() != null).count();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
