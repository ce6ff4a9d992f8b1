package eu.iucplanner.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import eu.iucplanner.pairing.constraints.PairingConstraintProvider;
import eu.iucplanner.pairing.domain.Applicant;
import eu.iucplanner.pairing.domain.PairScores;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.domain.PartnerSlot;
import eu.iucplanner.pairing.domain.RegionTarget;
import eu.iucplanner.pairing.domain.ThemeLimit;
import eu.iucplanner.pairing.solver.PairWeights;

/**
 * The theme-spread pairing problem as an OR-tools CP-SAT model, for its objective bound and its best solution beside
 * the service's: one Boolean per allowed pair, each applicant within its places, exactly {@code pairs} pairs (the most
 * the pool allows, the medium level, known from the flow), and the soft score maximised: per-pair scores minus
 * {@code w_region·|pairs(r) − target(r)|} per region with a target minus {@code w_theme·max(0, pairs(t) − cap)} per
 * theme with a cap (each as an integer variable above both of its linear pieces). No pins, country limits or cluster
 * rule: the benchmark pools have none.
 */
final class CpSatThemeSpread {

    static {
        Loader.loadNativeLibraries();
    }

    /**
     * @param status    CP-SAT's status at the end
     * @param matching  its best solution, or {@code null} when it found none
     * @param objective its best solution's objective (the soft score), or {@code null}
     * @param bound     its proven objective bound (no solution with these pairs scores more soft)
     * @param variables pair variables in the model
     * @param seconds   wall time, building the model included
     */
    record Result(CpSolverStatus status, Matching matching, Long objective, long bound, int variables,
            double seconds) {
    }

    private CpSatThemeSpread() {
    }

    static Result solve(PairingSolution solution, int pairs, Duration timeLimit, int workers) {
        long start = System.nanoTime();
        for (PartnerSlot slot : solution.getSlots()) {
            if (slot.isPinned()) {
                throw new IllegalArgumentException("The CP-SAT model does not handle pinned slots");
            }
        }
        if (!solution.getCountryLimits().isEmpty()) {
            throw new IllegalArgumentException("The CP-SAT model does not handle country limits");
        }
        List<Applicant> owners = Matching.owners(solution);
        List<Applicant> partners = solution.getPartnerCandidates();
        PairWeights weights = PairWeights.of(solution.getConstraintWeightOverrides());
        Map<Applicant, Integer> slotsOf = new HashMap<>();
        solution.getSlots().forEach(slot -> slotsOf.merge(slot.getOwner(), 1, Integer::sum));
        CpModel model = new CpModel();
        List<Literal> chosen = new ArrayList<>();
        List<int[]> ends = new ArrayList<>();
        Map<Integer, List<Literal>> byOwner = new HashMap<>();
        Map<Integer, List<Literal>> byPartner = new HashMap<>();
        Map<Object, List<Literal>> byRegion = new HashMap<>();
        Map<Integer, List<Literal>> byTheme = new HashMap<>();
        LinearExprBuilder objective = LinearExpr.newBuilder();
        for (int i = 0; i < owners.size(); i++) {
            for (int j = 0; j < partners.size(); j++) {
                Applicant owner = owners.get(i);
                Applicant partner = partners.get(j);
                if (!Matching.allowed(owner, partner)) {
                    continue;
                }
                Literal x = model.newBoolVar("x" + i + "_" + j);
                chosen.add(x);
                ends.add(new int[] { i, j });
                byOwner.computeIfAbsent(i, k -> new ArrayList<>()).add(x);
                byPartner.computeIfAbsent(j, k -> new ArrayList<>()).add(x);
                byRegion.computeIfAbsent(partner.getRegion(), k -> new ArrayList<>()).add(x);
                byTheme.computeIfAbsent(PairScores.mainSharedTheme(owner, partner), k -> new ArrayList<>()).add(x);
                objective.addTerm(x, weights.softScore(owner, partner));
            }
        }
        byOwner.forEach((i, xs) -> model.addLessOrEqual(sum(xs), slotsOf.get(owners.get(i))));
        byPartner.forEach((j, xs) -> model.addLessOrEqual(sum(xs), partners.get(j).getMaxPartners()));
        model.addEquality(sum(chosen), pairs);
        long regionWeight = softWeight(solution, PairingConstraintProvider.REGIONAL_BALANCE);
        for (RegionTarget target : solution.getRegionTargets()) {
            LinearExpr inRegion = sum(byRegion.getOrDefault(target.region(), List.of()));
            IntVar deviation = model.newIntVar(0, Math.max(pairs, target.targetPairs()), "dev" + target.region());
            model.addGreaterOrEqual(LinearExpr.newBuilder().add(deviation).addTerm(inRegion, -1),
                    -target.targetPairs());
            model.addGreaterOrEqual(LinearExpr.newBuilder().add(deviation).add(inRegion), target.targetPairs());
            objective.addTerm(deviation, -regionWeight);
        }
        long themeWeight = softWeight(solution, PairingConstraintProvider.THEME_ABOVE_SOFT_CAP);
        for (ThemeLimit limit : solution.getThemeLimits()) {
            LinearExpr ofTheme = sum(byTheme.getOrDefault(limit.themeIndex(), List.of()));
            IntVar beyond = model.newIntVar(0, pairs, "beyond" + limit.themeIndex());
            model.addGreaterOrEqual(LinearExpr.newBuilder().add(beyond).addTerm(ofTheme, -1), -limit.softCap());
            objective.addTerm(beyond, -themeWeight);
        }
        model.maximize(objective);
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(timeLimit.toMillis() / 1000.0);
        solver.getParameters().setNumWorkers(workers);
        CpSolverStatus status = solver.solve(model);
        Matching matching = null;
        Long value = null;
        if (status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE) {
            List<Matching.Pair> found = new ArrayList<>();
            for (int k = 0; k < chosen.size(); k++) {
                if (solver.booleanValue(chosen.get(k))) {
                    found.add(new Matching.Pair(owners.get(ends.get(k)[0]), partners.get(ends.get(k)[1])));
                }
            }
            matching = new Matching(found);
            value = Math.round(solver.objectiveValue());
        }
        long bound = (long) Math.floor(solver.bestObjectiveBound() + 1e-6);
        return new Result(status, matching, value, bound, chosen.size(), (System.nanoTime() - start) / 1e9);
    }

    private static LinearExpr sum(List<Literal> literals) {
        LinearExprBuilder builder = LinearExpr.newBuilder();
        literals.forEach(builder::add);
        return builder.build();
    }

    private static long softWeight(PairingSolution solution, String constraint) {
        HardMediumSoftLongScore weight = solution.getConstraintWeightOverrides() == null ? null
                : solution.getConstraintWeightOverrides().getConstraintWeight(constraint);
        return (weight == null ? PairingConstraintProvider.DEFAULT_WEIGHTS.get(constraint) : weight).softScore();
    }
}
