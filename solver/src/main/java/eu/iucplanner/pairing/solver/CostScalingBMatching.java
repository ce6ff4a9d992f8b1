package eu.iucplanner.pairing.solver;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * The exact b-matching of {@link MaxWeightBMatching} by cost scaling (Goldberg and Tarjan's push-relabel method for
 * minimum-cost flow, as in Goldberg's cs2 and OR-tools' {@code SimpleMinCostFlow}), on the dense network without
 * building it: the left-to-right arcs are read from the weight matrix.
 * <p>
 * Network: source → left node i (capacity {@code capL[i]}, cost 0) → right node j (capacity 1, cost {@code −w(i,j)})
 * → region node of j (capacity {@code capR[j]}, cost 0) → sink; a region with a target reaches the sink by a "low" arc
 * (capacity {@code target}, cost {@code −regionWeight}) and a "high" arc (unbounded, cost {@code +regionWeight}), a
 * region without one by a free unbounded arc.
 * <ol>
 * <li><b>Most pairs</b>: a greedy matching (each left node takes its best right node with room, which already gives a
 * maximal matching), then shortest augmenting paths in phases (Dinic) up to a maximum flow F.</li>
 * <li><b>Cheapest flow of size F</b>: the maximum flow is turned into a minimum-cost one by circulations of zero net
 * flow, which keep its size. Costs are multiplied by {@code N + 1} (N nodes), so that a flow in which no residual arc
 * has a reduced cost below −1 has no negative cycle and is optimal. Starting from ε = the largest cost, each
 * <em>refine</em> divides ε by {@value #ALPHA} and restores ε-optimality: it first makes every residual arc's reduced
 * cost non-negative (by raising left prices up to their best arc and saturating the other negative arcs, which
 * leaves excess only on the few saturated arcs, not one unit per dense arc), then pushes excess along admissible arcs
 * (residual, reduced cost below 0) and relabels nodes without one, until no excess is left. The refine with ε = 1
 * ends with the optimum.</li>
 * </ol>
 * Relabelling a left node needs its best arc over a whole row. Right-node prices only fall, so an arc's value for its
 * left node ({@code price(right) + w × scale}) only falls too: each left node keeps its {@value #CACHE} best arcs from
 * the last full scan and the best value of the rest; while a kept arc is still at least that value, it is the best
 * arc, and the row is not scanned again. This makes most relabels cost {@value #CACHE} reads instead of m.
 * <p>
 * The stop signal is checked between phases and every {@value #STOP_CHECK_INTERVAL} discharges; when it is set, the
 * result is the flow at the last phase boundary: after the greedy matching, after each augmentation, after each refine.
 * That is always a valid matching.
 */
final class CostScalingBMatching {

    /** Factor by which ε shrinks per refine (4, 8 and 16 measured within 10 % of each other on HUGE). */
    static final int ALPHA = 8;
    /** Arcs kept per left node between full row scans. */
    static final int CACHE = 16;
    static final int STOP_CHECK_INTERVAL = 1024;

    private static final long NONE = Long.MIN_VALUE / 4;
    /** No price may leave ±this; see {@link #fits}. */
    private static final long PRICE_LIMIT = Long.MAX_VALUE / 8;

    private final int n;
    private final int m;
    private final int g;
    private final int[] w;
    private final int[] capL;
    private final int[] capR;
    private final int[] regionOf;
    private final int[] targets;
    private final long regionWeight;
    private final int[][] rightsOfRegion;
    private final BooleanSupplier stop;

    /** Flow on the dense arcs: used[i * m + j]; and, per right node, the left nodes it is matched to. */
    private final boolean[] used;
    private final int[][] matched;
    private final int[] matchedCount;
    /** Flow on source → left, right → region, region → sink (low and high arcs). */
    private final int[] sourceFlow;
    private final int[] rightFlow;
    private final long[] lowFlow;
    private final long[] highFlow;

    private final int source;
    private final int sink;
    private final int nodes;
    private final long[] price;
    private final long[] excess;
    /** Cost multiplier N + 1, and the capacity standing for "unbounded" (no flow exceeds the left capacities). */
    private final long scale;
    private final long unbounded;

    private final int[] cacheArcs;
    private final int[] cacheLength;
    /** Per left node: no arc outside its cache had a value above this at the last full scan; MAX_VALUE: no cache. */
    private final long[] cacheBound;
    private final long[] scanValues;
    private long bestValue;

    private final int[] active;
    private final boolean[] isActive;
    private int activeCount;
    private int dischargesSinceCheck;
    private boolean stopped;

    CostScalingBMatching(int[] leftCapacity, int[] rightCapacity, WeightMatrix weights, int[] regionOf,
            int[] targets, long regionWeight, BooleanSupplier stop) {
        this.n = leftCapacity.length;
        this.m = rightCapacity.length;
        this.g = targets.length;
        this.w = weights.intsOrNull();
        if (w == null) {
            throw new IllegalArgumentException("cost scaling needs int weights");
        }
        this.capL = leftCapacity;
        this.capR = rightCapacity;
        this.regionOf = regionOf;
        this.targets = targets;
        this.regionWeight = regionWeight;
        this.stop = stop;
        this.rightsOfRegion = MaxWeightBMatching.rightsOfRegion(regionOf, g);
        this.used = new boolean[w.length];
        this.matched = new int[m][];
        this.matchedCount = new int[m];
        for (int j = 0; j < m; j++) {
            matched[j] = new int[Math.max(2, Math.min(capR[j] + 1, 8))];
        }
        this.sourceFlow = new int[n];
        this.rightFlow = new int[m];
        this.lowFlow = new long[g];
        this.highFlow = new long[g];
        this.source = n + m + g;
        this.sink = source + 1;
        this.nodes = sink + 1;
        this.price = new long[nodes];
        this.excess = new long[nodes];
        this.scale = nodes + 1L;
        long total = 0;
        for (int capacity : capL) {
            total += capacity;
        }
        this.unbounded = total;
        this.cacheArcs = new int[n * CACHE];
        this.cacheLength = new int[n];
        this.cacheBound = new long[n];
        Arrays.fill(cacheBound, Long.MAX_VALUE);
        this.scanValues = new long[CACHE];
        this.active = new int[nodes];
        this.isActive = new boolean[nodes];
    }

    /**
     * Whether cost scaling can run without overflow: prices stay within about 2·N·C·(N + 1) (each refine moves a
     * price by at most (α + 1)·N·ε, and the ε form a geometric series from C·(N + 1)); this asks for twice that
     * below {@link #PRICE_LIMIT}. With the demo weights (C about 4,000) it holds up to millions of nodes.
     */
    static boolean fits(int nodes, long maxAbsCost) {
        double bound = 4.0 * (nodes + 2.0) * (nodes + 3.0) * Math.max(1, maxAbsCost);
        return bound < PRICE_LIMIT;
    }

    /**
     * Runs both stages. Returns true when the flow is the proven optimum, false when the stop signal ended it early;
     * either way {@link #pairs()} is then a valid matching.
     */
    boolean run() {
        greedy();
        if (!maxFlow()) {
            return false;
        }
        splitRegionFlows();
        long maxAbs = Math.abs(regionWeight);
        for (int weight : w) {
            if (weight != WeightMatrix.FORBIDDEN_INT) {
                maxAbs = Math.max(maxAbs, Math.abs((long) weight));
            }
        }
        long epsilon = Math.max(1, maxAbs * scale);
        int[][] snapshot = snapshot();
        while (epsilon > 1) {
            epsilon = Math.max(1, epsilon / ALPHA);
            if (!refine(epsilon)) {
                restore(snapshot);
                return false;
            }
            snapshot = snapshot();
        }
        return true;
    }

    /** The matched pairs (left, right), in no particular order. */
    int[][] pairs() {
        return MaxWeightBMatching.matchedPairs(matched, matchedCount);
    }

    private boolean stopRequested() {
        if (!stopped && stop.getAsBoolean()) {
            stopped = true;
        }
        return stopped;
    }

    // ************************************************************************
    // Stage 1: the maximum number of pairs
    // ************************************************************************

    /** Each left node in turn takes, per free place, the best allowed right node that still has room. */
    private void greedy() {
        for (int i = 0; i < n; i++) {
            int row = i * m;
            while (sourceFlow[i] < capL[i]) {
                int best = -1;
                int bestWeight = 0;
                for (int j = 0; j < m; j++) {
                    int weight = w[row + j];
                    if (weight != WeightMatrix.FORBIDDEN_INT && !used[row + j] && rightFlow[j] < capR[j]
                            && (best < 0 || weight > bestWeight)) {
                        best = j;
                        bestWeight = weight;
                    }
                }
                if (best < 0) {
                    break;
                }
                match(i, best);
                sourceFlow[i]++;
                rightFlow[best]++;
            }
        }
    }

    /**
     * Shortest augmenting paths in phases: a breadth-first search from the left nodes with free places gives each
     * node its distance, then depth-first searches augment along distance-increasing arcs until none is left.
     * Returns false when stopped (the flow is then a valid matching).
     */
    private boolean maxFlow() {
        int[] level = new int[n + m];
        int[] queue = new int[n + m];
        int[] cursor = new int[n + m];
        int[] path = new int[n + m + 1];
        while (true) {
            if (stopRequested()) {
                return false;
            }
            Arrays.fill(level, -1);
            int head = 0;
            int tail = 0;
            for (int i = 0; i < n; i++) {
                if (sourceFlow[i] < capL[i]) {
                    level[i] = 0;
                    queue[tail++] = i;
                }
            }
            int found = Integer.MAX_VALUE;
            while (head < tail) {
                int u = queue[head++];
                if (level[u] >= found) {
                    break;
                }
                if (u < n) {
                    int row = u * m;
                    for (int j = 0; j < m; j++) {
                        if (level[n + j] < 0 && w[row + j] != WeightMatrix.FORBIDDEN_INT && !used[row + j]) {
                            level[n + j] = level[u] + 1;
                            queue[tail++] = n + j;
                            if (rightFlow[j] < capR[j]) {
                                found = level[n + j];
                            }
                        }
                    }
                } else {
                    int j = u - n;
                    for (int k = 0; k < matchedCount[j]; k++) {
                        int i = matched[j][k];
                        if (level[i] < 0) {
                            level[i] = level[u] + 1;
                            queue[tail++] = i;
                        }
                    }
                }
            }
            if (found == Integer.MAX_VALUE) {
                return true;
            }
            Arrays.fill(cursor, 0);
            for (int s = 0; s < n; s++) {
                while (level[s] == 0 && sourceFlow[s] < capL[s]) {
                    int length = findPath(s, level, cursor, path);
                    if (length < 0) {
                        break;
                    }
                    augmentPath(path, length);
                }
                if ((s & 255) == 255 && stopRequested()) {
                    return false;
                }
            }
        }
    }

    /** A path s → ... → right node with room along distance-increasing residual arcs; its last index, or -1. */
    private int findPath(int s, int[] level, int[] cursor, int[] path) {
        int top = 0;
        path[0] = s;
        while (top >= 0) {
            int u = path[top];
            int v = -1;
            if (u < n) {
                int row = u * m;
                for (; cursor[u] < m; cursor[u]++) {
                    int j = cursor[u];
                    if (level[n + j] == level[u] + 1 && w[row + j] != WeightMatrix.FORBIDDEN_INT && !used[row + j]) {
                        v = n + j;
                        break;
                    }
                }
            } else {
                int j = u - n;
                if (rightFlow[j] < capR[j]) {
                    return top;
                }
                for (; cursor[u] < matchedCount[j]; cursor[u]++) {
                    int i = matched[j][cursor[u]];
                    if (level[i] == level[u] + 1) {
                        v = i;
                        break;
                    }
                }
            }
            if (v < 0) {
                level[u] = -1;
                top--;
            } else {
                path[++top] = v;
            }
        }
        return -1;
    }

    private void augmentPath(int[] path, int length) {
        sourceFlow[path[0]]++;
        for (int k = 0; k < length; k++) {
            int u = path[k];
            int v = path[k + 1];
            if (u < n) {
                match(u, v - n);
            } else {
                unmatch(v, u - n);
            }
        }
        rightFlow[path[length] - n]++;
    }

    /** The cheapest way to send each region's pairs to the sink: up to its target on the low arc. */
    private void splitRegionFlows() {
        long[] total = new long[g];
        for (int j = 0; j < m; j++) {
            total[regionOf[j]] += rightFlow[j];
        }
        for (int r = 0; r < g; r++) {
            lowFlow[r] = Math.min(total[r], lowCapacity(r));
            highFlow[r] = total[r] - lowFlow[r];
        }
    }

    // ************************************************************************
    // Stage 2: the cheapest flow of that size
    // ************************************************************************

    private boolean targeted(int r) {
        return targets[r] >= 0 && regionWeight != 0;
    }

    private long lowCapacity(int r) {
        return targeted(r) ? targets[r] : unbounded;
    }

    private long highCapacity(int r) {
        return targeted(r) ? unbounded : 0;
    }

    private long lowCost(int r) {
        return targeted(r) ? -regionWeight * scale : 0;
    }

    private long highCost() {
        return regionWeight * scale;
    }

    /** Restores ε-optimality for the new ε; false when stopped. */
    private boolean refine(long epsilon) {
        for (int i = 0; i < n; i++) {
            // Raise the left node's price to its best outgoing arc: all its arcs get a non-negative reduced cost.
            int j = bestArc(i);
            long best = j >= 0 ? bestValue : NONE;
            if (sourceFlow[i] > 0) {
                best = Math.max(best, price[source]);
            }
            if (best > price[i]) {
                price[i] = best;
            }
            if ((i & 255) == 255 && stopRequested()) {
                return false;
            }
        }
        saturateNegativeArcs();
        activeCount = 0;
        for (int v = 0; v < nodes; v++) {
            activate(v);
        }
        while (activeCount > 0) {
            if (++dischargesSinceCheck >= STOP_CHECK_INTERVAL) {
                dischargesSinceCheck = 0;
                if (stopRequested()) {
                    return false;
                }
            }
            int v = active[--activeCount];
            isActive[v] = false;
            discharge(v, epsilon);
        }
        for (long p : price) {
            if (p > PRICE_LIMIT || p < -PRICE_LIMIT) {
                throw new IllegalStateException("Cost scaling prices left their safe range");
            }
        }
        return true;
    }

    /** Saturates every residual arc with a negative reduced cost but the dense ones (left prices made those ≥ 0). */
    private void saturateNegativeArcs() {
        for (int j = 0; j < m; j++) {
            int right = n + j;
            for (int k = 0; k < matchedCount[j]; k++) {
                int i = matched[j][k];
                if (w[i * m + j] * scale + price[right] - price[i] < 0) {
                    unmatchAt(j, k);
                    k--;
                    excess[right]--;
                    excess[i]++;
                }
            }
            int region = n + m + regionOf[j];
            if (rightFlow[j] < capR[j] && price[right] - price[region] < 0) {
                move(right, region, capR[j] - rightFlow[j]);
                rightFlow[j] = capR[j];
            } else if (rightFlow[j] > 0 && price[region] - price[right] < 0) {
                move(region, right, rightFlow[j]);
                rightFlow[j] = 0;
            }
        }
        for (int i = 0; i < n; i++) {
            if (sourceFlow[i] < capL[i] && price[source] - price[i] < 0) {
                move(source, i, capL[i] - sourceFlow[i]);
                sourceFlow[i] = capL[i];
            }
        }
        for (int r = 0; r < g; r++) {
            int region = n + m + r;
            if (lowFlow[r] < lowCapacity(r) && lowCost(r) + price[region] - price[sink] < 0) {
                move(region, sink, lowCapacity(r) - lowFlow[r]);
                lowFlow[r] = lowCapacity(r);
            } else if (lowFlow[r] > 0 && -lowCost(r) + price[sink] - price[region] < 0) {
                move(sink, region, lowFlow[r]);
                lowFlow[r] = 0;
            }
            if (highFlow[r] < highCapacity(r) && highCost() + price[region] - price[sink] < 0) {
                move(region, sink, highCapacity(r) - highFlow[r]);
                highFlow[r] = highCapacity(r);
            } else if (highFlow[r] > 0 && -highCost() + price[sink] - price[region] < 0) {
                move(sink, region, highFlow[r]);
                highFlow[r] = 0;
            }
        }
    }

    private void move(int from, int to, long amount) {
        excess[from] -= amount;
        excess[to] += amount;
    }

    private void activate(int v) {
        if (!isActive[v] && excess[v] > 0) {
            isActive[v] = true;
            active[activeCount++] = v;
        }
    }

    private void discharge(int v, long epsilon) {
        if (v < n) {
            dischargeLeft(v, epsilon);
        } else if (v < n + m) {
            dischargeRight(v - n, epsilon);
        } else if (v < source) {
            dischargeRegion(v - n - m, epsilon);
        } else if (v == source) {
            dischargeSource(epsilon);
        } else {
            dischargeSink(epsilon);
        }
    }

    /**
     * A left node sends its excess one unit at a time along its best residual arc (to a right node, or back to the
     * source), after lowering its price to that arc's value minus ε when the arc is not yet admissible.
     */
    private void dischargeLeft(int i, long epsilon) {
        while (excess[i] > 0) {
            int j = bestArc(i);
            long best = j >= 0 ? bestValue : NONE;
            boolean toSource = sourceFlow[i] > 0 && price[source] > best;
            if (toSource) {
                best = price[source];
            }
            if (best == NONE) {
                throw new IllegalStateException("left node " + i + " has excess and no residual arc");
            }
            if (best <= price[i]) {
                price[i] = best - epsilon;
            }
            if (toSource) {
                long amount = Math.min(excess[i], sourceFlow[i]);
                sourceFlow[i] -= amount;
                move(i, source, amount);
                activate(source);
            } else {
                match(i, j);
                move(i, n + j, 1);
                activate(n + j);
            }
        }
    }

    /**
     * The best residual dense arc of left node i: the free allowed arc with the highest value
     * {@code price(right) + w × scale}, or -1; the value in {@link #bestValue}.
     */
    private int bestArc(int i) {
        int row = i * m;
        int base = i * CACHE;
        if (cacheBound[i] != Long.MAX_VALUE) {
            long best = NONE;
            int bestJ = -1;
            for (int k = 0; k < cacheLength[i]; k++) {
                int j = cacheArcs[base + k];
                if (!used[row + j]) {
                    long value = price[n + j] + w[row + j] * scale;
                    if (value > best) {
                        best = value;
                        bestJ = j;
                    }
                }
            }
            if (bestJ >= 0 && best >= cacheBound[i]) {
                bestValue = best;
                return bestJ;
            }
        }
        return scanRow(i);
    }

    /** Scans row i: keeps its {@link #CACHE} highest-valued allowed arcs and the best value among the others. */
    private int scanRow(int i) {
        int row = i * m;
        int base = i * CACHE;
        long[] values = scanValues;
        int length = 0;
        long minValue = Long.MAX_VALUE;
        int minAt = -1;
        long bound = NONE;
        for (int j = 0; j < m; j++) {
            int weight = w[row + j];
            if (weight == WeightMatrix.FORBIDDEN_INT) {
                continue;
            }
            long value = price[n + j] + weight * scale;
            if (length < CACHE) {
                values[length] = value;
                cacheArcs[base + length] = j;
                length++;
                if (length == CACHE) {
                    minAt = minIndex(values, length);
                    minValue = values[minAt];
                }
            } else if (value > minValue) {
                bound = Math.max(bound, minValue);
                values[minAt] = value;
                cacheArcs[base + minAt] = j;
                minAt = minIndex(values, length);
                minValue = values[minAt];
            } else {
                bound = Math.max(bound, value);
            }
        }
        cacheLength[i] = length;
        cacheBound[i] = bound;
        long best = NONE;
        int bestJ = -1;
        for (int k = 0; k < length; k++) {
            int j = cacheArcs[base + k];
            if (!used[row + j] && values[k] > best) {
                best = values[k];
                bestJ = j;
            }
        }
        if (bestJ >= 0 && best >= bound) {
            bestValue = best;
            return bestJ;
        }
        // Every kept arc is in use (a left node with more places than the cache holds): scan without the cache.
        cacheBound[i] = Long.MAX_VALUE;
        best = NONE;
        bestJ = -1;
        for (int j = 0; j < m; j++) {
            int weight = w[row + j];
            if (weight != WeightMatrix.FORBIDDEN_INT && !used[row + j]) {
                long value = price[n + j] + weight * scale;
                if (value > best) {
                    best = value;
                    bestJ = j;
                }
            }
        }
        bestValue = best;
        return bestJ;
    }

    private static int minIndex(long[] values, int length) {
        int at = 0;
        for (int k = 1; k < length; k++) {
            if (values[k] < values[at]) {
                at = k;
            }
        }
        return at;
    }

    /**
     * A right node sends its excess back to matched left nodes whose pair has become too expensive, or on to its
     * region; it lowers its price when neither is admissible.
     */
    private void dischargeRight(int j, long epsilon) {
        int right = n + j;
        int region = n + m + regionOf[j];
        while (excess[right] > 0) {
            for (int k = 0; k < matchedCount[j] && excess[right] > 0; k++) {
                int i = matched[j][k];
                if (w[i * m + j] * scale + price[right] - price[i] < 0) {
                    unmatchAt(j, k);
                    k--;
                    move(right, i, 1);
                    activate(i);
                }
            }
            if (excess[right] > 0 && rightFlow[j] < capR[j] && price[right] - price[region] < 0) {
                long amount = Math.min(excess[right], capR[j] - rightFlow[j]);
                rightFlow[j] += (int) amount;
                move(right, region, amount);
                activate(region);
            }
            if (excess[right] > 0) {
                long best = NONE;
                for (int k = 0; k < matchedCount[j]; k++) {
                    int i = matched[j][k];
                    best = Math.max(best, price[i] - w[i * m + j] * scale);
                }
                if (rightFlow[j] < capR[j]) {
                    best = Math.max(best, price[region]);
                }
                if (best == NONE) {
                    throw new IllegalStateException("right node " + j + " has excess and no residual arc");
                }
                price[right] = best - epsilon;
            }
        }
    }

    private void dischargeRegion(int r, long epsilon) {
        int region = n + m + r;
        while (excess[region] > 0) {
            for (int j : rightsOfRegion[r]) {
                if (excess[region] == 0) {
                    break;
                }
                if (rightFlow[j] > 0 && price[region] - price[n + j] < 0) {
                    long amount = Math.min(excess[region], rightFlow[j]);
                    rightFlow[j] -= (int) amount;
                    move(region, n + j, amount);
                    activate(n + j);
                }
            }
            if (excess[region] > 0 && lowFlow[r] < lowCapacity(r) && lowCost(r) + price[region] - price[sink] < 0) {
                long amount = Math.min(excess[region], lowCapacity(r) - lowFlow[r]);
                lowFlow[r] += amount;
                move(region, sink, amount);
                activate(sink);
            }
            if (excess[region] > 0 && highFlow[r] < highCapacity(r)
                    && highCost() + price[region] - price[sink] < 0) {
                long amount = Math.min(excess[region], highCapacity(r) - highFlow[r]);
                highFlow[r] += amount;
                move(region, sink, amount);
                activate(sink);
            }
            if (excess[region] > 0) {
                long best = NONE;
                for (int j : rightsOfRegion[r]) {
                    if (rightFlow[j] > 0) {
                        best = Math.max(best, price[n + j]);
                    }
                }
                if (lowFlow[r] < lowCapacity(r)) {
                    best = Math.max(best, price[sink] - lowCost(r));
                }
                if (highFlow[r] < highCapacity(r)) {
                    best = Math.max(best, price[sink] - highCost());
                }
                if (best == NONE) {
                    throw new IllegalStateException("region " + r + " has excess and no residual arc");
                }
                price[region] = best - epsilon;
            }
        }
    }

    private void dischargeSink(long epsilon) {
        while (excess[sink] > 0) {
            for (int r = 0; r < g && excess[sink] > 0; r++) {
                int region = n + m + r;
                if (lowFlow[r] > 0 && -lowCost(r) + price[sink] - price[region] < 0) {
                    long amount = Math.min(excess[sink], lowFlow[r]);
                    lowFlow[r] -= amount;
                    move(sink, region, amount);
                    activate(region);
                }
                if (excess[sink] > 0 && highFlow[r] > 0 && -highCost() + price[sink] - price[region] < 0) {
                    long amount = Math.min(excess[sink], highFlow[r]);
                    highFlow[r] -= amount;
                    move(sink, region, amount);
                    activate(region);
                }
            }
            if (excess[sink] > 0) {
                long best = NONE;
                for (int r = 0; r < g; r++) {
                    int region = n + m + r;
                    if (lowFlow[r] > 0) {
                        best = Math.max(best, price[region] + lowCost(r));
                    }
                    if (highFlow[r] > 0) {
                        best = Math.max(best, price[region] + highCost());
                    }
                }
                if (best == NONE) {
                    throw new IllegalStateException("the sink has excess and no residual arc");
                }
                price[sink] = best - epsilon;
            }
        }
    }

    private void dischargeSource(long epsilon) {
        while (excess[source] > 0) {
            for (int i = 0; i < n && excess[source] > 0; i++) {
                if (sourceFlow[i] < capL[i] && price[source] - price[i] < 0) {
                    long amount = Math.min(excess[source], capL[i] - sourceFlow[i]);
                    sourceFlow[i] += (int) amount;
                    move(source, i, amount);
                    activate(i);
                }
            }
            if (excess[source] > 0) {
                long best = NONE;
                for (int i = 0; i < n; i++) {
                    if (sourceFlow[i] < capL[i]) {
                        best = Math.max(best, price[i]);
                    }
                }
                if (best == NONE) {
                    throw new IllegalStateException("the source has excess and no residual arc");
                }
                price[source] = best - epsilon;
            }
        }
    }

    // ************************************************************************
    // The dense arcs' flow
    // ************************************************************************

    private void match(int i, int j) {
        used[i * m + j] = true;
        if (matchedCount[j] == matched[j].length) {
            matched[j] = Arrays.copyOf(matched[j], matched[j].length * 2);
        }
        matched[j][matchedCount[j]++] = i;
    }

    private void unmatchAt(int j, int k) {
        int i = matched[j][k];
        used[i * m + j] = false;
        matched[j][k] = matched[j][--matchedCount[j]];
    }

    private void unmatch(int i, int j) {
        for (int k = 0; k < matchedCount[j]; k++) {
            if (matched[j][k] == i) {
                unmatchAt(j, k);
                return;
            }
        }
        throw new IllegalStateException("left " + i + " was not matched to right " + j);
    }

    /** The pairs at a phase boundary, per right node. */
    private int[][] snapshot() {
        int[][] copy = new int[m][];
        for (int j = 0; j < m; j++) {
            copy[j] = Arrays.copyOf(matched[j], matchedCount[j]);
        }
        return copy;
    }

    private void restore(int[][] snapshot) {
        for (int j = 0; j < m; j++) {
            while (matchedCount[j] > 0) {
                unmatchAt(j, matchedCount[j] - 1);
            }
            for (int i : snapshot[j]) {
                match(i, j);
            }
        }
    }
}
