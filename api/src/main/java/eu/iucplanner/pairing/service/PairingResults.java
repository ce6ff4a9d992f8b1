package eu.iucplanner.pairing.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;
import eu.iucplanner.pairing.constraints.ClusterJustification;
import eu.iucplanner.pairing.constraints.PairJustification;
import eu.iucplanner.pairing.domain.Applicant;
import eu.iucplanner.pairing.domain.PairScores;
import eu.iucplanner.pairing.domain.ApplicantProfile;
import eu.iucplanner.pairing.domain.Challenge;
import eu.iucplanner.pairing.domain.ClusterCoherence;
import eu.iucplanner.pairing.domain.Coordinates;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.domain.PartnerSlot;
import eu.iucplanner.pairing.domain.ProgrammeRegion;
import eu.iucplanner.csv.CsvColumn;
import eu.iucplanner.csv.CsvTable;
import eu.iucplanner.pairing.service.PairingRunResult.ApplicantRef;
import eu.iucplanner.pairing.service.PairingRunResult.BestPartnerView;
import eu.iucplanner.pairing.service.PairingRunResult.HeldPairView;
import eu.iucplanner.pairing.service.PairingRunResult.ClusterView;
import eu.iucplanner.pairing.service.PairingRunResult.ContributionView;
import eu.iucplanner.pairing.service.PairingRunResult.CountryBalanceView;
import eu.iucplanner.pairing.service.PairingRunResult.ThemeBalanceView;
import eu.iucplanner.pairing.service.PairingRunResult.StabilityView;
import eu.iucplanner.pairing.service.PairingRunResult.BlockingPairView;
import eu.iucplanner.pairing.solver.Stability;
import eu.iucplanner.pairing.service.PairingRunResult.IneligibleView;
import eu.iucplanner.pairing.service.PairingRunResult.PairView;
import eu.iucplanner.pairing.service.PairingRunResult.ReasonView;
import eu.iucplanner.pairing.service.PairingRunResult.RegionBalanceView;
import eu.iucplanner.pairing.service.PairingRunResult.UnpairedReason;
import eu.iucplanner.pairing.service.PairingRunResult.UnpairedView;
import eu.iucplanner.pairing.solver.PairWeights;
import eu.iucplanner.validation.Messages;
import eu.iucplanner.problem.ProblemException;
import eu.iucplanner.reference.ReferenceData;
import eu.iucplanner.run.service.RunLifecycle;
import eu.iucplanner.run.service.RunMetadata;
import eu.iucplanner.run.service.RunViews;
import java.util.Arrays;
import java.util.UUID;

/**
 * Explains a run's stored best solution: rebuilds it from the stored request, lets Timefold analyse its score, and
 * says why every pair was formed and why every eligible applicant has open places.
 */
@Component
public class PairingResults {

    /** How many candidates a recommendation scores exactly, at least. */
    static final int EXACTLY_SCORED = 60;

    /** How many of its best compatible partners an unpaired applicant's explanation names. */
    static final int BEST_PARTNERS = 3;

    /**
     * The result's CSV columns: the pair columns first (as before), then what says which rows are not pairs. Text
     * columns are neutralised against formula injection, numbers are not.
     */
    static final List<CsvColumn> CSV_COLUMNS = List.of(CsvColumn.text("eu_applicant_id"),
            CsvColumn.text("eu_applicant_name"), CsvColumn.text("eu_country"), CsvColumn.text("partner_applicant_id"),
            CsvColumn.text("partner_applicant_name"), CsvColumn.text("partner_country"),
            CsvColumn.text("partner_region"), CsvColumn.text("pinned"), CsvColumn.text("score"),
            CsvColumn.text("reasons"), CsvColumn.text("status"), CsvColumn.number("open_places"),
            CsvColumn.text("reason_codes"));

    private final RunLifecycle lifecycle;
    private final PairingRunKind kind;
    private final SolutionManager<PairingSolution, HardMediumSoftLongScore> solutionManager;
    private final ReferenceFill reference;
    private final RunViews views;

    public PairingResults(RunLifecycle lifecycle, PairingRunKind kind,
            SolutionManager<PairingSolution, HardMediumSoftLongScore> solutionManager, ReferenceFill reference,
            RunViews views) {
        this.views = views;
        this.lifecycle = lifecycle;
        this.kind = kind;
        this.solutionManager = solutionManager;
        this.reference = reference;
    }

    /** The rebuilt best solution of a run (an empty assignment before the first best solution). */
    private PairingSolution bestSolution(UUID id) {
        return lifecycle.solution(kind, id);
    }

    /**
     * A run's result: computed from its best solution, once for a finished run (stored as its {@code result} view),
     * with the run's metadata as it is now.
     */
    public PairingRunResult result(UUID id) {
        RunMetadata run = lifecycle.metadata(kind, id);
        return views.of(run, "result", PairingRunResult.class, () -> compute(run, id).withMetadata(null))
                .withMetadata(run);
    }

    private PairingRunResult compute(RunMetadata run, UUID id) {
        PairingSolution solution = bestSolution(id);
        boolean hasBest = lifecycle.best(kind, id).isPresent();
        ScoreAnalysis<HardMediumSoftLongScore> analysis = solutionManager.analyze(solution,
                ScoreAnalysisFetchPolicy.FETCH_ALL);
        Map<String, List<ContributionView>> contributions = new HashMap<>();
        Map<String, List<ContributionView>> clusterLines = new HashMap<>();
        Map<String, Applicant> byId = new HashMap<>();
        solution.getApplicants().forEach(applicant -> byId.put(applicant.getId(), applicant));
        for (ConstraintAnalysis<HardMediumSoftLongScore> constraint : analysis.constraintAnalyses()) {
            for (MatchAnalysis<HardMediumSoftLongScore> match : matches(constraint)) {
                if (match.justification() instanceof PairJustification pair) {
                    contributions.computeIfAbsent(key(pair.euApplicantId(), pair.partnerApplicantId()),
                            k -> new ArrayList<>()).add(new ContributionView(constraint.constraintName(),
                                    match.score().toString(), pair.description()));
                } else if (match.justification() instanceof ClusterJustification cluster) {
                    // The cluster's line goes on each of its pairs, with the cluster's score.
                    boolean hubOnEuSide = byId.get(cluster.hubId()).isEuSide();
                    for (String partnerId : cluster.partnerIds()) {
                        clusterLines.computeIfAbsent(hubOnEuSide ? key(cluster.hubId(), partnerId)
                                : key(partnerId, cluster.hubId()), k -> new ArrayList<>())
                                .add(new ContributionView(constraint.constraintName(), match.score().toString(),
                                        cluster.description()));
                    }
                }
            }
        }
        List<PairView> pairs = new ArrayList<>();
        for (PartnerSlot slot : solution.getSlots()) {
            if (slot.getPartner() == null) {
                continue;
            }
            List<ContributionView> own = contributions.getOrDefault(key(slot.getOwner().getId(),
                    slot.getPartner().getId()), List.of());
            HardMediumSoftLongScore total = own.stream().map(c -> HardMediumSoftLongScore.parseScore(c.score()))
                    .reduce(HardMediumSoftLongScore.ZERO, HardMediumSoftLongScore::add);
            List<ContributionView> clusterOwn = clusterLines.get(key(slot.getOwner().getId(),
                    slot.getPartner().getId()));
            if (clusterOwn != null) {
                own = new ArrayList<>(own);
                own.addAll(clusterOwn);
            }
            int theme = PairScores.mainSharedTheme(slot.getOwner(), slot.getPartner());
            pairs.add(new PairView(ref(slot.getOwner()), ref(slot.getPartner()), slot.isPinned(), total.toString(),
                    own, theme < 0 ? null : solution.getCall().themes().get(theme)));
        }
        List<UnpairedView> unpaired = hasBest || run.status().isFinal() ? unpaired(solution) : List.of();
        List<IneligibleView> ineligible = solution.getApplicants().stream()
                .filter(applicant -> !applicant.isEligible())
                .map(applicant -> new IneligibleView(ref(applicant), applicant.getIneligibilities().stream()
                        .map(reason -> new ReasonView(reason.reason(), reason.message())).toList()))
                .toList();
        return new PairingRunResult(run, pairs, unpaired, ineligible, regionBalance(solution),
                countryBalance(solution), themeBalance(solution), clusters(solution), stability(solution),
                reference.warnings(lifecycle.request(kind, id)));
    }

    /**
     * The result as CSV (RFC 4180, CRLF): one row per pair ({@code status} PAIRED), then one per eligible applicant
     * with open places (UNPAIRED: its open places, reason code and explanation) and one per ineligible applicant
     * (INELIGIBLE: every reason code and sentence). An applicant that is not a pair's goes in the EU columns when it
     * is on the EU side, else in the partner columns.
     */
    public String csv(UUID id) {
        PairingRunResult result = result(id);
        List<List<Object>> rows = new ArrayList<>();
        for (PairView pair : result.pairs()) {
            rows.add(Arrays.asList(pair.euApplicant().id(), pair.euApplicant().name(), pair.euApplicant().country(),
                    pair.partner().id(), pair.partner().name(), pair.partner().country(), pair.partner().region(),
                    pair.pinned(), pair.score(), pair.contributions().stream().map(ContributionView::justification)
                            .collect(Collectors.joining(" ")), "PAIRED", null, null));
        }
        for (UnpairedView unpaired : result.unpaired()) {
            rows.add(single(unpaired.applicant(), unpaired.explanation(), "UNPAIRED", unpaired.openPlaces(),
                    unpaired.reason().name()));
        }
        for (IneligibleView ineligible : result.ineligible()) {
            rows.add(single(ineligible.applicant(), ineligible.reasons().stream().map(ReasonView::message)
                    .collect(Collectors.joining(" ")), "INELIGIBLE", null, ineligible.reasons().stream()
                            .map(reason -> reason.reason().name()).collect(Collectors.joining(";"))));
        }
        return CsvTable.write(CSV_COLUMNS, rows);
    }

    private static List<Object> single(ApplicantRef applicant, String reasons, String status, Integer openPlaces,
            String codes) {
        boolean eu = applicant.region() == ProgrammeRegion.EU;
        return Arrays.asList(eu ? applicant.id() : null, eu ? applicant.name() : null, eu ? applicant.country() : null,
                eu ? null : applicant.id(), eu ? null : applicant.name(), eu ? null : applicant.country(),
                eu ? null : applicant.region(), null, null, reasons, status, openPlaces, codes);
    }

    // ************************************************************************
    // Recommendations
    // ************************************************************************

    /**
     * The best partners for one applicant: each candidate on the other side is tried by forming the pair in the
     * stored best solution (freeing the applicant's and the candidate's least valuable unpinned place when they are
     * full) and scoring the whole solution again, so the difference is exact, hard and medium levels included.
     */
    public List<RecommendationView> recommendations(UUID id, String applicantId, int limit) {
        if (lifecycle.best(kind, id).isEmpty()) {
            throw ProblemException.conflict("Run " + id + " has no solution yet; ask again once it has one.");
        }
        PairingSolution solution = bestSolution(id);
        Applicant applicant = solution.getApplicants().stream().filter(a -> a.getId().equals(applicantId))
                .findFirst().orElseThrow(() -> ProblemException.invalid("applicantId",
                        "names no applicant of run " + id + ": " + Messages.quote(applicantId)));
        if (!applicant.isEligible()) {
            throw ProblemException.invalid("applicantId", applicantId + " is not eligible, so it is never paired: "
                    + applicant.getIneligibilities().stream().map(i -> i.message())
                            .collect(Collectors.joining("; ")));
        }
        HardMediumSoftLongScore current = solutionManager.update(solution);
        ScoreAnalysis<HardMediumSoftLongScore> before = solutionManager.analyze(solution,
                ScoreAnalysisFetchPolicy.FETCH_SHALLOW);
        List<Applicant> candidates = (applicant.isEuSide() ? solution.getPartnerCandidates()
                : solution.getApplicants().stream().filter(a -> a.isEligible() && a.isEuSide()).toList())
                .stream()
                .filter(candidate -> !candidate.excludes(applicant) && !applicant.excludes(candidate))
                .filter(candidate -> slotOf(solution, applicant, candidate).isEmpty())
                .toList();
        // Only the most promising candidates are scored exactly: those with an open place first, then by the
        // per-pair soft score; this keeps a recommendation on the largest pools to a second or two.
        Map<Applicant, Integer> taken = new HashMap<>();
        solution.getSlots().stream().filter(slot -> slot.getPartner() != null)
                .forEach(slot -> taken.merge(slot.getPartner(), 1, Integer::sum));
        PairWeights weights = PairWeights.of(solution.getConstraintWeightOverrides());
        Comparator<Applicant> promise = Comparator
                .comparing((Applicant c) -> applicant.isEuSide()
                        ? taken.getOrDefault(c, 0) < c.getMaxPartners()
                        : solution.getSlots().stream().anyMatch(s -> s.getOwner() == c && s.getPartner() == null))
                .thenComparingLong(c -> weights.softScore(applicant, c)).reversed();
        candidates = candidates.stream().sorted(promise).limit(Math.max(EXACTLY_SCORED, 5L * limit)).toList();
        List<Evaluated> evaluated = new ArrayList<>();
        for (Applicant candidate : candidates) {
            Applicant eu = applicant.isEuSide() ? applicant : candidate;
            Applicant partner = applicant.isEuSide() ? candidate : applicant;
            Optional<Evaluated> result = tryPair(solution, eu, partner, candidate, current);
            result.ifPresent(evaluated::add);
        }
        evaluated.sort(Comparator.comparing(Evaluated::score).reversed());
        List<RecommendationView> views = new ArrayList<>();
        for (Evaluated best : evaluated.subList(0, Math.min(limit, evaluated.size()))) {
            // Analyse again the few that are returned, for their per-constraint differences.
            Applicant eu = applicant.isEuSide() ? applicant : best.candidate();
            Applicant partner = applicant.isEuSide() ? best.candidate() : applicant;
            Change change = form(solution, eu, partner);
            ScoreAnalysis<HardMediumSoftLongScore> after = solutionManager.analyze(solution,
                    ScoreAnalysisFetchPolicy.FETCH_SHALLOW);
            change.undo();
            List<ContributionView> diff = after.diff(before).constraintAnalyses().stream()
                    .filter(c -> !c.score().isZero())
                    .map(c -> new ContributionView(c.constraintName(), c.score().toString(), null))
                    .toList();
            views.add(new RecommendationView(ref(best.candidate()), best.score().subtract(current).toString(),
                    change.replacedDescription(applicant), diff));
        }
        solutionManager.update(solution);
        return views;
    }

    private record Evaluated(Applicant candidate, HardMediumSoftLongScore score) {
    }

    private Optional<Evaluated> tryPair(PairingSolution solution, Applicant eu, Applicant partner,
            Applicant candidate, HardMediumSoftLongScore current) {
        Change change = form(solution, eu, partner);
        if (change == null) {
            return Optional.empty();
        }
        HardMediumSoftLongScore score = solutionManager.update(solution);
        change.undo();
        return Optional.of(new Evaluated(candidate, score));
    }

    /** What forming a pair changed, so it can be undone. */
    private static final class Change {
        private final List<PartnerSlot> slots = new ArrayList<>();
        private final List<Applicant> previous = new ArrayList<>();

        void set(PartnerSlot slot, Applicant partner) {
            slots.add(slot);
            previous.add(slot.getPartner());
            slot.setPartner(partner);
        }

        void undo() {
            for (int i = slots.size() - 1; i >= 0; i--) {
                slots.get(i).setPartner(previous.get(i));
            }
        }

        String replacedDescription(Applicant asked) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < slots.size(); i++) {
                Applicant before = previous.get(i);
                if (before != null) {
                    parts.add(slots.get(i).getOwner().getName() + " gives up " + before.getName());
                }
            }
            return parts.isEmpty() ? null : String.join("; ", parts);
        }
    }

    /**
     * Forms the pair (eu, partner) in the solution: in a free slot of eu, else in its least valuable unpinned slot;
     * and when the partner is full, frees its least valuable unpinned place. {@code null} when pins forbid it.
     */
    private Change form(PairingSolution solution, Applicant eu, Applicant partner) {
        PairWeights weights = PairWeights.of(solution.getConstraintWeightOverrides());
        List<PartnerSlot> euSlots = solution.getSlots().stream().filter(slot -> slot.getOwner() == eu).toList();
        PartnerSlot target = euSlots.stream().filter(slot -> slot.getPartner() == null && !slot.isPinned())
                .findFirst()
                .orElseGet(() -> euSlots.stream().filter(slot -> !slot.isPinned())
                        .min(Comparator.comparingLong(slot -> pairValue(weights, slot))).orElse(null));
        if (target == null) {
            return null;
        }
        List<PartnerSlot> partnerPlaces = solution.getSlots().stream()
                .filter(slot -> slot.getPartner() == partner && slot != target).toList();
        PartnerSlot freed = null;
        if (partnerPlaces.size() >= partner.getMaxPartners()) {
            freed = partnerPlaces.stream().filter(slot -> !slot.isPinned())
                    .min(Comparator.comparingLong(slot -> pairValue(weights, slot))).orElse(null);
            if (freed == null) {
                return null;
            }
        }
        Change change = new Change();
        change.set(target, partner);
        if (freed != null) {
            change.set(freed, null);
        }
        return change;
    }

    private static long pairValue(PairWeights weights, PartnerSlot slot) {
        return slot.getPartner() == null ? Long.MIN_VALUE : weights.softScore(slot.getOwner(), slot.getPartner());
    }

    private static Optional<PartnerSlot> slotOf(PairingSolution solution, Applicant a, Applicant b) {
        return solution.getSlots().stream()
                .filter(slot -> (slot.getOwner() == a && slot.getPartner() == b)
                        || (slot.getOwner() == b && slot.getPartner() == a))
                .findFirst();
    }

    // ************************************************************************
    // Unpaired applicants and regional balance
    // ************************************************************************

    private static List<UnpairedView> unpaired(PairingSolution solution) {
        PairWeights weights = PairWeights.of(solution.getConstraintWeightOverrides());
        Map<String, Integer> countryPairs = countryPairs(solution);
        Map<String, Integer> caps = new HashMap<>();
        solution.getCountryLimits().stream().filter(limit -> limit.cap() >= 0)
                .forEach(limit -> caps.put(limit.country(), limit.cap()));
        java.util.function.Predicate<Applicant> countryFull = applicant -> countryPairs.getOrDefault(
                applicant.getProfile().country(), 0) >= caps.getOrDefault(applicant.getProfile().country(),
                        Integer.MAX_VALUE);
        Map<Applicant, List<Applicant>> partnersOf = new HashMap<>();
        for (PartnerSlot slot : solution.getSlots()) {
            if (slot.getPartner() != null) {
                partnersOf.computeIfAbsent(slot.getOwner(), a -> new ArrayList<>()).add(slot.getPartner());
                partnersOf.computeIfAbsent(slot.getPartner(), a -> new ArrayList<>()).add(slot.getOwner());
            }
        }
        List<Applicant> euSide = solution.getApplicants().stream().filter(a -> a.isEligible() && a.isEuSide())
                .toList();
        List<Applicant> partnerSide = solution.getPartnerCandidates();
        List<UnpairedView> views = new ArrayList<>();
        for (Applicant applicant : solution.getApplicants()) {
            if (!applicant.isEligible()) {
                continue;
            }
            List<Applicant> partners = partnersOf.getOrDefault(applicant, List.of());
            int open = applicant.getMaxPartners() - partners.size();
            if (open <= 0) {
                continue;
            }
            List<Applicant> otherSide = applicant.isEuSide() ? partnerSide : euSide;
            List<Applicant> compatible = otherSide.stream()
                    .filter(other -> !other.excludes(applicant) && !applicant.excludes(other))
                    .filter(other -> !partners.contains(other))
                    .toList();
            String side = applicant.isEuSide() ? "partner regions" : "EU";
            if (compatible.isEmpty()) {
                String why = otherSide.isEmpty()
                        ? "There is no eligible applicant from the " + side + " in this pool."
                        : "All " + otherSide.size() + " eligible applicants from the " + side
                                + " are excluded as its partners or already paired with it.";
                views.add(new UnpairedView(ref(applicant), open, UnpairedReason.NO_COMPATIBLE_PARTNER, why, List.of()));
                continue;
            }
            if (countryFull.test(applicant)) {
                String country = applicant.getProfile().country();
                views.add(new UnpairedView(ref(applicant), open, UnpairedReason.COUNTRY_CAP_REACHED,
                        "%s is in %s, the call's cap for it; %s's open place%s would take %s beyond it.".formatted(
                                country, pairings(countryPairs.get(country)), applicant.getName(),
                                open == 1 ? "" : "s", country), List.of()));
                continue;
            }
            List<Applicant> withRoom = compatible.stream()
                    .filter(other -> partnersOf.getOrDefault(other, List.of()).size() < other.getMaxPartners())
                    .toList();
            List<Applicant> notCapped = withRoom.stream().filter(other -> !countryFull.test(other)).toList();
            Optional<Applicant> stillOpen = notCapped.stream()
                    .filter(other -> keepsClustersCoherent(solution, partnersOf, applicant, other)).findFirst();
            if (notCapped.isEmpty() && !withRoom.isEmpty()) {
                String countries = withRoom.stream().map(other -> other.getProfile().country()).distinct().sorted()
                        .collect(Collectors.joining(", "));
                views.add(new UnpairedView(ref(applicant), open, UnpairedReason.COUNTRY_CAP_REACHED,
                        "Every compatible applicant with an open place (e.g. %s) is in a country at the call's cap "
                                .formatted(withRoom.get(0).getName()) + "of pairs per country (" + countries + ").",
                        List.of()));
                continue;
            }
            if (stillOpen.isEmpty() && !notCapped.isEmpty()) {
                Applicant example = notCapped.get(0);
                views.add(new UnpairedView(ref(applicant), open, UnpairedReason.CLUSTER_INCOHERENT,
                        ("Pairing it with any compatible applicant with an open place (e.g. %s) would make a "
                                + "cluster without a common theme (%s); the call requires one theme common to each "
                                + "cluster.").formatted(example.getName(), clusterNames(applicant, example,
                                        partnersOf)), List.of()));
                continue;
            }
            if (stillOpen.isPresent()) {
                views.add(new UnpairedView(ref(applicant), open, UnpairedReason.NOT_YET_PAIRED,
                        stillOpen.get().getName() + " also has an open place and may be paired with it; the run "
                                + "ended before the solver formed that pair. Rerun it for longer.", List.of()));
                continue;
            }
            // Its own best compatible partners (by the pair's soft score), each with the pairs that hold its places.
            List<BestPartnerView> best = compatible.stream()
                    .sorted(Comparator.comparingLong((Applicant other) -> weights.softScore(applicant, other))
                            .reversed().thenComparing(Applicant::getId))
                    .limit(BEST_PARTNERS)
                    .map(other -> new BestPartnerView(ref(other), weights.softScore(applicant, other),
                            partnersOf.get(other).stream()
                                    .map(holder -> new HeldPairView(ref(holder), weights.softScore(other, holder)))
                                    .toList()))
                    .toList();
            String examples = best.stream()
                    .map(view -> "%s (a pair score of %s with it; held by %s)".formatted(view.partner().name(),
                            thousands(view.pairScore()), view.heldBy().stream()
                                    .map(held -> "%s, scoring %s".formatted(held.partner().name(),
                                            thousands(held.pairScore())))
                                    .collect(Collectors.joining("; "))))
                    .collect(Collectors.joining(", "));
            views.add(new UnpairedView(ref(applicant), open, UnpairedReason.COMPATIBLE_PARTNERS_TAKEN,
                    "All " + compatible.size() + " compatible applicants from the " + side
                            + " have every place taken by pairs that score better overall. Its best compatible "
                            + "partners are " + examples + ". The "
                            + (applicant.isEuSide() ? "EU side offers " : "partner regions offer ")
                            + places(applicant.isEuSide() ? euSide : partnerSide) + " places for "
                            + places(otherSide) + " on the other side.", best));
        }
        return views;
    }

    /**
     * Whether pairing the two keeps both their clusters coherent under a hard coherence rule (always true without
     * one): each of them with its partners and the other shares a theme, when that makes two or more partners.
     */
    private static boolean keepsClustersCoherent(PairingSolution solution, Map<Applicant, List<Applicant>> partnersOf,
            Applicant one, Applicant other) {
        if (solution.getCall().clusterCoherence() != ClusterCoherence.HARD) {
            return true;
        }
        for (Applicant hub : List.of(one, other)) {
            List<Applicant> partners = new ArrayList<>(partnersOf.getOrDefault(hub, List.of()));
            partners.add(hub == one ? other : one);
            if (partners.size() >= 2 && !PairScores.isCoherent(hub, partners)) {
                return false;
            }
        }
        return true;
    }

    /** The members of a cluster that pairing the two would make incoherent, hub first. */
    private static String clusterNames(Applicant one, Applicant other, Map<Applicant, List<Applicant>> partnersOf) {
        for (Applicant hub : List.of(other, one)) {
            List<Applicant> partners = new ArrayList<>(partnersOf.getOrDefault(hub, List.of()));
            partners.add(hub == one ? other : one);
            if (partners.size() >= 2 && !PairScores.isCoherent(hub, partners)) {
                return hub.getName() + " with " + joined(partners.stream().map(Applicant::getName).toList());
            }
        }
        return one.getName() + " with " + other.getName();
    }

    /** Every applicant with two or more partners, with its partners and the themes all of them share. */
    private static List<ClusterView> clusters(PairingSolution solution) {
        Map<Applicant, List<Applicant>> partnersOf = new java.util.LinkedHashMap<>();
        for (PartnerSlot slot : solution.getSlots()) {
            if (slot.getPartner() != null) {
                partnersOf.computeIfAbsent(slot.getOwner(), a -> new ArrayList<>()).add(slot.getPartner());
                partnersOf.computeIfAbsent(slot.getPartner(), a -> new ArrayList<>()).add(slot.getOwner());
            }
        }
        ClusterCoherence rule = solution.getCall().clusterCoherence();
        List<ClusterView> views = new ArrayList<>();
        for (Applicant hub : solution.getApplicants()) {
            List<Applicant> partners = partnersOf.getOrDefault(hub, List.of()).stream()
                    .sorted(Comparator.comparing(Applicant::getName)).toList();
            if (partners.size() < 2) {
                continue;
            }
            List<String> common = PairScores.commonThemes(hub, partners);
            String members = "%s and its partners %s".formatted(hub.getName(), joined(partners.stream()
                    .map(Applicant::getName).toList()));
            String explanation = !common.isEmpty()
                    ? "%s share %s.".formatted(members, joined(common))
                    : "%s share no theme%s".formatted(members, switch (rule) {
                        case NONE -> "; the call does not ask clusters for one.";
                        case SOFT -> "; the call prefers one theme common to each cluster (Cluster coherence).";
                        case HARD -> "; the call requires one theme common to each cluster (Incoherent cluster).";
                    });
            views.add(new ClusterView(ref(hub), partners.stream().map(PairingResults::ref).toList(), common,
                    explanation));
        }
        return views;
    }

    /** "a", "a and b", "a, b and c". */
    private static String joined(List<String> parts) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    private static String thousands(long number) {
        return String.format(java.util.Locale.ROOT, "%,d", number);
    }

    private static int places(List<Applicant> applicants) {
        return applicants.stream().mapToInt(Applicant::getMaxPartners).sum();
    }

    private static Map<String, Integer> countryPairs(PairingSolution solution) {
        Map<String, Integer> pairs = new HashMap<>();
        for (PartnerSlot slot : solution.getSlots()) {
            if (slot.getPartner() != null) {
                pairs.merge(slot.getOwner().getProfile().country(), 1, Integer::sum);
                pairs.merge(slot.getPartner().getProfile().country(), 1, Integer::sum);
            }
        }
        return pairs;
    }

    private static List<CountryBalanceView> countryBalance(PairingSolution solution) {
        Map<String, Integer> pairs = countryPairs(solution);
        return solution.getCountryLimits().stream()
                .map(limit -> new CountryBalanceView(limit.country(), pairs.getOrDefault(limit.country(), 0),
                        limit.cap() < 0 ? null : limit.cap(), limit.softCap() < 0 ? null : limit.softCap()))
                .toList();
    }

    /** How many blocking pairs are listed in a result, those with the largest combined gain first. */
    static final int BLOCKING_PAIRS_LISTED = 20;

    private static StabilityView stability(PairingSolution solution) {
        PairWeights weights = PairWeights.of(solution.getConstraintWeightOverrides());
        List<Stability.BlockingPair> blocking = Stability.blockingPairs(solution);
        List<BlockingPairView> listed = blocking.stream()
                .sorted(Comparator.comparingLong((Stability.BlockingPair pair) -> pair.combinedGain(weights))
                        .reversed().thenComparing(pair -> pair.eu().getId())
                        .thenComparing(pair -> pair.partner().getId()))
                .limit(BLOCKING_PAIRS_LISTED)
                .map(pair -> new BlockingPairView(ref(pair.eu()), ref(pair.partner()), pair.euGain(),
                        pair.euGivesUp() == null ? null : ref(pair.euGivesUp()), pair.partnerGain(),
                        pair.partnerGivesUp() == null ? null : ref(pair.partnerGivesUp())))
                .toList();
        return new StabilityView(blocking.size(), listed);
    }

    private static List<ThemeBalanceView> themeBalance(PairingSolution solution) {
        Map<Integer, Integer> pairs = new HashMap<>();
        for (PartnerSlot slot : solution.getSlots()) {
            if (slot.getPartner() != null) {
                pairs.merge(PairScores.mainSharedTheme(slot.getOwner(), slot.getPartner()), 1, Integer::sum);
            }
        }
        return solution.getThemeLimits().stream()
                .map(limit -> new ThemeBalanceView(limit.theme(), pairs.getOrDefault(limit.themeIndex(), 0),
                        limit.softCap()))
                .toList();
    }

    private static String pairings(int count) {
        return count == 1 ? "1 pairing" : count + " pairings";
    }

    private static List<RegionBalanceView> regionBalance(PairingSolution solution) {
        Map<ProgrammeRegion, Integer> pairs = new EnumMap<>(ProgrammeRegion.class);
        for (ProgrammeRegion region : ProgrammeRegion.values()) {
            if (region.isPartnerRegion()) {
                pairs.put(region, 0);
            }
        }
        for (PartnerSlot slot : solution.getSlots()) {
            if (slot.getPartner() != null && slot.getPartner().getRegion() != null
                    && slot.getPartner().getRegion().isPartnerRegion()) {
                pairs.merge(slot.getPartner().getRegion(), 1, Integer::sum);
            }
        }
        Map<ProgrammeRegion, Integer> targets = solution.getCall().targetPairs();
        return pairs.entrySet().stream()
                .map(entry -> new RegionBalanceView(entry.getKey(), entry.getValue(), targets.get(entry.getKey())))
                .toList();
    }

    // ************************************************************************
    // Helpers
    // ************************************************************************

    private static List<MatchAnalysis<HardMediumSoftLongScore>> matches(
            ConstraintAnalysis<HardMediumSoftLongScore> constraint) {
        return constraint.matches() == null ? List.of() : constraint.matches();
    }

    static ApplicantRef ref(Applicant applicant) {
        ApplicantProfile profile = applicant.getProfile();
        Coordinates at = profile.coordinates() != null ? profile.coordinates()
                : ReferenceData.get().citiesOf(profile.country()).stream()
                        .filter(city -> city.name().equals(profile.name()) || city.asciiName().equals(profile.name()))
                        .findFirst().map(city -> new Coordinates(city.latitude(), city.longitude())).orElse(null);
        List<String> themes = profile.challenges().stream()
                .sorted(Comparator.comparingInt(Challenge::priority).reversed())
                .map(Challenge::theme).toList();
        return new ApplicantRef(applicant.getId(), applicant.getName(), profile.country(), applicant.getRegion(),
                applicant.getPopulation(), at == null ? null : at.latitude(), at == null ? null : at.longitude(),
                themes);
    }

    private static String key(String euId, String partnerId) {
        return euId + "\u0000" + partnerId;
    }


}
