package eu.iucplanner.pairing.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

class MaxWeightBMatchingTest {

    @Test
    void prefersMoreEdgesOverHigherWeight() {
        // One heavy edge (0,0) would block both light edges (0,1) and (1,0).
        long[] weights = { 100, 1, 1, MaxWeightBMatching.FORBIDDEN };
        MaxWeightBMatching.Result result = MaxWeightBMatching.solve(new int[] { 1, 1 }, new int[] { 1, 1 }, weights);
        assertThat(result.pairs()).hasSize(2);
        assertThat(result.totalWeight()).isEqualTo(2);
    }

    @Test
    void usesNegativeEdgesWhenThatAddsAPair() {
        long[] weights = { -50 };
        MaxWeightBMatching.Result result = MaxWeightBMatching.solve(new int[] { 1 }, new int[] { 1 }, weights);
        assertThat(result.pairs()).hasSize(1);
        assertThat(result.totalWeight()).isEqualTo(-50);
    }

    @Test
    void equalsBruteForceOnRandomGraphs() {
        Random random = new Random(20261122L);
        for (int round = 0; round < 500; round++) {
            int n = 1 + random.nextInt(5);
            int m = 1 + random.nextInt(5);
            int[] capL = new int[n];
            int[] capR = new int[m];
            for (int i = 0; i < n; i++) {
                capL[i] = random.nextInt(4) == 0 ? 2 : 1;
            }
            for (int j = 0; j < m; j++) {
                capR[j] = random.nextInt(4) == 0 ? 2 : 1;
            }
            long[] weights = new long[n * m];
            for (int k = 0; k < weights.length; k++) {
                weights[k] = random.nextInt(6) == 0 ? MaxWeightBMatching.FORBIDDEN : random.nextInt(201) - 100;
            }
            MaxWeightBMatching.Result result = MaxWeightBMatching.solve(capL, capR, weights);
            long[] best = bruteForce(capL.clone(), capR.clone(), weights, m, 0, 0, 0);
            assertThat(new long[] { result.pairs().size(), result.totalWeight() })
                    .as("round %d", round)
                    .containsExactly(best);
            int[] degreeL = new int[n];
            int[] degreeR = new int[m];
            for (int[] pair : result.pairs()) {
                degreeL[pair[0]]++;
                degreeR[pair[1]]++;
                assertThat(weights[pair[0] * m + pair[1]]).isNotEqualTo(MaxWeightBMatching.FORBIDDEN);
            }
            for (int i = 0; i < n; i++) {
                assertThat(degreeL[i]).isLessThanOrEqualTo(capL[i]);
            }
            for (int j = 0; j < m; j++) {
                assertThat(degreeR[j]).isLessThanOrEqualTo(capR[j]);
            }
        }
    }

    @Test
    void regionalTermEqualsBruteForceOnRandomGraphs() {
        Random random = new Random(7L);
        for (int round = 0; round < 400; round++) {
            int n = 1 + random.nextInt(4);
            int m = 1 + random.nextInt(5);
            int[] capL = new int[n];
            int[] capR = new int[m];
            for (int i = 0; i < n; i++) {
                capL[i] = random.nextInt(3) == 0 ? 2 : 1;
            }
            int regions = 1 + random.nextInt(3);
            int[] regionOf = new int[m];
            for (int j = 0; j < m; j++) {
                capR[j] = random.nextInt(3) == 0 ? 2 : 1;
                regionOf[j] = random.nextInt(regions);
            }
            int[] targets = new int[regions];
            for (int r = 0; r < regions; r++) {
                targets[r] = random.nextInt(4) - 1;
            }
            long regionWeight = random.nextInt(3) * 60L;
            long[] weights = new long[n * m];
            for (int k = 0; k < weights.length; k++) {
                weights[k] = random.nextInt(6) == 0 ? MaxWeightBMatching.FORBIDDEN : random.nextInt(201) - 100;
            }
            MaxWeightBMatching.Regions layer = new MaxWeightBMatching.Regions(regionOf, targets, regionWeight);
            MaxWeightBMatching.Result result = MaxWeightBMatching.solve(capL, capR, weights, layer);
            long[] best = bruteForceWithRegions(capL.clone(), capR.clone(), weights, m, layer, 0, new int[regions], 0,
                    0);
            int[] flow = new int[regions];
            result.pairs().forEach(pair -> flow[regionOf[pair[1]]]++);
            assertThat(new long[] { result.pairs().size(), result.totalWeight() - penalty(layer, flow) })
                    .as("round %d", round)
                    .containsExactly(best);
        }
    }

    @Test
    void costScalingEqualsThePrimalDualMethodOnRandomMidSizeGraphs() {
        // Capacities 0 to 3 on both sides, forbidden edges from none to most, weights from {-1, 0, 1} (many ties) to
        // +-100,000, zero to four regions with and without targets, regional weights from 0 to far above the edges'.
        Random random = new Random(20261201L);
        long[] weightRanges = { 1, 10, 1_000, 100_000 };
        for (int round = 0; round < 300; round++) {
            int n = 1 + random.nextInt(40);
            int m = 1 + random.nextInt(60);
            int[] capL = randomCapacities(random, n, 3);
            int[] capR = randomCapacities(random, m, 3);
            int forbiddenPercent = random.nextInt(4) * 30;
            long range = weightRanges[random.nextInt(weightRanges.length)];
            long[] weights = randomWeights(random, n * m, forbiddenPercent, range);
            MaxWeightBMatching.Regions regions = random.nextInt(5) == 0 ? null : randomRegions(random, m, range);
            MaxWeightBMatching.Result fast = MaxWeightBMatching.solve(capL, capR, weights, regions);
            MaxWeightBMatching.Result reference = MaxWeightBMatching.solveByPrimalDual(capL, capR, weights, regions);
            assertValid(fast.pairs(), capL, capR, weights, m);
            assertThat(fast.optimal()).isTrue();
            assertThat(objective(fast, regions)).as("round %d (%d x %d)", round, n, m)
                    .containsExactly(objective(reference, regions));
        }
    }

    @Test
    void capacitiesAboveOneAndTargetsEqualBruteForce() {
        Random random = new Random(31L);
        for (int round = 0; round < 300; round++) {
            int n = 1 + random.nextInt(3);
            int m = 1 + random.nextInt(4);
            int[] capL = randomCapacities(random, n, 3);
            int[] capR = randomCapacities(random, m, 3);
            long[] weights = randomWeights(random, n * m, 20, 100);
            MaxWeightBMatching.Regions layer = randomRegions(random, m, 100);
            if (layer.targets().length == 0) {
                continue;
            }
            MaxWeightBMatching.Result result = MaxWeightBMatching.solve(capL, capR, weights, layer);
            long[] best = bruteForceWithRegions(capL.clone(), capR.clone(), weights, m, layer, 0,
                    new int[layer.targets().length], 0, 0);
            assertValid(result.pairs(), capL, capR, weights, m);
            assertThat(objective(result, layer)).as("round %d", round).containsExactly(best);
        }
    }

    @Test
    void weightsTooLargeForScaledCostsAreStillSolvedExactly() {
        // Weights of about 10^15 do not fit the scaled costs of cost scaling; the primal-dual method takes them.
        Random random = new Random(5L);
        for (int round = 0; round < 100; round++) {
            int n = 1 + random.nextInt(4);
            int m = 1 + random.nextInt(4);
            int[] capL = randomCapacities(random, n, 2);
            int[] capR = randomCapacities(random, m, 2);
            long[] weights = randomWeights(random, n * m, 20, 100);
            for (int k = 0; k < weights.length; k++) {
                if (weights[k] != MaxWeightBMatching.FORBIDDEN) {
                    weights[k] = weights[k] * 10_000_000_000_000L + random.nextInt(7);
                }
            }
            MaxWeightBMatching.Result result = MaxWeightBMatching.solve(capL, capR, weights);
            long[] best = bruteForce(capL.clone(), capR.clone(), weights, m, 0, 0, 0);
            assertThat(result.optimal()).isTrue();
            assertThat(new long[] { result.pairs().size(), result.totalWeight() }).as("round %d", round)
                    .containsExactly(best);
        }
    }

    @Test
    void weightMatrixKeepsEveryWeightExactly() {
        WeightMatrix matrix = new WeightMatrix(2, 3);
        matrix.set(0, 0, 7);
        matrix.set(1, 2, -3);
        assertThat(matrix.get(0, 0)).isEqualTo(7);
        assertThat(matrix.isAllowed(0, 1)).isFalse();
        matrix.set(0, 1, 5_000_000_000L);
        matrix.forbid(0, 0);
        assertThat(matrix.get(0, 1)).isEqualTo(5_000_000_000L);
        assertThat(matrix.get(1, 2)).isEqualTo(-3);
        assertThat(matrix.get(0, 0)).isEqualTo(MaxWeightBMatching.FORBIDDEN);
        assertThat(matrix.maxAbsWeight()).isEqualTo(5_000_000_000L);
    }

    @Test
    void aStoppedFlowReturnsAValidMatchingThatGreedyCompletionMakesMaximal() {
        Random random = new Random(77L);
        int stoppedEarly = 0;
        for (int round = 0; round < 40; round++) {
            int n = 20 + random.nextInt(150);
            int m = 20 + random.nextInt(150);
            int[] capL = randomCapacities(random, n, 3);
            int[] capR = randomCapacities(random, m, 2);
            long[] weights = randomWeights(random, n * m, random.nextInt(3) * 40, 2_000);
            MaxWeightBMatching.Regions regions = randomRegions(random, m, 500);
            WeightMatrix matrix = WeightMatrix.of(n, m, weights);
            for (int stopAfter : new int[] { 0, 1, 2, 3, 5, 8 }) {
                int[] calls = new int[1];
                BooleanSupplier stop = () -> ++calls[0] > stopAfter;
                MaxWeightBMatching.Result result = MaxWeightBMatching.solve(capL, capR, matrix, regions, stop);
                assertValid(result.pairs(), capL, capR, weights, m);
                stoppedEarly += result.optimal() ? 0 : 1;
                List<int[]> completed = MaxWeightBMatching.completeGreedily(capL, capR, matrix, result.pairs());
                assertThat(completed.subList(0, result.pairs().size())).containsExactlyElementsOf(result.pairs());
                assertValid(completed, capL, capR, weights, m);
                assertMaximal(completed, capL, capR, weights, m);
            }
        }
        assertThat(stoppedEarly).as("runs that the stop signal ended before the optimum").isGreaterThan(100);
    }

    @Test
    void greedyCompletionTakesTheHighestWeightsFirst() {
        // Left 0 may take right 0 (weight 5) or right 1 (weight 9); left 1 only right 1 (weight 1).
        long[] weights = { 5, 9, MaxWeightBMatching.FORBIDDEN, 1 };
        WeightMatrix matrix = WeightMatrix.of(2, 2, weights);
        List<int[]> greedy = MaxWeightBMatching.completeGreedily(new int[] { 1, 1 }, new int[] { 1, 1 }, matrix,
                List.of());
        assertThat(greedy).containsExactly(new int[] { 0, 1 });
        MaxWeightBMatching.Result optimum = MaxWeightBMatching.solve(new int[] { 1, 1 }, new int[] { 1, 1 },
                weights);
        assertThat(optimum.pairs()).containsExactly(new int[] { 0, 0 }, new int[] { 1, 1 });
    }

    // ************************************************************************
    // Helpers
    // ************************************************************************

    private static int[] randomCapacities(Random random, int size, int max) {
        int[] capacities = new int[size];
        for (int k = 0; k < size; k++) {
            capacities[k] = random.nextInt(6) == 0 ? 0 : 1 + random.nextInt(max);
        }
        return capacities;
    }

    private static long[] randomWeights(Random random, int size, int forbiddenPercent, long range) {
        long[] weights = new long[size];
        for (int k = 0; k < size; k++) {
            weights[k] = random.nextInt(100) < forbiddenPercent ? MaxWeightBMatching.FORBIDDEN
                    : (long) (random.nextDouble() * (2 * range + 1)) - range;
        }
        return weights;
    }

    private static MaxWeightBMatching.Regions randomRegions(Random random, int m, long range) {
        int count = 1 + random.nextInt(4);
        int[] regionOf = new int[m];
        for (int j = 0; j < m; j++) {
            regionOf[j] = random.nextInt(count);
        }
        int[] targets = new int[count];
        for (int r = 0; r < count; r++) {
            targets[r] = random.nextInt(4) == 0 ? -1 : random.nextInt(m + 2);
        }
        long regionWeight = random.nextInt(4) == 0 ? 0 : (long) (random.nextDouble() * 3 * range);
        return new MaxWeightBMatching.Regions(regionOf, targets, regionWeight);
    }

    /** (pairs, weight minus the regional term). */
    private static long[] objective(MaxWeightBMatching.Result result, MaxWeightBMatching.Regions regions) {
        if (regions == null) {
            return new long[] { result.pairs().size(), result.totalWeight() };
        }
        int[] flow = new int[regions.targets().length];
        result.pairs().forEach(pair -> flow[regions.regionOf()[pair[1]]]++);
        return new long[] { result.pairs().size(), result.totalWeight() - penalty(regions, flow) };
    }

    /** Within both capacities, allowed edges only, no edge twice. */
    private static void assertValid(List<int[]> pairs, int[] capL, int[] capR, long[] weights, int m) {
        int[] degreeL = new int[capL.length];
        int[] degreeR = new int[capR.length];
        Set<Long> seen = new HashSet<>();
        for (int[] pair : pairs) {
            degreeL[pair[0]]++;
            degreeR[pair[1]]++;
            assertThat(weights[pair[0] * m + pair[1]]).as("edge (%d, %d)", pair[0], pair[1])
                    .isNotEqualTo(MaxWeightBMatching.FORBIDDEN);
            assertThat(seen.add((long) pair[0] * m + pair[1])).as("edge (%d, %d) once", pair[0], pair[1]).isTrue();
        }
        for (int i = 0; i < capL.length; i++) {
            assertThat(degreeL[i]).as("left %d", i).isLessThanOrEqualTo(capL[i]);
        }
        for (int j = 0; j < capR.length; j++) {
            assertThat(degreeR[j]).as("right %d", j).isLessThanOrEqualTo(capR[j]);
        }
    }

    /** No allowed edge outside the matching joins two nodes that both have room. */
    private static void assertMaximal(List<int[]> pairs, int[] capL, int[] capR, long[] weights, int m) {
        int[] roomL = capL.clone();
        int[] roomR = capR.clone();
        Set<Long> taken = new HashSet<>();
        for (int[] pair : pairs) {
            roomL[pair[0]]--;
            roomR[pair[1]]--;
            taken.add((long) pair[0] * m + pair[1]);
        }
        for (int i = 0; i < capL.length; i++) {
            for (int j = 0; j < m; j++) {
                boolean addable = roomL[i] > 0 && roomR[j] > 0 && weights[i * m + j] != MaxWeightBMatching.FORBIDDEN
                        && !taken.contains((long) i * m + j);
                assertThat(addable).as("edge (%d, %d) could still be added", i, j).isFalse();
            }
        }
    }

    private static long penalty(MaxWeightBMatching.Regions layer, int[] flow) {
        long penalty = 0;
        for (int r = 0; r < flow.length; r++) {
            if (layer.targets()[r] >= 0) {
                penalty += layer.regionWeight() * Math.abs(flow[r] - layer.targets()[r]);
            }
        }
        return penalty;
    }

    /** Every subset of edges; the lexicographic best (edge count, weight minus the regional term). */
    private static long[] bruteForceWithRegions(int[] capL, int[] capR, long[] weights, int m,
            MaxWeightBMatching.Regions layer, int edge, int[] flow, long count, long weight) {
        if (edge == weights.length) {
            return new long[] { count, weight - penalty(layer, flow) };
        }
        long[] best = bruteForceWithRegions(capL, capR, weights, m, layer, edge + 1, flow, count, weight);
        int i = edge / m;
        int j = edge % m;
        if (weights[edge] != MaxWeightBMatching.FORBIDDEN && capL[i] > 0 && capR[j] > 0) {
            capL[i]--;
            capR[j]--;
            flow[layer.regionOf()[j]]++;
            long[] with = bruteForceWithRegions(capL, capR, weights, m, layer, edge + 1, flow, count + 1,
                    weight + weights[edge]);
            flow[layer.regionOf()[j]]--;
            capL[i]++;
            capR[j]++;
            if (with[0] > best[0] || (with[0] == best[0] && with[1] > best[1])) {
                best = with;
            }
        }
        return best;
    }

    /** Tries every subset of edges in order; returns the lexicographic best (edge count, weight). */
    private static long[] bruteForce(int[] capL, int[] capR, long[] weights, int m, int edge, long count,
            long weight) {
        if (edge == weights.length) {
            return new long[] { count, weight };
        }
        long[] best = bruteForce(capL, capR, weights, m, edge + 1, count, weight);
        int i = edge / m;
        int j = edge % m;
        if (weights[edge] != MaxWeightBMatching.FORBIDDEN && capL[i] > 0 && capR[j] > 0) {
            capL[i]--;
            capR[j]--;
            long[] with = bruteForce(capL, capR, weights, m, edge + 1, count + 1, weight + weights[edge]);
            capL[i]++;
            capR[j]++;
            if (with[0] > best[0] || (with[0] == best[0] && with[1] > best[1])) {
                best = with;
            }
        }
        return best;
    }
}
