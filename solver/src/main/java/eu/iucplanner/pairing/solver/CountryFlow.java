package eu.iucplanner.pairing.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The exact b-matching of {@link MaxWeightBMatching} with per-country limits: the most pairs first, then the highest
 * total weight minus the regional term minus {@code countryWeight} for each pair a country has beyond its soft cap,
 * with no country beyond its hard cap. Per-country caps and penalties are convex in each country's number of pairs,
 * so they are arcs of the flow network and the optimum stays exact:
 * <pre>
 * source → EU country c (first softCap(c) units at 0, then up to cap(c) at +countryWeight)
 *        → left i (capacity capL[i]) → right j (1 unit, cost −weight(i, j))
 *        → partner country d (capacity capR[j]) → (first softCap(d) units at 0, then up to cap(d) at +countryWeight)
 *        → region r → sink (the regional term's low and high arcs)
 * </pre>
 * A minimum-cost maximum flow by successive shortest paths (the primal-dual method): Dijkstra on reduced costs with
 * Johnson potentials, the first potentials from the acyclic initial network, then a blocking flow (Dinic) on the arcs
 * of reduced cost 0, so a phase serves many pairs. The cheapest flow of every size follows, so the maximum flow found
 * is the cheapest maximum flow: cardinality first, then weight. It keeps the network's arcs explicitly (about 28 bytes
 * per allowed pair), so it is meant for calls that set country limits; without them {@link MaxWeightBMatching}'s cost
 * scaling is much faster.
 * <p>
 * The stop signal is checked between phases; when it is set the flow so far is completed greedily (highest weight
 * first, within every capacity and hard cap) and returned as not optimal.
 */
public final class CountryFlow {

    private static final long INF = Long.MAX_VALUE / 4;
    private static final int UNBOUNDED = Integer.MAX_VALUE / 2;

    /**
     * The country layer.
     *
     * @param leftCountry   country index of each left node
     * @param rightCountry  country index of each right node
     * @param caps          hard cap per country index (pairs it may be in); negative for none
     * @param softCaps      soft cap per country index; negative for none
     * @param countryWeight cost of each pair beyond a soft cap; not negative
     */
    public record Countries(int[] leftCountry, int[] rightCountry, int[] caps, int[] softCaps, long countryWeight) {
    }

    private final int n;
    private final int m;
    private final WeightMatrix weights;
    private final int source = 0;
    private final int sink;
    private final int leftBase;
    private final int rightBase;
    // Arcs, each with its reverse at index ^ 1.
    private int[] to;
    private int[] next;
    private int[] cap;
    private long[] cost;
    private int arcs;
    private final int[] head;
    private final long[] pi;
    private final BooleanSupplier stop;
    private final int[] capL;
    private final int[] capR;
    private final Countries countries;

    private CountryFlow(int[] capL, int[] capR, WeightMatrix weights, MaxWeightBMatching.Regions regions,
            Countries countries, BooleanSupplier stop) {
        this.n = capL.length;
        this.m = capR.length;
        this.weights = weights;
        this.stop = stop;
        this.capL = capL;
        this.capR = capR;
        this.countries = countries;
        int countryCount = countries.caps().length;
        int regionCount = regions == null ? 1 : regions.targets().length;
        // Nodes: source, EU-side country nodes, lefts, rights, partner-side country nodes, regions, sink.
        this.leftBase = 1 + countryCount;
        this.rightBase = leftBase + n;
        int partnerCountryBase = rightBase + m;
        int regionBase = partnerCountryBase + countryCount;
        this.sink = regionBase + regionCount;
        this.head = new int[sink + 1];
        Arrays.fill(head, -1);
        this.pi = new long[sink + 1];
        long allowed = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                allowed += weights.get(i, j) == MaxWeightBMatching.FORBIDDEN ? 0 : 1;
            }
        }
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, 2 * (allowed + n + m + 4L * countryCount
                + 2L * regionCount + 8));
        this.to = new int[capacity];
        this.next = new int[capacity];
        this.cap = new int[capacity];
        this.cost = new long[capacity];
        boolean[] leftSide = new boolean[countryCount];
        boolean[] rightSide = new boolean[countryCount];
        for (int c : countries.leftCountry()) {
            leftSide[c] = true;
        }
        for (int c : countries.rightCountry()) {
            rightSide[c] = true;
        }
        for (int c = 0; c < countryCount; c++) {
            if (leftSide[c]) {
                countryArcs(source, 1 + c, c);
            }
        }
        for (int i = 0; i < n; i++) {
            arc(1 + countries.leftCountry()[i], leftBase + i, capL[i], 0);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                long weight = weights.get(i, j);
                if (weight != MaxWeightBMatching.FORBIDDEN) {
                    arc(leftBase + i, rightBase + j, 1, -weight);
                }
            }
        }
        int[] regionOfCountry = new int[countryCount];
        for (int j = 0; j < m; j++) {
            int c = countries.rightCountry()[j];
            arc(rightBase + j, partnerCountryBase + c, capR[j], 0);
            regionOfCountry[c] = regions == null ? 0 : regions.regionOf()[j];
        }
        for (int c = 0; c < countryCount; c++) {
            if (rightSide[c]) {
                countryArcs(partnerCountryBase + c, regionBase + regionOfCountry[c], c);
            }
        }
        for (int r = 0; r < regionCount; r++) {
            int target = regions == null ? -1 : regions.targets()[r];
            long regionWeight = regions == null ? 0 : regions.regionWeight();
            if (target >= 0 && regionWeight != 0) {
                arc(regionBase + r, sink, target, -regionWeight);
                arc(regionBase + r, sink, UNBOUNDED, regionWeight);
            } else {
                arc(regionBase + r, sink, UNBOUNDED, 0);
            }
        }
    }

    /**
     * The optimum, or the best valid matching found before {@code stop} turned true, completed greedily.
     *
     * @param regions the regional term, or {@code null} for none
     */
    public static MaxWeightBMatching.Result solve(int[] leftCapacity, int[] rightCapacity, WeightMatrix weights,
            MaxWeightBMatching.Regions regions, Countries countries, BooleanSupplier stop) {
        if (countries.countryWeight() < 0) {
            throw new IllegalArgumentException("countryWeight must not be negative, the term would not be convex");
        }
        CountryFlow flow = new CountryFlow(leftCapacity, rightCapacity, weights, regions, countries, stop);
        boolean optimal = flow.run();
        List<int[]> pairs = flow.pairs();
        if (!optimal) {
            pairs = flow.completeGreedily(pairs);
        }
        long total = 0;
        for (int[] pair : pairs) {
            total += weights.get(pair[0], pair[1]);
        }
        pairs.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        return new MaxWeightBMatching.Result(List.copyOf(pairs), total, optimal);
    }

    /** A country node's outgoing arcs: free up to its soft cap, then at a cost up to its hard cap. */
    private void countryArcs(int from, int into, int country) {
        int hard = countries.caps()[country] < 0 ? UNBOUNDED : countries.caps()[country];
        int soft = countries.softCaps()[country];
        if (soft < 0 || countries.countryWeight() == 0 || soft >= hard) {
            arc(from, into, hard, 0);
        } else {
            arc(from, into, soft, 0);
            arc(from, into, hard - soft, countries.countryWeight());
        }
    }

    private void arc(int from, int into, int capacity, long arcCost) {
        add(from, into, capacity, arcCost);
        add(into, from, 0, -arcCost);
    }

    private void add(int from, int into, int capacity, long arcCost) {
        to[arcs] = into;
        cap[arcs] = capacity;
        cost[arcs] = arcCost;
        next[arcs] = head[from];
        head[from] = arcs;
        arcs++;
    }

    private boolean run() {
        initialPotentials();
        long[] dist = new long[sink + 1];
        int[] level = new int[sink + 1];
        int[] current = new int[sink + 1];
        while (true) {
            if (stop.getAsBoolean()) {
                return false;
            }
            dijkstra(dist);
            if (dist[sink] >= INF) {
                return true;
            }
            long reach = dist[sink];
            for (int v = 0; v <= sink; v++) {
                pi[v] += Math.min(dist[v], reach);
            }
            while (levels(level)) {
                System.arraycopy(head, 0, current, 0, head.length);
                while (augment(level, current)) {
                    // one more unit along the admissible arcs
                }
            }
        }
    }

    /** Shortest distances in the acyclic initial network (every arc goes to a higher node index). */
    private void initialPotentials() {
        Arrays.fill(pi, INF);
        pi[source] = 0;
        for (int v = 0; v <= sink; v++) {
            if (pi[v] >= INF) {
                continue;
            }
            for (int e = head[v]; e >= 0; e = next[e]) {
                if (cap[e] > 0 && pi[v] + cost[e] < pi[to[e]]) {
                    pi[to[e]] = pi[v] + cost[e];
                }
            }
        }
        for (int v = 0; v <= sink; v++) {
            if (pi[v] >= INF) {
                pi[v] = 0;
            }
        }
    }

    private long reduced(int from, int e) {
        return cost[e] + pi[from] - pi[to[e]];
    }

    private void dijkstra(long[] dist) {
        Arrays.fill(dist, INF);
        dist[source] = 0;
        boolean[] done = new boolean[sink + 1];
        java.util.PriorityQueue<long[]> queue = new java.util.PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        queue.add(new long[] { 0, source });
        while (!queue.isEmpty()) {
            long[] top = queue.poll();
            int u = (int) top[1];
            if (done[u] || top[0] > dist[u]) {
                continue;
            }
            done[u] = true;
            for (int e = head[u]; e >= 0; e = next[e]) {
                if (cap[e] <= 0) {
                    continue;
                }
                int v = to[e];
                long candidate = dist[u] + Math.max(0, reduced(u, e));
                if (candidate < dist[v]) {
                    dist[v] = candidate;
                    queue.add(new long[] { candidate, v });
                }
            }
        }
    }

    /** Breadth-first levels over the admissible arcs (residual, reduced cost 0); whether the sink is reached. */
    private boolean levels(int[] level) {
        Arrays.fill(level, -1);
        int[] queue = new int[sink + 1];
        int first = 0;
        int last = 0;
        queue[last++] = source;
        level[source] = 0;
        while (first < last) {
            int u = queue[first++];
            for (int e = head[u]; e >= 0; e = next[e]) {
                int v = to[e];
                if (cap[e] > 0 && level[v] < 0 && reduced(u, e) == 0) {
                    level[v] = level[u] + 1;
                    queue[last++] = v;
                }
            }
        }
        return level[sink] >= 0;
    }

    /** One unit from the source to the sink along admissible arcs of increasing level; false when none is left. */
    private boolean augment(int[] level, int[] current) {
        int[] pathArcs = new int[sink + 1];
        int depth = 0;
        int u = source;
        while (u != sink) {
            int e = current[u];
            while (e >= 0 && !(cap[e] > 0 && level[to[e]] == level[u] + 1 && reduced(u, e) == 0)) {
                e = next[e];
            }
            current[u] = e;
            if (e >= 0) {
                pathArcs[depth++] = e;
                u = to[e];
                continue;
            }
            if (u == source) {
                return false;
            }
            // Dead end: never come back here in this blocking flow, and retreat one arc.
            level[u] = -1;
            int back = pathArcs[--depth];
            u = to[back ^ 1];
            current[u] = next[current[u]];
        }
        for (int k = 0; k < depth; k++) {
            cap[pathArcs[k]]--;
            cap[pathArcs[k] ^ 1]++;
        }
        return true;
    }

    /** The matched (left, right) pairs: pair arcs whose unit is used. */
    private List<int[]> pairs() {
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int e = head[leftBase + i]; e >= 0; e = next[e]) {
                int v = to[e];
                if (v >= rightBase && v < rightBase + m && (e & 1) == 0 && cap[e] == 0) {
                    pairs.add(new int[] { i, v - rightBase });
                }
            }
        }
        return pairs;
    }

    /** Adds pairs to a valid matching, highest weight first, while every capacity and hard cap allows. */
    private List<int[]> completeGreedily(List<int[]> pairs) {
        int[] roomL = capL.clone();
        int[] roomR = capR.clone();
        int[] roomCountry = new int[countries.caps().length];
        for (int c = 0; c < roomCountry.length; c++) {
            roomCountry[c] = countries.caps()[c] < 0 ? UNBOUNDED : countries.caps()[c];
        }
        java.util.Set<Long> taken = new java.util.HashSet<>();
        for (int[] pair : pairs) {
            roomL[pair[0]]--;
            roomR[pair[1]]--;
            roomCountry[countries.leftCountry()[pair[0]]]--;
            roomCountry[countries.rightCountry()[pair[1]]]--;
            taken.add((long) pair[0] * m + pair[1]);
        }
        List<long[]> candidates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                long weight = weights.get(i, j);
                if (weight != MaxWeightBMatching.FORBIDDEN && !taken.contains((long) i * m + j)) {
                    candidates.add(new long[] { weight, i, j });
                }
            }
        }
        candidates.sort((a, b) -> Long.compare(b[0], a[0]));
        List<int[]> completed = new ArrayList<>(pairs);
        for (long[] candidate : candidates) {
            int i = (int) candidate[1];
            int j = (int) candidate[2];
            int left = countries.leftCountry()[i];
            int right = countries.rightCountry()[j];
            if (roomL[i] > 0 && roomR[j] > 0 && roomCountry[left] > 0 && roomCountry[right] > 0) {
                roomL[i]--;
                roomR[j]--;
                roomCountry[left]--;
                roomCountry[right]--;
                completed.add(new int[] { i, j });
            }
        }
        return completed;
    }
}
