package eu.iucplanner.benchmarks;

import java.util.List;
import java.util.Locale;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * One strategy on one pool.
 *
 * @param score         the full score of the strategy's final solution (scored by the production constraints)
 * @param optimum       the proven optimum's score
 * @param within1Millis when the run first came within 1 % of the optimum ({@code null}: never)
 * @param peakHeapBytes the sum of the heap pools' peaks during the run (an upper bound, garbage included)
 * @param liveHeapBytes heap in use after the run and a full GC (the problem and the result)
 */
record BenchmarkRow(String pool, String strategy, HardMediumSoftLongScore score, HardMediumSoftLongScore optimum,
        int pairs, int optimumPairs, long blockingPairs, Long within1Millis, Long within01Millis, long wallMillis,
        Long moveEvaluationSpeed, long peakHeapBytes, long liveHeapBytes) {

    /**
     * The gap of the soft score to the optimum in percent of the optimum, when the hard and medium levels equal the
     * optimum's; {@code null} when they do not (infeasible, or fewer pairs).
     */
    Double gapPercent() {
        if (score.hardScore() != optimum.hardScore() || score.mediumScore() != optimum.mediumScore()) {
            return null;
        }
        return 100.0 * (optimum.softScore() - score.softScore()) / Math.abs(optimum.softScore());
    }

    static boolean within(HardMediumSoftLongScore score, HardMediumSoftLongScore optimum, double percent) {
        return score.hardScore() == optimum.hardScore() && score.mediumScore() == optimum.mediumScore()
                && 100.0 * (optimum.softScore() - score.softScore()) <= percent * Math.abs(optimum.softScore());
    }

    String gapText() {
        if (score.hardScore() < 0) {
            return "infeasible";
        }
        Double gap = gapPercent();
        if (gap == null) {
            return (optimumPairs - pairs) + " pairs fewer";
        }
        return String.format(Locale.ROOT, "%.3f %%", gap);
    }

    String line() {
        return String.format(Locale.ROOT, "%-60s %-28s gap %-14s pairs %d/%d blocking %d 1%%: %s 0.1%%: %s wall %d ms"
                + " speed %s peak %d MB", strategy, score, gapText(), pairs, optimumPairs, blockingPairs,
                millis(within1Millis), millis(within01Millis), wallMillis,
                moveEvaluationSpeed == null ? "-" : moveEvaluationSpeed + "/s", peakHeapBytes >> 20);
    }

    static String millis(Long value) {
        return value == null ? "never" : String.format(Locale.ROOT, "%.1f s", value / 1000.0);
    }

    static String csv(List<BenchmarkRow> rows) {
        StringBuilder out = new StringBuilder("pool,strategy,score,optimum,gap_percent,pairs,optimum_pairs,"
                + "blocking_pairs,time_within_1_percent_ms,time_within_0_1_percent_ms,wall_ms,"
                + "move_evaluation_speed,peak_heap_mb,live_heap_mb\n");
        for (BenchmarkRow row : rows) {
            Double gap = row.gapPercent();
            out.append(String.join(",", '"' + row.pool + '"', '"' + row.strategy + '"', row.score.toString(),
                    row.optimum.toString(), gap == null ? "" : String.format(Locale.ROOT, "%.4f", gap),
                    String.valueOf(row.pairs), String.valueOf(row.optimumPairs), String.valueOf(row.blockingPairs),
                    row.within1Millis == null ? "" : row.within1Millis.toString(),
                    row.within01Millis == null ? "" : row.within01Millis.toString(), String.valueOf(row.wallMillis),
                    row.moveEvaluationSpeed == null ? "" : row.moveEvaluationSpeed.toString(),
                    String.valueOf(row.peakHeapBytes >> 20), String.valueOf(row.liveHeapBytes >> 20)))
                    .append('\n');
        }
        return out.toString();
    }

    static String markdown(List<BenchmarkRow> rows, String machine, List<PairingBenchmarks.Pool> pools) {
        StringBuilder out = new StringBuilder("# Pairing benchmark\n\nMachine: ").append(machine).append(".\n\n")
                .append("Pools: the demo pools (seed 1) with the regional balance off and on. Time budget of each "
                        + "Timefold strategy: ");
        pools.stream().filter(pool -> !pool.balance()).forEach(pool -> out.append(pool.size()).append(' ')
                .append(pool.budget().toSeconds()).append(" s; "));
        out.append("the service default stops on its own termination (diminished returns, at most 2 minutes).\n\n"
                + "Gap: how far the soft score is below the proven optimum's, in % of it, for solutions with the "
                + "optimum's number of pairs; otherwise how many pairs fewer. Blocking pairs: allowed pairs not "
                + "formed whose two applicants would both rather be together. Peak heap: the sum of the heap pools' "
                + "peaks during the run (garbage included); live heap: after the run and a full GC.\n");
        String current = null;
        for (BenchmarkRow row : rows) {
            if (!row.pool.equals(current)) {
                current = row.pool;
                out.append("\n## ").append(current).append(" (optimum ").append(row.optimum).append(", ")
                        .append(row.optimumPairs).append(" pairs)\n\n")
                        .append("| strategy | score | gap | pairs | blocking pairs | within 1 % | within 0.1 % | wall "
                                + "time | moves/s | peak heap | live heap |\n")
                        .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
            }
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %d | %s | %s | %.1f s | %s | %d MB | %d MB |%n",
                    row.strategy, row.score, row.gapText(), row.pairs, row.blockingPairs, millis(row.within1Millis),
                    millis(row.within01Millis), row.wallMillis / 1000.0,
                    row.moveEvaluationSpeed == null ? "-" : String.format(Locale.ROOT, "%,d", row.moveEvaluationSpeed),
                    row.peakHeapBytes >> 20, row.liveHeapBytes >> 20));
        }
        return out.toString();
    }
}
