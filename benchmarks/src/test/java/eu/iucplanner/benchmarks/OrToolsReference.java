package eu.iucplanner.benchmarks;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;

import eu.iucplanner.pairing.solver.MaxWeightBMatching;

/** The same flow network as {@link MaxWeightBMatching}, solved by OR-tools: (edges, weight minus regional term). */
final class OrToolsReference {

    static {
        Loader.loadNativeLibraries();
    }

    private OrToolsReference() {
    }

    static long[] solve(int[] capL, int[] capR, long[] weights, MaxWeightBMatching.Regions regions) {
        int n = capL.length;
        int m = capR.length;
        int g = regions.targets().length;
        int source = 0;
        int sink = 1;
        MinCostFlow flow = new MinCostFlow();
        long total = 0;
        for (int i = 0; i < n; i++) {
            flow.addArcWithCapacityAndUnitCost(source, 2 + i, capL[i], 0);
            total += capL[i];
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                if (weights[i * m + j] != MaxWeightBMatching.FORBIDDEN) {
                    flow.addArcWithCapacityAndUnitCost(2 + i, 2 + n + j, 1, -weights[i * m + j]);
                }
            }
        }
        for (int j = 0; j < m; j++) {
            flow.addArcWithCapacityAndUnitCost(2 + n + j, 2 + n + m + regions.regionOf()[j], capR[j], 0);
        }
        long constant = 0;
        for (int r = 0; r < g; r++) {
            int target = regions.targets()[r];
            int node = 2 + n + m + r;
            if (target < 0) {
                flow.addArcWithCapacityAndUnitCost(node, sink, total, 0);
            } else {
                flow.addArcWithCapacityAndUnitCost(node, sink, target, -regions.regionWeight());
                flow.addArcWithCapacityAndUnitCost(node, sink, total, regions.regionWeight());
                constant += regions.regionWeight() * target;
            }
        }
        flow.setNodeSupply(source, total);
        flow.setNodeSupply(sink, -total);
        if (flow.solveMaxFlowWithMinCost() != MinCostFlowBase.Status.OPTIMAL) {
            throw new IllegalStateException("not optimal");
        }
        long[] result = { flow.getMaximumFlow(), -flow.getOptimalCost() - constant };
        flow.delete();
        return result;
    }
}
