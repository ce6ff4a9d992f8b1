package eu.iucplanner.pairing.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

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
