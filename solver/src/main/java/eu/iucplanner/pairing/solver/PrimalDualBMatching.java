package eu.iucplanner.pairing.solver;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * The exact b-matching of {@link MaxWeightBMatching} by the primal-dual method (successive shortest paths), the
 * service's first implementation. It is kept for weights too large for {@link CostScalingBMatching}'s scaled costs
 * (its potentials stay within N times the largest weight), and as an independent reference in the tests.
 * <p>
 * Network: source → left nodes (their capacities) → right nodes (cost minus the edge weight) → region nodes (the right
 * node's capacity) → sink; a region with a target reaches the sink at cost {@code −regionWeight} for its first
 * {@code target} units and {@code +regionWeight} beyond, which is the regional term because it is convex in the
 * region's flow. Each phase runs Dijkstra on reduced costs with Johnson potentials (binary heap) and then augments
 * along as many zero-reduced-cost paths as a depth-first search finds, so a phase serves many edges. The first
 * potentials come from the acyclic initial graph, so negative costs are fine. Successive shortest paths give the
 * cheapest flow of every size, so the final maximum flow is the cheapest maximum flow: cardinality first, then
 * weight. On dense pools of thousands it needs a Dijkstra over all n × m arcs per distinct path length (about 1,300
 * on the HUGE demo pool), which is why it is no longer the default.
 * <p>
 * The stop signal is checked between phases; the flow after each phase is a valid matching.
 */
final class PrimalDualBMatching {

    private static final long FORBIDDEN = MaxWeightBMatching.FORBIDDEN;
    private static final long INF = Long.MAX_VALUE / 4;

    private final int n;
    private final int m;
    private final int g;
    private final WeightMatrix weights;
    private final int[] capL;
    private final int[] capR;
    private final int[] regionOf;
    private final int[] targets;
    private final long regionWeight;
    private final int[][] rightsOfRegion;
    private final int[] regionFlow;
    private final boolean[] used;
    private final int[][] matched;
    private final int[] matchedCount;
    private final int regionBase;
    private final int sink;
    private final long[] pi;
    private final BooleanSupplier stop;

    PrimalDualBMatching(int[] leftCapacity, int[] rightCapacity, WeightMatrix weights, int[] regionOf,
            int[] targets, long regionWeight, BooleanSupplier stop) {
        this.n = leftCapacity.length;
        this.m = rightCapacity.length;
        this.weights = weights;
        this.capL = leftCapacity.clone();
        this.capR = rightCapacity.clone();
        this.regionOf = regionOf;
        this.targets = targets;
        this.regionWeight = regionWeight;
        this.stop = stop;
        this.g = targets.length;
        this.rightsOfRegion = MaxWeightBMatching.rightsOfRegion(regionOf, g);
        this.regionFlow = new int[g];
        this.used = new boolean[n * m];
        this.matched = new int[m][];
        this.matchedCount = new int[m];
        for (int j = 0; j < m; j++) {
            matched[j] = new int[Math.max(1, Math.min(capR[j], 4))];
        }
        this.regionBase = n + m;
        this.sink = n + m + g;
        this.pi = new long[sink + 1];
    }

    /** The matched pairs (left, right), in no particular order. */
    int[][] pairs() {
        return MaxWeightBMatching.matchedPairs(matched, matchedCount);
    }

    private long weight(int k) {
        return weights.get(k);
    }

    private boolean allowed(int i, int j) {
        return weight(i * m + j) != FORBIDDEN;
    }

    /** The cost of the next unit from region r to the sink. */
    private long regionCost(int r) {
        if (targets[r] < 0 || regionWeight == 0) {
            return 0;
        }
        return regionFlow[r] < targets[r] ? -regionWeight : regionWeight;
    }

    /** Runs to the optimum and returns true, or returns false when the stop signal is set between two phases. */
    boolean run() {
        initialPotentials();
        long[] dist = new long[sink + 1];
        Heap heap = new Heap(sink + 1);
        while (true) {
            if (stop.getAsBoolean()) {
                return false;
            }
            long reach = dijkstra(dist, heap);
            if (reach >= INF) {
                return true;
            }
            for (int v = 0; v <= sink; v++) {
                pi[v] += Math.min(dist[v], reach);
            }
            augmentAlongZeroReducedCostPaths();
        }
    }

    /** Shortest distances in the initial, acyclic network: valid potentials although costs are negative. */
    private void initialPotentials() {
        boolean[] reachableRight = new boolean[m];
        for (int j = 0; j < m; j++) {
            long best = INF;
            for (int i = 0; i < n; i++) {
                if (capL[i] > 0 && allowed(i, j)) {
                    best = Math.min(best, -weight(i * m + j));
                }
            }
            reachableRight[j] = best < INF;
            pi[n + j] = reachableRight[j] ? best : 0;
        }
        long sinkBest = INF;
        for (int r = 0; r < g; r++) {
            long best = INF;
            for (int j : rightsOfRegion[r]) {
                if (reachableRight[j] && capR[j] > 0) {
                    best = Math.min(best, pi[n + j]);
                }
            }
            pi[regionBase + r] = best < INF ? best : 0;
            if (best < INF) {
                sinkBest = Math.min(sinkBest, best + regionCost(r));
            }
        }
        pi[sink] = sinkBest < INF ? sinkBest : 0;
    }

    /** Dijkstra on reduced costs from the (implicit) source; returns the sink's distance. */
    private long dijkstra(long[] dist, Heap heap) {
        Arrays.fill(dist, INF);
        heap.clear();
        for (int i = 0; i < n; i++) {
            if (capL[i] > 0) {
                dist[i] = -pi[i];
                heap.push(i, dist[i]);
            }
        }
        while (!heap.isEmpty()) {
            int u = heap.pop();
            long d = dist[u];
            if (u == sink) {
                break;
            }
            if (u < n) {
                int row = u * m;
                for (int j = 0; j < m; j++) {
                    long w = weight(row + j);
                    if (w != FORBIDDEN && !used[row + j]) {
                        relax(dist, heap, n + j, d - w + pi[u] - pi[n + j]);
                    }
                }
            } else if (u < regionBase) {
                int j = u - n;
                for (int k = 0; k < matchedCount[j]; k++) {
                    int i = matched[j][k];
                    relax(dist, heap, i, d + weight(i * m + j) + pi[u] - pi[i]);
                }
                if (capR[j] > 0) {
                    int region = regionBase + regionOf[j];
                    relax(dist, heap, region, d + pi[u] - pi[region]);
                }
            } else {
                int r = u - regionBase;
                for (int j : rightsOfRegion[r]) {
                    if (matchedCount[j] > 0) {
                        relax(dist, heap, n + j, d + pi[u] - pi[n + j]);
                    }
                }
                relax(dist, heap, sink, d + regionCost(r) + pi[u] - pi[sink]);
            }
        }
        return dist[sink];
    }

    private static void relax(long[] dist, Heap heap, int v, long candidate) {
        if (candidate < dist[v]) {
            dist[v] = candidate;
            heap.pushOrDecrease(v, candidate);
        }
    }

    /**
     * After the potentials are updated, every shortest path has reduced cost zero. Augments one unit along each such
     * path a depth-first search finds, until none is left from any free left node; the next Dijkstra finds the rest.
     */
    private void augmentAlongZeroReducedCostPaths() {
        boolean[] dead = new boolean[sink + 1];
        boolean[] onStack = new boolean[sink + 1];
        int[] next = new int[sink + 1];
        int[] stack = new int[sink + 2];
        for (int s = 0; s < n; s++) {
            while (capL[s] > 0 && !dead[s] && pi[s] == 0) {
                int top = 0;
                stack[0] = s;
                onStack[s] = true;
                boolean found = false;
                while (top >= 0) {
                    int u = stack[top];
                    if (u == sink) {
                        found = true;
                        break;
                    }
                    int v = nextAdmissible(u, next, dead, onStack);
                    if (v < 0) {
                        dead[u] = true;
                        onStack[u] = false;
                        top--;
                    } else {
                        stack[++top] = v;
                        onStack[v] = true;
                    }
                }
                if (!found) {
                    break;
                }
                augment(stack, top);
                for (int k = 0; k <= top; k++) {
                    onStack[stack[k]] = false;
                }
            }
        }
    }

    /** The next node reachable from u by an admissible arc (residual, reduced cost zero), or -1. */
    private int nextAdmissible(int u, int[] next, boolean[] dead, boolean[] onStack) {
        if (u < n) {
            int row = u * m;
            for (; next[u] < m; next[u]++) {
                int j = next[u];
                int v = n + j;
                if (dead[v] || onStack[v] || used[row + j]) {
                    continue;
                }
                long w = weight(row + j);
                if (w != FORBIDDEN && -w + pi[u] - pi[v] == 0) {
                    return v;
                }
            }
            return -1;
        }
        if (u < regionBase) {
            int j = u - n;
            for (; next[u] < n; next[u]++) {
                int i = next[u];
                if (used[i * m + j] && !dead[i] && !onStack[i] && weight(i * m + j) + pi[u] - pi[i] == 0) {
                    return i;
                }
            }
            if (next[u] == n) {
                next[u]++;
                int region = regionBase + regionOf[j];
                if (capR[j] > 0 && !dead[region] && !onStack[region] && pi[u] - pi[region] == 0) {
                    next[u]--;
                    return region;
                }
            }
            return -1;
        }
        int r = u - regionBase;
        int[] rights = rightsOfRegion[r];
        for (; next[u] < rights.length; next[u]++) {
            int v = n + rights[next[u]];
            if (matchedCount[rights[next[u]]] > 0 && !dead[v] && !onStack[v] && pi[u] - pi[v] == 0) {
                return v;
            }
        }
        if (next[u] == rights.length && regionCost(r) + pi[u] - pi[sink] == 0) {
            return sink;
        }
        return -1;
    }

    /** Sends one unit along stack[0..top] (a free left node to the sink). */
    private void augment(int[] stack, int top) {
        capL[stack[0]]--;
        for (int k = 0; k < top; k++) {
            int u = stack[k];
            int v = stack[k + 1];
            if (u < n) {
                int j = v - n;
                used[u * m + j] = true;
                addMatch(j, u);
            } else if (u < regionBase && v < n) {
                int j = u - n;
                used[v * m + j] = false;
                removeMatch(j, v);
            } else if (u < regionBase) {
                capR[u - n]--;
            } else if (v == sink) {
                regionFlow[u - regionBase]++;
            } else {
                capR[v - n]++;
            }
        }
    }

    private void addMatch(int right, int left) {
        if (matchedCount[right] == matched[right].length) {
            matched[right] = Arrays.copyOf(matched[right], matched[right].length * 2);
        }
        matched[right][matchedCount[right]++] = left;
    }

    private void removeMatch(int right, int left) {
        int[] list = matched[right];
        for (int k = 0; k < matchedCount[right]; k++) {
            if (list[k] == left) {
                list[k] = list[--matchedCount[right]];
                return;
            }
        }
        throw new IllegalStateException("left " + left + " was not matched to right " + right);
    }

    /** A binary min-heap of node ids keyed by distance, with decrease-key. */
    private static final class Heap {
        private final int[] nodes;
        private final long[] keys;
        private final int[] position;
        private int size;

        Heap(int capacity) {
            nodes = new int[capacity];
            keys = new long[capacity];
            position = new int[capacity];
            Arrays.fill(position, -1);
        }

        void clear() {
            for (int k = 0; k < size; k++) {
                position[nodes[k]] = -1;
            }
            size = 0;
        }

        boolean isEmpty() {
            return size == 0;
        }

        void push(int node, long key) {
            pushOrDecrease(node, key);
        }

        void pushOrDecrease(int node, long key) {
            int k = position[node];
            if (k < 0) {
                k = size++;
                nodes[k] = node;
                position[node] = k;
            }
            keys[k] = key;
            siftUp(k);
        }

        int pop() {
            int top = nodes[0];
            position[top] = -1;
            size--;
            if (size > 0) {
                nodes[0] = nodes[size];
                keys[0] = keys[size];
                position[nodes[0]] = 0;
                siftDown(0);
            }
            return top;
        }

        private void siftUp(int k) {
            while (k > 0) {
                int parent = (k - 1) / 2;
                if (keys[parent] <= keys[k]) {
                    return;
                }
                swap(k, parent);
                k = parent;
            }
        }

        private void siftDown(int k) {
            while (true) {
                int left = 2 * k + 1;
                if (left >= size) {
                    return;
                }
                int smallest = left + 1 < size && keys[left + 1] < keys[left] ? left + 1 : left;
                if (keys[k] <= keys[smallest]) {
                    return;
                }
                swap(k, smallest);
                k = smallest;
            }
        }

        private void swap(int a, int b) {
            int nodeA = nodes[a];
            long keyA = keys[a];
            nodes[a] = nodes[b];
            keys[a] = keys[b];
            nodes[b] = nodeA;
            keys[b] = keyA;
            position[nodes[a]] = a;
            position[nodes[b]] = b;
        }
    }
}
