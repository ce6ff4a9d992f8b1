package eu.iucplanner.pairing.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Exact maximum-weight bipartite b-matching with maximum cardinality first: among all matchings that respect both
 * sides' capacities and use each allowed edge at most once, it returns one with the most edges and, among those, the
 * highest total weight. This is the per-pair part of the pairing objective (open places first, then soft score).
 * <p>
 * Method: min-cost max-flow by successive shortest paths (source to left nodes with their capacities, left to right
 * with cost minus weight, right nodes to sink with their capacities), Dijkstra on reduced costs with Johnson
 * potentials, dense arrays and an early stop once the sink is settled. The first potentials come from the acyclic
 * initial graph, so negative costs are fine. Time is O(F (n + m)^2) in the worst case for F matched edges.
 */
public final class MaxWeightBMatching {

    /** Weight marking an edge that may not be used. */
    public static final long FORBIDDEN = Long.MIN_VALUE;

    private static final long INF = Long.MAX_VALUE / 4;

    /** The matched edges as (left, right) index pairs, and their total weight. */
    public record Result(List<int[]> pairs, long totalWeight) {
    }

    private MaxWeightBMatching() {
    }

    /**
     * @param leftCapacity  how many edges each left node may take
     * @param rightCapacity how many edges each right node may take
     * @param weights       row-major {@code n x m} matrix; {@link #FORBIDDEN} for edges that may not be used
     */
    public static Result solve(int[] leftCapacity, int[] rightCapacity, long[] weights) {
        int n = leftCapacity.length;
        int m = rightCapacity.length;
        if (weights.length != (long) n * m) {
            throw new IllegalArgumentException("weights must have n * m = " + ((long) n * m) + " entries");
        }
        int[] capL = leftCapacity.clone();
        int[] capR = rightCapacity.clone();
        boolean[] used = new boolean[n * m];
        int[][] matched = new int[m][];
        int[] matchedCount = new int[m];
        for (int j = 0; j < m; j++) {
            matched[j] = new int[Math.max(1, capR[j])];
        }
        // Node numbering: left 0..n-1, right n..n+m-1, sink n+m. The source is implicit with potential 0.
        int sink = n + m;
        long[] pi = new long[n + m + 1];
        long minRight = INF;
        for (int j = 0; j < m; j++) {
            long best = INF;
            for (int i = 0; i < n; i++) {
                long w = weights[i * m + j];
                if (w != FORBIDDEN && capL[i] > 0) {
                    best = Math.min(best, -w);
                }
            }
            pi[n + j] = best == INF ? 0 : best;
            if (best != INF && capR[j] > 0) {
                minRight = Math.min(minRight, best);
            }
        }
        pi[sink] = minRight == INF ? 0 : minRight;

        long[] dist = new long[n + m + 1];
        int[] prev = new int[n + m + 1];
        boolean[] done = new boolean[n + m + 1];
        while (true) {
            Arrays.fill(dist, INF);
            Arrays.fill(prev, -1);
            Arrays.fill(done, false);
            for (int i = 0; i < n; i++) {
                if (capL[i] > 0) {
                    dist[i] = -pi[i];
                }
            }
            while (true) {
                int u = -1;
                long best = INF;
                for (int v = 0; v <= sink; v++) {
                    if (!done[v] && dist[v] < best) {
                        best = dist[v];
                        u = v;
                    }
                }
                if (u == -1 || u == sink) {
                    break;
                }
                done[u] = true;
                if (u < n) {
                    int row = u * m;
                    for (int j = 0; j < m; j++) {
                        long w = weights[row + j];
                        if (w == FORBIDDEN || used[row + j] || done[n + j]) {
                            continue;
                        }
                        long nd = best - w + pi[u] - pi[n + j];
                        if (nd < dist[n + j]) {
                            dist[n + j] = nd;
                            prev[n + j] = u;
                        }
                    }
                } else {
                    int j = u - n;
                    for (int k = 0; k < matchedCount[j]; k++) {
                        int i = matched[j][k];
                        if (done[i]) {
                            continue;
                        }
                        long nd = best + weights[i * m + j] + pi[u] - pi[i];
                        if (nd < dist[i]) {
                            dist[i] = nd;
                            prev[i] = u;
                        }
                    }
                    if (capR[j] > 0) {
                        long nd = best + pi[u] - pi[sink];
                        if (nd < dist[sink]) {
                            dist[sink] = nd;
                            prev[sink] = u;
                        }
                    }
                }
            }
            long reach = dist[sink];
            if (reach >= INF) {
                break;
            }
            for (int v = 0; v <= sink; v++) {
                pi[v] += Math.min(dist[v], reach);
            }
            // Augment one unit along the path sink <- right <- left <- right ... <- left <- source.
            int right = prev[sink] - n;
            capR[right]--;
            while (true) {
                int left = prev[n + right];
                int edge = left * m + right;
                used[edge] = true;
                addMatch(matched, matchedCount, right, left);
                int previousRight = prev[left];
                if (previousRight == -1) {
                    capL[left]--;
                    break;
                }
                int fromRight = previousRight - n;
                used[left * m + fromRight] = false;
                removeMatch(matched, matchedCount, fromRight, left);
                right = fromRight;
            }
        }
        List<int[]> pairs = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                if (used[i * m + j]) {
                    pairs.add(new int[] { i, j });
                    total += weights[i * m + j];
                }
            }
        }
        return new Result(pairs, total);
    }

    private static void addMatch(int[][] matched, int[] count, int right, int left) {
        if (count[right] == matched[right].length) {
            matched[right] = Arrays.copyOf(matched[right], matched[right].length * 2);
        }
        matched[right][count[right]++] = left;
    }

    private static void removeMatch(int[][] matched, int[] count, int right, int left) {
        int[] list = matched[right];
        for (int k = 0; k < count[right]; k++) {
            if (list[k] == left) {
                list[k] = list[--count[right]];
                return;
            }
        }
        throw new IllegalStateException("left " + left + " was not matched to right " + right);
    }
}
