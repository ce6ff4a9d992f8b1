package eu.iucplanner.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import eu.iucplanner.pairing.constraints.PairingConstraintProvider;
import eu.iucplanner.pairing.domain.Applicant;
import eu.iucplanner.pairing.domain.PairScores;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.domain.RegionTarget;
import eu.iucplanner.pairing.domain.ThemeLimit;
import eu.iucplanner.pairing.solver.PairWeights;

/**
 * The same model as {@link CpSatThemeSpread} as a MILP for SCIP (OR-tools' {@code MPSolver}): its LP relaxation is at
 * least as tight as the best Lagrangian bound of the theme caps (relaxing the theme rows leaves a network), and SCIP
 * branches from there. For its bound (the LP's or branch and bound's, floored: the objective is integral) and best
 * solution.
 */
final class MipThemeSpread {

    static {
        Loader.loadNativeLibraries();
    }

    /**
     * @param status   SCIP's result status
     * @param matching its best solution, or {@code null}
     * @param objective its best solution's objective, or {@code null}
     * @param bound    its best objective bound, floored
     * @param seconds  wall time, building the model included
     */
    record Result(MPSolver.ResultStatus status, Matching matching, Long objective, long bound, double seconds) {
    }

    private MipThemeSpread() {
    }

    static Result solve(PairingSolution solution, int pairs, Duration timeLimit) {
        long start = System.nanoTime();
        MPSolver solver = MPSolver.createSolver("SCIP");
        if (solver == null) {
            throw new IllegalStateException("SCIP is not available in this OR-tools build");
        }
        List<Applicant> owners = Matching.owners(solution);
        List<Applicant> partners = solution.getPartnerCandidates();
        PairWeights weights = PairWeights.of(solution.getConstraintWeightOverrides());
        Map<Applicant, Integer> slotsOf = new HashMap<>();
        solution.getSlots().forEach(slot -> slotsOf.merge(slot.getOwner(), 1, Integer::sum));
        MPObjective objective = solver.objective();
        MPConstraint cardinality = solver.makeConstraint(pairs, pairs, "pairs");
        Map<Integer, MPConstraint> ownerRows = new HashMap<>();
        Map<Integer, MPConstraint> partnerRows = new HashMap<>();
        Map<Object, MPConstraint[]> regionRows = new HashMap<>();
        Map<Integer, MPConstraint> themeRows = new HashMap<>();
        long regionWeight = softWeight(solution, PairingConstraintProvider.REGIONAL_BALANCE);
        for (RegionTarget target : solution.getRegionTargets()) {
            MPVariable deviation = solver.makeNumVar(0, Double.POSITIVE_INFINITY, "dev" + target.region());
            objective.setCoefficient(deviation, -regionWeight);
            // deviation − n_r ≥ −target and deviation + n_r ≥ target
            MPConstraint below = solver.makeConstraint(-target.targetPairs(), Double.POSITIVE_INFINITY);
            MPConstraint above = solver.makeConstraint(target.targetPairs(), Double.POSITIVE_INFINITY);
            below.setCoefficient(deviation, 1);
            above.setCoefficient(deviation, 1);
            regionRows.put(target.region(), new MPConstraint[] { below, above });
        }
        long themeWeight = softWeight(solution, PairingConstraintProvider.THEME_ABOVE_SOFT_CAP);
        for (ThemeLimit limit : solution.getThemeLimits()) {
            MPVariable beyond = solver.makeNumVar(0, Double.POSITIVE_INFINITY, "beyond" + limit.themeIndex());
            objective.setCoefficient(beyond, -themeWeight);
            // beyond − n_t ≥ −cap
            MPConstraint row = solver.makeConstraint(-limit.softCap(), Double.POSITIVE_INFINITY);
            row.setCoefficient(beyond, 1);
            themeRows.put(limit.themeIndex(), row);
        }
        List<MPVariable> chosen = new ArrayList<>();
        List<int[]> ends = new ArrayList<>();
        for (int i = 0; i < owners.size(); i++) {
            for (int j = 0; j < partners.size(); j++) {
                Applicant owner = owners.get(i);
                Applicant partner = partners.get(j);
                if (!Matching.allowed(owner, partner)) {
                    continue;
                }
                MPVariable x = solver.makeBoolVar("x" + i + "_" + j);
                chosen.add(x);
                ends.add(new int[] { i, j });
                objective.setCoefficient(x, weights.softScore(owner, partner));
                cardinality.setCoefficient(x, 1);
                int owned = i;
                ownerRows.computeIfAbsent(i, k -> solver.makeConstraint(0, slotsOf.get(owners.get(owned))))
                        .setCoefficient(x, 1);
                partnerRows.computeIfAbsent(j, k -> solver.makeConstraint(0, partner.getMaxPartners()))
                        .setCoefficient(x, 1);
                MPConstraint[] region = regionRows.get(partner.getRegion());
                if (region != null) {
                    region[0].setCoefficient(x, -1);
                    region[1].setCoefficient(x, 1);
                }
                MPConstraint theme = themeRows.get(PairScores.mainSharedTheme(owner, partner));
                if (theme != null) {
                    theme.setCoefficient(x, -1);
                }
            }
        }
        objective.setMaximization();
        solver.setTimeLimit(timeLimit.toMillis());
        MPSolver.ResultStatus status = solver.solve();
        Matching matching = null;
        Long value = null;
        if (status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE) {
            List<Matching.Pair> found = new ArrayList<>();
            for (int k = 0; k < chosen.size(); k++) {
                if (chosen.get(k).solutionValue() > 0.5) {
                    found.add(new Matching.Pair(owners.get(ends.get(k)[0]), partners.get(ends.get(k)[1])));
                }
            }
            matching = new Matching(found);
            value = Math.round(objective.value());
        }
        long bound = status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE
                ? (long) Math.floor(objective.bestBound() + 1e-6) : Long.MAX_VALUE;
        solver.delete();
        return new Result(status, matching, value, bound, (System.nanoTime() - start) / 1e9);
    }

    private static long softWeight(PairingSolution solution, String constraint) {
        HardMediumSoftLongScore weight = solution.getConstraintWeightOverrides() == null ? null
                : solution.getConstraintWeightOverrides().getConstraintWeight(constraint);
        return (weight == null ? PairingConstraintProvider.DEFAULT_WEIGHTS.get(constraint) : weight).softScore();
    }
}
