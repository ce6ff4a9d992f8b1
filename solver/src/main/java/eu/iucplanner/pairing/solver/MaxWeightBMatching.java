package eu.iucplanner.pairing.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * Exact maximum-weight bipartite b-matching with maximum cardinality first, optionally with a convex regional term:
 * among all matchings that respect both sides' capacities and use each allowed edge at most once, it returns one with
 * the most edges and, among those, the highest total weight minus {@code regionWeight × |edges into region r −
 * target(r)|} summed over the regions that have a target. This is the whole pairing objective (open places first,
 * then the soft score, regional balance included).
 * <p>
 * It is a minimum-cost maximum flow (source → left nodes → right nodes → region nodes → sink; a region with a target
 * reaches the sink at cost {@code −regionWeight} for its first {@code target} units and {@code +regionWeight} beyond,
 * which is the regional term because it is convex in the region's flow), solved by cost scaling
 * ({@link CostScalingBMatching}: about 0.2 s on the 5,000-applicant demo pool, 3 to 6 s on the 20,000 one). Weights so
 * large that its scaled costs could overflow go to the primal-dual method ({@link PrimalDualBMatching}), which is exact
 * for them too but needs minutes on large pools.
 * <p>
 * A stop signal ends the search early: the result is then the valid matching of the last phase boundary, flagged as
 * not optimal, and {@link #completeGreedily} fills what it leaves open.
 */
public final class MaxWeightBMatching {

    /** Weight marking an edge that may not be used. */
    public static final long FORBIDDEN = Long.MIN_VALUE;

    private static final BooleanSupplier NEVER = () -> false;

    /**
     * The matched edges and their total weight (the regional term not included).
     *
     * @param pairs       (left, right) index pairs, ordered by left, then right
     * @param totalWeight the sum of the matched edges' weights
     * @param optimal     true when the matching is the proven optimum; false when the stop signal ended the search
     *                    first (it is then a valid matching, usually with open places or a lower weight)
     */
    public record Result(List<int[]> pairs, long totalWeight, boolean optimal) {
    }

    /**
     * The regional term.
     *
     * @param regionOf     region index of each right node
     * @param targets      target number of edges per region; negative for a region without a target
     * @param regionWeight cost of each edge a region is away from its target; not negative (the term must be convex)
     */
    public record Regions(int[] regionOf, int[] targets, long regionWeight) {
    }

    private MaxWeightBMatching() {
    }

    /**
     * @param leftCapacity  how many edges each left node may take
     * @param rightCapacity how many edges each right node may take
     * @param weights       row-major {@code n x m} matrix; {@link #FORBIDDEN} for edges that may not be used
     */
    public static Result solve(int[] leftCapacity, int[] rightCapacity, long[] weights) {
        return solve(leftCapacity, rightCapacity, weights, null);
    }

    /** As {@link #solve(int[], int[], long[])}, with the regional term when {@code regions} is not {@code null}. */
    public static Result solve(int[] leftCapacity, int[] rightCapacity, long[] weights, Regions regions) {
        return solve(leftCapacity, rightCapacity, weights, regions, NEVER);
    }

    /** As {@link #solve(int[], int[], long[], Regions)}, ending early when {@code stop} turns true. */
    public static Result solve(int[] leftCapacity, int[] rightCapacity, long[] weights, Regions regions,
            BooleanSupplier stop) {
        return solve(leftCapacity, rightCapacity,
                WeightMatrix.of(leftCapacity.length, rightCapacity.length, weights), regions, stop);
    }

    /**
     * The optimum, or the best valid matching found before {@code stop} turned true.
     *
     * @param leftCapacity  how many edges each left node may take
     * @param rightCapacity how many edges each right node may take
     * @param weights       {@code n × m} edge weights, with the forbidden edges
     * @param regions       the regional term, or {@code null} for none
     * @param stop          checked between phases and about every thousand steps within one (well under a second
     *                      apart on the 20,000-applicant pool); when it returns true the search ends
     */
    public static Result solve(int[] leftCapacity, int[] rightCapacity, WeightMatrix weights, Regions regions,
            BooleanSupplier stop) {
        int n = leftCapacity.length;
        int m = rightCapacity.length;
        if (weights.rows() != n || weights.columns() != m) {
            throw new IllegalArgumentException("weights are " + weights.rows() + " × " + weights.columns()
                    + ", the capacities " + n + " × " + m);
        }
        requireNotNegative(leftCapacity, "left capacities");
        requireNotNegative(rightCapacity, "right capacities");
        int[] regionOf = new int[m];
        int[] targets = { -1 };
        long regionWeight = 0;
        if (regions != null) {
            if (regions.regionOf().length != m) {
                throw new IllegalArgumentException("regionOf must have one entry per right node");
            }
            if (regions.regionWeight() < 0) {
                throw new IllegalArgumentException("regionWeight must not be negative, the term would not be convex");
            }
            regionOf = regions.regionOf().clone();
            targets = regions.targets().clone();
            regionWeight = regions.regionWeight();
            for (int region : regionOf) {
                if (region < 0 || region >= targets.length) {
                    throw new IllegalArgumentException("region index " + region + " has no entry in targets");
                }
            }
        }
        int nodes = n + m + targets.length + 2;
        long maxAbsCost = Math.max(weights.maxAbsWeight(), regionWeight);
        int[][] pairs;
        boolean optimal;
        if (weights.intsOrNull() != null && CostScalingBMatching.fits(nodes, maxAbsCost)) {
            CostScalingBMatching flow = new CostScalingBMatching(leftCapacity, rightCapacity, weights, regionOf,
                    targets, regionWeight, stop);
            optimal = flow.run();
            pairs = flow.pairs();
        } else {
            if ((double) maxAbsCost * (nodes + 2.0) * 4 > Long.MAX_VALUE) {
                throw new IllegalArgumentException("weights up to " + maxAbsCost + " are too large for an exact flow");
            }
            PrimalDualBMatching flow = new PrimalDualBMatching(leftCapacity, rightCapacity, weights, regionOf,
                    targets, regionWeight, stop);
            optimal = flow.run();
            pairs = flow.pairs();
        }
        return result(Arrays.asList(pairs), weights, optimal);
    }

    /** The optimum by the primal-dual method, whatever the weights: the reference the tests compare with. */
    static Result solveByPrimalDual(int[] leftCapacity, int[] rightCapacity, long[] weights, Regions regions) {
        int m = rightCapacity.length;
        WeightMatrix matrix = WeightMatrix.of(leftCapacity.length, m, weights);
        int[] regionOf = regions == null ? new int[m] : regions.regionOf().clone();
        int[] targets = regions == null ? new int[] { -1 } : regions.targets().clone();
        long regionWeight = regions == null ? 0 : regions.regionWeight();
        PrimalDualBMatching flow = new PrimalDualBMatching(leftCapacity, rightCapacity, matrix, regionOf, targets,
                regionWeight, NEVER);
        boolean optimal = flow.run();
        return result(Arrays.asList(flow.pairs()), matrix, optimal);
    }

    /**
     * Completes a valid matching greedily: adds the allowed edges that are not in it, highest weight first (ties by
     * left, then right index), whenever both ends still have room. The result is maximal: no allowed edge between two
     * nodes with room is left out. Used after a stopped search, whose matching may leave places open.
     *
     * @param pairs a valid matching: within the capacities, allowed edges only, each edge at most once
     * @return the given pairs followed by the added ones
     */
    public static List<int[]> completeGreedily(int[] leftCapacity, int[] rightCapacity, WeightMatrix weights,
            List<int[]> pairs) {
        int m = rightCapacity.length;
        int[] roomL = leftCapacity.clone();
        int[] roomR = rightCapacity.clone();
        long[] taken = new long[pairs.size()];
        for (int k = 0; k < pairs.size(); k++) {
            int[] pair = pairs.get(k);
            roomL[pair[0]]--;
            roomR[pair[1]]--;
            taken[k] = (long) pair[0] * m + pair[1];
        }
        Arrays.sort(taken);
        int[] openLeft = indexesWithRoom(roomL);
        int[] openRight = indexesWithRoom(roomR);
        long count = (long) openLeft.length * openRight.length;
        long[] candidates = new long[(int) Math.min(count, Integer.MAX_VALUE - 8)];
        int size = 0;
        for (int i : openLeft) {
            for (int j : openRight) {
                long index = (long) i * m + j;
                if (weights.get(i, j) != FORBIDDEN && Arrays.binarySearch(taken, index) < 0) {
                    candidates[size++] = index;
                }
            }
        }
        // Sort by weight, highest first, through the rank of each weight among the sorted candidate weights: the key
        // (rank, index) fits a long whatever the weights are, so a primitive sort does it.
        long[] sortedWeights = new long[size];
        for (int k = 0; k < size; k++) {
            sortedWeights[k] = weights.get((int) (candidates[k] / m), (int) (candidates[k] % m));
        }
        Arrays.sort(sortedWeights);
        long[] keys = new long[size];
        for (int k = 0; k < size; k++) {
            long weight = weights.get((int) (candidates[k] / m), (int) (candidates[k] % m));
            long rankFromTop = size - 1 - lastIndexOf(sortedWeights, weight);
            keys[k] = rankFromTop << 31 | candidates[k];
        }
        Arrays.sort(keys);
        List<int[]> completed = new ArrayList<>(pairs);
        for (long key : keys) {
            long index = key & Integer.MAX_VALUE;
            int i = (int) (index / m);
            int j = (int) (index % m);
            if (roomL[i] > 0 && roomR[j] > 0) {
                roomL[i]--;
                roomR[j]--;
                completed.add(new int[] { i, j });
            }
        }
        return completed;
    }

    /** Per region, the right nodes in it. */
    static int[][] rightsOfRegion(int[] regionOf, int regionCount) {
        int[] sizes = new int[regionCount];
        for (int region : regionOf) {
            sizes[region]++;
        }
        int[][] rights = new int[regionCount][];
        for (int r = 0; r < regionCount; r++) {
            rights[r] = new int[sizes[r]];
        }
        int[] fill = new int[regionCount];
        for (int j = 0; j < regionOf.length; j++) {
            rights[regionOf[j]][fill[regionOf[j]]++] = j;
        }
        return rights;
    }

    private static Result result(List<int[]> pairs, WeightMatrix weights, boolean optimal) {
        List<int[]> sorted = new ArrayList<>(pairs);
        sorted.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        long total = 0;
        for (int[] pair : sorted) {
            total += weights.get(pair[0], pair[1]);
        }
        return new Result(List.copyOf(sorted), total, optimal);
    }

    private static int[] indexesWithRoom(int[] room) {
        return IntStream.range(0, room.length).filter(k -> room[k] > 0).toArray();
    }

    /** The index of the last occurrence of {@code value} in the sorted array. */
    private static int lastIndexOf(long[] sorted, long value) {
        int low = 0;
        int high = sorted.length - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (sorted[middle] <= value) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    private static void requireNotNegative(int[] capacities, String what) {
        for (int capacity : capacities) {
            if (capacity < 0) {
                throw new IllegalArgumentException(what + " must not be negative");
            }
        }
    }

    /**
     * The matched pairs (left, right) of a flow that keeps, per right node {@code j}, its first
     * {@code matchedCount[j]} left partners in {@code matched[j]}; in no particular order.
     */
    static int[][] matchedPairs(int[][] matched, int[] matchedCount) {
        int count = 0;
        for (int c : matchedCount) {
            count += c;
        }
        int[][] pairs = new int[count][];
        int next = 0;
        for (int j = 0; j < matchedCount.length; j++) {
            for (int k = 0; k < matchedCount[j]; k++) {
                pairs[next++] = new int[] { matched[j][k], j };
            }
        }
        return pairs;
    }
}
