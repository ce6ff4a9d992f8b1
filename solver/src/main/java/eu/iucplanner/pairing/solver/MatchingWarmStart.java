package eu.iucplanner.pairing.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import ai.timefold.solver.core.impl.score.director.InnerScoreDirector;

import eu.iucplanner.pairing.constraints.PairingConstraintProvider;
import eu.iucplanner.pairing.domain.Applicant;
import eu.iucplanner.pairing.domain.ClusterCoherence;
import eu.iucplanner.pairing.domain.CountryLimit;
import eu.iucplanner.pairing.domain.PairScores;
import eu.iucplanner.pairing.domain.PairingMode;
import eu.iucplanner.pairing.domain.ThemeLimit;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.domain.PartnerSlot;
import eu.iucplanner.pairing.domain.ProgrammeRegion;
import eu.iucplanner.pairing.domain.RegionTarget;

/**
 * The first phase of the default solver: fills every open, unpinned slot with the exact optimum of the whole pairing
 * objective given the pins, from {@link MaxWeightBMatching}: most pairs first, then the highest soft score, the
 * regional balance included (it is convex in each region's number of pairs, so the flow handles it exactly). A
 * rerun's starting solution (an earlier run's pairs) is put aside and the flow solves the rerun's problem, pins and
 * exclusions included, as it would a new run's; the start is put back only when it scores better than the flow's
 * result (only possible when the flow was stopped). When the flow reaches its optimum the phase records it as the
 * problem's {@link eu.iucplanner.pairing.domain.ProvenBound}: the solver then ends at once
 * ({@link ProvenOptimumStop}) instead of searching on for nothing.
 * <p>
 * The theme spread and cluster coherence are not in the flow: with them the flow's optimum is the optimum of a
 * relaxation, proven as the bound with those penalties added back, and local search goes on. With a theme spread the
 * phase first takes a few Lagrangian steps on the theme caps ({@link ThemeMultipliers}): each flow solved with lowered
 * weights proves a bound, the smallest is kept, and the best pairing they find by the whole score is the start. Under a hard coherence
 * rule the flow's clusters are first made coherent by giving up partners ({@code repairClusters}), so that local
 * search starts from a feasible pairing.
 * <p>
 * When the run is stopped (a user's stop or its time limit) while the flow is still searching, the flow returns the
 * valid matching of its last phase boundary and this phase fills the places that leaves open greedily (highest pair
 * score first, within capacities, exclusions, pins and the cross-region rule), so the user gets pairs at once.
 */
public class MatchingWarmStart implements PhaseCommand<PairingSolution> {

    /**
     * Test seam: wraps the stop signal before the flow gets it, so that a test can line a stop up with the flow's
     * progress and see what Timefold's signal says. The identity outside tests.
     */
    static volatile UnaryOperator<BooleanSupplier> stopSignalDecorator = UnaryOperator.identity();

    @Override
    public void changeWorkingSolution(ScoreDirector<PairingSolution> scoreDirector, BooleanSupplier isTerminated) {
        PairingSolution solution = scoreDirector.getWorkingSolution();
        // A rerun starts from an earlier solution: that start is put aside and the flow solves the problem under the
        // rerun's own pins and exclusions from scratch, exactly as for a new run; the start comes back only if it
        // scores better than what the flow found (possible only when the flow was stopped early).
        Map<PartnerSlot, Applicant> start = new HashMap<>();
        for (PartnerSlot slot : solution.getSlots()) {
            if (!slot.isPinned() && slot.getPartner() != null) {
                start.put(slot, slot.getPartner());
            }
        }
        HardMediumSoftLongScore startScore = null;
        if (!start.isEmpty()) {
            startScore = score(scoreDirector);
            for (PartnerSlot slot : start.keySet()) {
                setPartner(scoreDirector, slot, null);
            }
            scoreDirector.triggerVariableListeners();
        }
        Map<Applicant, List<PartnerSlot>> freeSlotsByOwner = new HashMap<>();
        Map<Applicant, Integer> pinnedPartnerCount = new HashMap<>();
        Set<Long> pinnedPairs = new HashSet<>();
        List<Applicant> owners = new ArrayList<>();
        for (PartnerSlot slot : solution.getSlots()) {
            if (slot.isPinned()) {
                if (slot.getPartner() != null) {
                    pinnedPartnerCount.merge(slot.getPartner(), 1, Integer::sum);
                }
                continue;
            }
            List<PartnerSlot> free = freeSlotsByOwner.get(slot.getOwner());
            if (free == null) {
                free = new ArrayList<>();
                freeSlotsByOwner.put(slot.getOwner(), free);
                owners.add(slot.getOwner());
            }
            free.add(slot);
        }
        List<Applicant> partners = solution.getPartnerCandidates();
        Map<Applicant, Integer> partnerIndex = new HashMap<>();
        for (int j = 0; j < partners.size(); j++) {
            partnerIndex.put(partners.get(j), j);
        }
        Map<Applicant, Integer> ownerIndex = new HashMap<>();
        for (int i = 0; i < owners.size(); i++) {
            ownerIndex.put(owners.get(i), i);
        }
        for (PartnerSlot slot : solution.getSlots()) {
            if (slot.isPinned() && slot.getPartner() != null && ownerIndex.containsKey(slot.getOwner())
                    && partnerIndex.containsKey(slot.getPartner())) {
                pinnedPairs.add(key(ownerIndex.get(slot.getOwner()), partnerIndex.get(slot.getPartner()),
                        partners.size()));
            }
        }
        int n = owners.size();
        int m = partners.size();
        int[] leftCapacity = new int[n];
        for (int i = 0; i < n; i++) {
            leftCapacity[i] = freeSlotsByOwner.get(owners.get(i)).size();
        }
        int[] rightCapacity = new int[m];
        for (int j = 0; j < m; j++) {
            Applicant partner = partners.get(j);
            rightCapacity[j] = Math.max(0, partner.getMaxPartners() - pinnedPartnerCount.getOrDefault(partner, 0));
        }
        // The stop signal: Timefold 1.32's DefaultCustomPhase hands each command
        // () -> phaseTermination.isPhaseTerminated(phaseScope), and a custom phase's termination is a bridge to the
        // solver's termination, which is an OR of the configured termination (spent limit, ...) and the
        // BasicPlumbingTermination that Solver.terminateEarly() and SolverManager.terminateEarly(id) set (it also
        // turns true when the solver thread is interrupted or a ProblemChange is queued). So the flow sees a user's
        // stop and the run's time limit. When it is set, AbstractSolver.runPhases (which checks the same solver
        // termination) skips the remaining phases once this command returns: what is written here is what the user
        // gets.
        WeightMatrix matrix = weights(solution, owners, partners, ownerIndex, partnerIndex, pinnedPairs);
        MaxWeightBMatching.Regions regions = regions(solution, partners);
        CountryFlow.Countries countries = solution.getCountryLimits().isEmpty() ? null
                : countries(solution, owners, partners);
        BooleanSupplier stop = stopSignalDecorator.apply(isTerminated);
        long flowStart = System.nanoTime();
        MaxWeightBMatching.Result result = flow(leftCapacity, rightCapacity, matrix, regions, countries, stop);
        long flowNanos = System.nanoTime() - flowStart;
        List<int[]> pairs = result.optimal() || countries != null ? result.pairs()
                : MaxWeightBMatching.completeGreedily(leftCapacity, rightCapacity, matrix, result.pairs());
        place(scoreDirector, solution, freeSlotsByOwner, owners, partners, pairs);
        HardMediumSoftLongScore flowScore = score(scoreDirector);
        if (result.optimal()) {
            // Every term but the theme spread and the cluster coherence is in the flow network. Without them the
            // flow's optimum is the optimum of the whole score; with them it is the optimum of the relaxation without
            // those penalties, so the flow's score with its theme and cluster penalties added back is an upper bound
            // on every solution's score (a penalty never adds to a score). With a theme spread, Lagrange multipliers
            // of its soft caps tighten that bound and may find a better start (ThemeMultipliers gives the proof).
            HardMediumSoftLongScore bound = relaxedBound(solution, flowScore);
            if (!solution.getThemeLimits().isEmpty() && solution.getMode() != PairingMode.STABLE) {
                Lagrangian lagrangian = lagrangian(scoreDirector, solution, freeSlotsByOwner, owners, partners,
                        leftCapacity, rightCapacity, matrix, regions, countries, stop, flowNanos, pairs, flowScore,
                        bound);
                bound = lagrangian.bound();
                flowScore = lagrangian.bestScore();
            }
            solution.getProvenBound().prove(bound, solution.getThemeLimits().isEmpty()
                    && solution.getCall().clusterCoherence() == ClusterCoherence.NONE);
        }
        if (solution.getMode() == PairingMode.STABLE) {
            // The flow's optimum stays the bound beside it; the answer is the EU-proposing stable pairing.
            for (PartnerSlot slot : solution.getSlots()) {
                if (!slot.isPinned()) {
                    setPartner(scoreDirector, slot, null);
                }
            }
            int[] freeRight = rightCapacity.clone();
            Map<Applicant, Integer> nextSlot = new HashMap<>();
            for (int[] pair : Stability.deferredAcceptance(solution, owners, partners, leftCapacity, freeRight)) {
                Applicant owner = owners.get(pair[0]);
                int next = nextSlot.merge(owner, 1, Integer::sum) - 1;
                setPartner(scoreDirector, freeSlotsByOwner.get(owner).get(next), partners.get(pair[1]));
            }
            scoreDirector.triggerVariableListeners();
            repairClusters(scoreDirector, solution);
            solution.getProvenBound().finish();
            return;
        }
        if (repairClusters(scoreDirector, solution)) {
            flowScore = score(scoreDirector);
        }
        if (startScore != null && startScore.compareTo(flowScore) > 0) {
            for (PartnerSlot slot : solution.getSlots()) {
                if (!slot.isPinned()) {
                    setPartner(scoreDirector, slot, start.get(slot));
                }
            }
            scoreDirector.triggerVariableListeners();
        }
    }

    /** Test seam: the most flow solves the theme spread's multipliers may take (0: the plain relaxation). */
    static volatile int lagrangianSteps = 20;

    /**
     * How long the multipliers may take, in solves of the first flow: they stop after this many times its time
     * (besides {@link #lagrangianSteps} and the stop signal), so that local search keeps most of a run's time.
     */
    private static final int LAGRANGIAN_TIME_IN_FLOWS = 10;

    /** The smallest bound the multipliers proved, and the best pairing they found, now in the working solution. */
    private record Lagrangian(HardMediumSoftLongScore bound, HardMediumSoftLongScore bestScore) {
    }

    private static MaxWeightBMatching.Result flow(int[] leftCapacity, int[] rightCapacity, WeightMatrix matrix,
            MaxWeightBMatching.Regions regions, CountryFlow.Countries countries, BooleanSupplier stop) {
        // Country caps and soft caps are convex per country: the flow with country nodes is exact with them.
        return countries == null ? MaxWeightBMatching.solve(leftCapacity, rightCapacity, matrix, regions, stop)
                : CountryFlow.solve(leftCapacity, rightCapacity, matrix, regions, countries, stop);
    }

    /** The working solution's score with the theme and cluster penalties added back: R(S) of ThemeMultipliers. */
    private static HardMediumSoftLongScore relaxedBound(PairingSolution solution, HardMediumSoftLongScore score) {
        HardMediumSoftLongScore clusterPenalty = clusterPenalty(solution);
        return HardMediumSoftLongScore.of(score.hardScore() + clusterPenalty.hardScore(), score.mediumScore(),
                score.softScore() + themePenalty(solution) + clusterPenalty.softScore());
    }

    /**
     * Projected subgradient steps on the theme spread's multipliers ({@link ThemeMultipliers}): each step lowers every
     * free pair's weight by its main theme's multiplier, solves the flow again and scores its pairing by the whole
     * objective. Keeps the smallest bound proven (only flows that reached their optimum prove one) and leaves the
     * best-scoring pairing in the working solution. Stops after {@link #lagrangianSteps} solves, after
     * {@link #LAGRANGIAN_TIME_IN_FLOWS} times the first flow's time, at the stop signal, when the bound is reached or
     * when the multipliers no longer change. The matrix gets its weights back before this returns.
     */
    private static Lagrangian lagrangian(ScoreDirector<PairingSolution> scoreDirector, PairingSolution solution,
            Map<Applicant, List<PartnerSlot>> freeSlotsByOwner, List<Applicant> owners, List<Applicant> partners,
            int[] leftCapacity, int[] rightCapacity, WeightMatrix matrix, MaxWeightBMatching.Regions regions,
            CountryFlow.Countries countries, BooleanSupplier stop, long flowNanos, List<int[]> flowPairs,
            HardMediumSoftLongScore flowScore, HardMediumSoftLongScore relaxationBound) {
        int themeCount = 0;
        for (ThemeLimit limit : solution.getThemeLimits()) {
            themeCount = Math.max(themeCount, limit.themeIndex() + 1);
        }
        int n = owners.size();
        int m = partners.size();
        if (themeCount > Byte.MAX_VALUE || lagrangianSteps <= 0) {
            return new Lagrangian(relaxationBound, flowScore);
        }
        // Main shared theme of each allowed free pair, when it has a cap (−1 otherwise).
        byte[] themeOfPair = new byte[n * m];
        boolean anyCapped = false;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                int theme = matrix.isAllowed(i, j) ? PairScores.mainSharedTheme(owners.get(i), partners.get(j)) : -1;
                boolean capped = theme >= 0 && theme < themeCount;
                themeOfPair[i * m + j] = (byte) (capped ? theme : -1);
                anyCapped |= capped;
            }
        }
        if (!anyCapped) {
            return new Lagrangian(relaxationBound, flowScore);
        }
        ThemeMultipliers multipliers = new ThemeMultipliers(solution.getThemeLimits(), themeCount,
                softWeight(solution, PairingConstraintProvider.THEME_ABOVE_SOFT_CAP));
        long deadline = System.nanoTime() + LAGRANGIAN_TIME_IN_FLOWS * Math.max(flowNanos, 1_000_000L);
        HardMediumSoftLongScore bound = relaxationBound;
        HardMediumSoftLongScore best = flowScore;
        List<int[]> bestPairs = flowPairs;
        HardMediumSoftLongScore value = relaxationBound;
        int[] counts = pairsByTheme(solution, themeCount);
        long[] applied = new long[themeCount];
        int sinceImproved = 0;
        for (int step = 0; step < lagrangianSteps && !stop.getAsBoolean() && System.nanoTime() < deadline; step++) {
            if (!multipliers.step(counts, value.softScore(), best.softScore(), sinceImproved)) {
                break;
            }
            long[] lowering = multipliers.loweringByTheme();
            shiftWeights(matrix, themeOfPair, m, applied, lowering);
            applied = lowering;
            MaxWeightBMatching.Result result = flow(leftCapacity, rightCapacity, matrix, regions, countries, stop);
            if (!result.optimal()) {
                break; // stopped: proves nothing, and the run is ending
            }
            place(scoreDirector, solution, freeSlotsByOwner, owners, partners, result.pairs());
            HardMediumSoftLongScore score = score(scoreDirector);
            HardMediumSoftLongScore relaxed = relaxedBound(solution, score);
            counts = pairsByTheme(solution, themeCount);
            value = HardMediumSoftLongScore.of(relaxed.hardScore(), relaxed.mediumScore(),
                    multipliers.lagrangian(relaxed.softScore(), counts));
            sinceImproved++;
            if (value.compareTo(bound) < 0) {
                bound = value;
                sinceImproved = 0;
            }
            if (score.compareTo(best) > 0) {
                best = score;
                bestPairs = result.pairs();
            }
            if (best.compareTo(bound) >= 0) {
                break; // proven optimal
            }
        }
        shiftWeights(matrix, themeOfPair, m, applied, new long[themeCount]);
        place(scoreDirector, solution, freeSlotsByOwner, owners, partners, bestPairs);
        return new Lagrangian(bound, best);
    }

    /** Changes each capped pair's weight from base − {@code from[theme]} to base − {@code to[theme]}. */
    private static void shiftWeights(WeightMatrix matrix, byte[] themeOfPair, int m, long[] from, long[] to) {
        for (int k = 0; k < themeOfPair.length; k++) {
            int theme = themeOfPair[k];
            if (theme >= 0 && from[theme] != to[theme]) {
                int i = k / m;
                int j = k % m;
                matrix.set(i, j, matrix.get(i, j) + from[theme] - to[theme]);
            }
        }
    }

    /** Pairs per main shared theme in the working solution, pinned pairs included (themes below themeCount). */
    private static int[] pairsByTheme(PairingSolution solution, int themeCount) {
        int[] counts = new int[themeCount];
        for (PartnerSlot slot : solution.getSlots()) {
            if (slot.getPartner() != null) {
                int theme = PairScores.mainSharedTheme(slot.getOwner(), slot.getPartner());
                if (theme >= 0 && theme < themeCount) {
                    counts[theme]++;
                }
            }
        }
        return counts;
    }

    /**
     * Puts the flow's pairs in the free slots of their owners, in order, and empties the free slots left over; then
     * updates the score director.
     */
    private static void place(ScoreDirector<PairingSolution> scoreDirector, PairingSolution solution,
            Map<Applicant, List<PartnerSlot>> freeSlotsByOwner, List<Applicant> owners, List<Applicant> partners,
            List<int[]> pairs) {
        Map<Applicant, List<Applicant>> partnersByOwner = new HashMap<>();
        for (int[] pair : pairs) {
            partnersByOwner.computeIfAbsent(owners.get(pair[0]), o -> new ArrayList<>()).add(partners.get(pair[1]));
        }
        for (Map.Entry<Applicant, List<PartnerSlot>> entry : freeSlotsByOwner.entrySet()) {
            List<Applicant> taken = partnersByOwner.getOrDefault(entry.getKey(), List.of());
            List<PartnerSlot> slots = entry.getValue();
            for (int k = 0; k < slots.size(); k++) {
                setPartner(scoreDirector, slots.get(k), k < taken.size() ? taken.get(k) : null);
            }
        }
        scoreDirector.triggerVariableListeners();
    }

    private static void setPartner(ScoreDirector<PairingSolution> scoreDirector, PartnerSlot slot,
            Applicant partner) {
        if (slot.getPartner() == partner) {
            return;
        }
        scoreDirector.beforeVariableChanged(slot, "partner");
        slot.setPartner(partner);
        scoreDirector.afterVariableChanged(slot, "partner");
    }

    @SuppressWarnings("unchecked")
    private static HardMediumSoftLongScore score(ScoreDirector<PairingSolution> scoreDirector) {
        return ((InnerScoreDirector<PairingSolution, HardMediumSoftLongScore>) scoreDirector).calculateScore().raw();
    }

    /**
     * Each allowed pair's soft score (the per-pair constraints under the problem's weights), a row at a time
     * ({@link PairWeights.Rows}: about 0.2 s for the 5,000-applicant demo pool, 1.2 s for the 20,000 one); pairs that
     * are not one EU and one partner-region applicant, excluded pairs and pairs already pinned are forbidden.
     * Exclusions are looked up once per excluded id rather than once per pair. The stop signal is not checked here:
     * the flow's first matching needs every weight, and this is short.
     */
    private static WeightMatrix weights(PairingSolution solution, List<Applicant> owners, List<Applicant> partners,
            Map<Applicant, Integer> ownerIndex, Map<Applicant, Integer> partnerIndex, Set<Long> pinnedPairs) {
        int n = owners.size();
        int m = partners.size();
        PairWeights.Rows rows = PairWeights.of(solution.getConstraintWeightOverrides()).rows(partners);
        long[] row = new long[m];
        WeightMatrix matrix = new WeightMatrix(n, m);
        for (int i = 0; i < n; i++) {
            Applicant owner = owners.get(i);
            rows.scores(owner, row);
            for (int j = 0; j < m; j++) {
                if (PairingConstraintProvider.isCrossRegion(owner, partners.get(j))) {
                    matrix.set(i, j, row[j]);
                }
            }
        }
        Map<String, Integer> ownerById = new HashMap<>();
        ownerIndex.forEach((owner, i) -> ownerById.put(owner.getId(), i));
        Map<String, Integer> partnerById = new HashMap<>();
        partnerIndex.forEach((partner, j) -> partnerById.put(partner.getId(), j));
        for (int i = 0; i < n; i++) {
            for (String excluded : owners.get(i).getExcludedPartnerIds()) {
                Integer j = partnerById.get(excluded);
                if (j != null) {
                    matrix.forbid(i, j);
                }
            }
        }
        for (int j = 0; j < m; j++) {
            for (String excluded : partners.get(j).getExcludedPartnerIds()) {
                Integer i = ownerById.get(excluded);
                if (i != null) {
                    matrix.forbid(i, j);
                }
            }
        }
        for (long pinned : pinnedPairs) {
            matrix.forbid((int) (pinned / m), (int) (pinned % m));
        }
        return matrix;
    }

    /**
     * The regional balance as the flow's regional term: one region per programme region, with the call's target
     * minus the pairs pinned there (pinned pairs count towards a region but are not part of the flow).
     */
    private static MaxWeightBMatching.Regions regions(PairingSolution solution, List<Applicant> partners) {
        ProgrammeRegion[] all = ProgrammeRegion.values();
        int[] regionOf = new int[partners.size()];
        for (int j = 0; j < partners.size(); j++) {
            regionOf[j] = partners.get(j).getRegion().ordinal();
        }
        int[] targets = new int[all.length];
        Arrays.fill(targets, -1);
        for (RegionTarget target : solution.getRegionTargets()) {
            long pinned = solution.getSlots().stream()
                    .filter(slot -> slot.isPinned() && slot.getPartner() != null
                            && slot.getPartner().getRegion() == target.region())
                    .count();
            targets[target.region().ordinal()] = (int) Math.max(0, target.targetPairs() - pinned);
        }
        HardMediumSoftLongScore weight = solution.getConstraintWeightOverrides() == null ? null
                : solution.getConstraintWeightOverrides()
                        .getConstraintWeight(PairingConstraintProvider.REGIONAL_BALANCE);
        long regionWeight = (weight == null
                ? PairingConstraintProvider.DEFAULT_WEIGHTS.get(PairingConstraintProvider.REGIONAL_BALANCE)
                : weight).softScore();
        return new MaxWeightBMatching.Regions(regionOf, targets, regionWeight);
    }

    /**
     * The country layer of the flow: an index per country of the pool, each limited country's caps less the pairs
     * pinned there (pinned pairs count towards a country but are not part of the flow).
     */
    private static CountryFlow.Countries countries(PairingSolution solution, List<Applicant> owners,
            List<Applicant> partners) {
        Map<String, Integer> index = new HashMap<>();
        int[] leftCountry = new int[owners.size()];
        for (int i = 0; i < owners.size(); i++) {
            leftCountry[i] = index.computeIfAbsent(owners.get(i).getProfile().country(), c -> index.size());
        }
        int[] rightCountry = new int[partners.size()];
        for (int j = 0; j < partners.size(); j++) {
            rightCountry[j] = index.computeIfAbsent(partners.get(j).getProfile().country(), c -> index.size());
        }
        Map<String, Integer> pinned = new HashMap<>();
        for (PartnerSlot slot : solution.getSlots()) {
            if (slot.isPinned() && slot.getPartner() != null) {
                pinned.merge(slot.getOwner().getProfile().country(), 1, Integer::sum);
                pinned.merge(slot.getPartner().getProfile().country(), 1, Integer::sum);
            }
        }
        int[] caps = new int[index.size()];
        int[] softCaps = new int[index.size()];
        Arrays.fill(caps, -1);
        Arrays.fill(softCaps, -1);
        for (CountryLimit limit : solution.getCountryLimits()) {
            Integer c = index.get(limit.country());
            if (c == null) {
                continue;
            }
            int taken = pinned.getOrDefault(limit.country(), 0);
            caps[c] = limit.cap() < 0 ? -1 : Math.max(0, limit.cap() - taken);
            softCaps[c] = limit.softCap() < 0 ? -1 : Math.max(0, limit.softCap() - taken);
        }
        return new CountryFlow.Countries(leftCountry, rightCountry, caps, softCaps,
                softWeight(solution, PairingConstraintProvider.COUNTRY_ABOVE_SOFT_CAP));
    }

    /** What "Theme above soft cap" costs the working solution (0 without a theme spread), as a positive number. */
    private static long themePenalty(PairingSolution solution) {
        if (solution.getThemeLimits().isEmpty()) {
            return 0;
        }
        Map<Integer, Integer> pairsByTheme = new HashMap<>();
        for (PartnerSlot slot : solution.getSlots()) {
            if (slot.getPartner() != null) {
                int theme = PairScores.mainSharedTheme(slot.getOwner(), slot.getPartner());
                if (theme >= 0) {
                    pairsByTheme.merge(theme, 1, Integer::sum);
                }
            }
        }
        long beyond = 0;
        for (ThemeLimit limit : solution.getThemeLimits()) {
            beyond += Math.max(0, pairsByTheme.getOrDefault(limit.themeIndex(), 0) - limit.softCap());
        }
        return beyond * softWeight(solution, PairingConstraintProvider.THEME_ABOVE_SOFT_CAP);
    }

    /** What "Incoherent cluster" and "Cluster coherence" cost the working solution, as a positive score. */
    private static HardMediumSoftLongScore clusterPenalty(PairingSolution solution) {
        ClusterCoherence rule = solution.getCall().clusterCoherence();
        if (rule == ClusterCoherence.NONE) {
            return HardMediumSoftLongScore.ZERO;
        }
        long incoherent = 0;
        for (Map.Entry<Applicant, List<Applicant>> cluster : partnersOf(solution).entrySet()) {
            if (cluster.getValue().size() >= 2 && !PairScores.isCoherent(cluster.getKey(), cluster.getValue())) {
                incoherent++;
            }
        }
        return weight(solution, rule == ClusterCoherence.HARD ? PairingConstraintProvider.INCOHERENT_CLUSTER
                : PairingConstraintProvider.CLUSTER_COHERENCE).multiply(incoherent);
    }

    /** Every applicant in a pair with its partners, whichever side it is on. */
    private static Map<Applicant, List<Applicant>> partnersOf(PairingSolution solution) {
        Map<Applicant, List<Applicant>> partnersOf = new HashMap<>();
        for (PartnerSlot slot : solution.getSlots()) {
            if (slot.getPartner() != null) {
                partnersOf.computeIfAbsent(slot.getOwner(), a -> new ArrayList<>()).add(slot.getPartner());
                partnersOf.computeIfAbsent(slot.getPartner(), a -> new ArrayList<>()).add(slot.getOwner());
            }
        }
        return partnersOf;
    }

    /**
     * Under a hard cluster coherence rule, makes every cluster coherent by giving up partners, so that local search
     * starts from a feasible pairing: each incoherent cluster keeps the partners of the hub's theme that keeps the
     * most of them (then the highest total pair score), or its single best partner, and always its pinned partners.
     * Giving up a partner only shrinks other clusters, which stay coherent, so one pass is enough. Returns whether
     * anything changed.
     */
    private static boolean repairClusters(ScoreDirector<PairingSolution> scoreDirector, PairingSolution solution) {
        if (solution.getCall().clusterCoherence() != ClusterCoherence.HARD) {
            return false;
        }
        PairWeights weights = PairWeights.of(solution.getConstraintWeightOverrides());
        Map<Applicant, List<PartnerSlot>> slotsOf = new java.util.LinkedHashMap<>();
        for (PartnerSlot slot : solution.getSlots()) {
            if (slot.getPartner() != null) {
                slotsOf.computeIfAbsent(slot.getOwner(), a -> new ArrayList<>()).add(slot);
                slotsOf.computeIfAbsent(slot.getPartner(), a -> new ArrayList<>()).add(slot);
            }
        }
        boolean changed = false;
        for (Map.Entry<Applicant, List<PartnerSlot>> entry : slotsOf.entrySet()) {
            Applicant hub = entry.getKey();
            List<PartnerSlot> held = entry.getValue().stream().filter(slot -> slot.getPartner() != null).toList();
            List<Applicant> partners = held.stream().map(slot -> other(slot, hub)).toList();
            if (held.size() < 2 || PairScores.isCoherent(hub, partners)) {
                continue;
            }
            List<PartnerSlot> pinned = held.stream().filter(PartnerSlot::isPinned).toList();
            List<PartnerSlot> keep = null;
            long keepScore = Long.MIN_VALUE;
            List<List<PartnerSlot>> options = new ArrayList<>();
            for (String theme : PairScores.themes(hub)) {
                options.add(held.stream()
                        .filter(slot -> PairScores.themes(other(slot, hub)).contains(theme)).toList());
            }
            if (pinned.size() <= 1) {
                options.add(pinned.isEmpty() ? List.of(held.stream()
                        .max(java.util.Comparator.comparingLong(slot -> weights.softScore(slot.getOwner(),
                                slot.getPartner()))).orElseThrow()) : pinned);
            }
            for (List<PartnerSlot> option : options) {
                if (!option.containsAll(pinned)) {
                    continue;
                }
                long optionScore = option.stream()
                        .mapToLong(slot -> weights.softScore(slot.getOwner(), slot.getPartner())).sum();
                if (keep == null || option.size() > keep.size()
                        || (option.size() == keep.size() && optionScore > keepScore)) {
                    keep = option;
                    keepScore = optionScore;
                }
            }
            if (keep == null) {
                continue; // pinned partners without a common theme: the pins decide
            }
            for (PartnerSlot slot : held) {
                if (!keep.contains(slot)) {
                    setPartner(scoreDirector, slot, null);
                    changed = true;
                }
            }
        }
        if (changed) {
            scoreDirector.triggerVariableListeners();
        }
        return changed;
    }

    private static Applicant other(PartnerSlot slot, Applicant one) {
        return slot.getOwner() == one ? slot.getPartner() : slot.getOwner();
    }

    private static HardMediumSoftLongScore weight(PairingSolution solution, String constraint) {
        HardMediumSoftLongScore weight = solution.getConstraintWeightOverrides() == null ? null
                : solution.getConstraintWeightOverrides().getConstraintWeight(constraint);
        return weight == null ? PairingConstraintProvider.DEFAULT_WEIGHTS.get(constraint) : weight;
    }

    private static long softWeight(PairingSolution solution, String constraint) {
        HardMediumSoftLongScore weight = solution.getConstraintWeightOverrides() == null ? null
                : solution.getConstraintWeightOverrides().getConstraintWeight(constraint);
        return (weight == null ? PairingConstraintProvider.DEFAULT_WEIGHTS.get(constraint) : weight).softScore();
    }

    private static long key(int owner, int partner, int partnerCount) {
        return (long) owner * partnerCount + partner;
    }
}
