package eu.iucplanner.scheduling.solver;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import ai.timefold.solver.core.impl.score.director.InnerScoreDirector;
import eu.iucplanner.scheduling.domain.EventKind;
import eu.iucplanner.scheduling.domain.ExchangeEvent;
import eu.iucplanner.scheduling.domain.ExchangeSchedule;
import eu.iucplanner.scheduling.domain.Expert;

/**
 * The first phase of the default scheduling solver: places every open event, one at a time, on the start date nearest
 * to its target that breaks no hard rule given the events placed before it, with a qualified expert who is free then
 * (travel days from home, hops, leave, monthly and long-haul caps included): the event's own expert first if it has
 * one, else the least loaded. Each candidate is judged by the solver's own incremental score, so the warm start knows
 * every rule the constraints know. Once such a date is found, dates up to {@value #LOOK_FURTHER_DAYS} days further are
 * tried too and the best by the full score is kept.
 * <p>
 * The target is the template's usual point for a new event (kick-off early, study visit to the EU city in the first
 * quarter of its months, to the partner city about four months later, workshop soon after both, final event in the
 * last months; pairs staggered over a sub-range so that they do not all meet on one day), or, when re-planning, the
 * published date (see {@link Replanning}): a disturbed event goes to the nearest date that works, and an event that
 * lost its expert is tried on its own date first. Shared events go first (they involve the most cities), then events
 * by target date. Where no date within {@value #CLEAN_DATES_TRIED} dates that suit the delegations has a free expert,
 * the best candidate seen is kept and local search repairs it. Events already placed are left alone.
 */
public class TemplateWarmStart implements PhaseCommand<ExchangeSchedule> {

    /**
     * Where in its start range each kind goes, as a fraction of the range: pairs are spread evenly from the first
     * value to the second, in pair order; a shared event goes to the first value.
     */
    private static final Map<EventKind, double[]> POSITION = new EnumMap<>(Map.of(
            EventKind.KICK_OFF, new double[] { 0.0, 0.5 },
            EventKind.STUDY_VISIT_TO_EU, new double[] { 0.0, 0.25 },
            EventKind.STUDY_VISIT_TO_PARTNER, new double[] { 0.35, 0.6 },
            EventKind.STAFF_EXCHANGE, new double[] { 0.45, 0.75 },
            EventKind.THEMATIC_TRAINING, new double[] { 0.1, 0.9 },
            EventKind.REGIONAL_SEMINAR, new double[] { 0.4, 0.4 },
            EventKind.ACTION_PLAN_WORKSHOP, new double[] { 0.0, 0.3 },
            EventKind.FINAL_EVENT, new double[] { 0.0, 0.9 },
            EventKind.PROGRAMME_EVENT, new double[] { 0.5, 0.5 }));

    /** How many dates that suit the delegations are tried for a free expert before the best candidate is kept. */
    static final int CLEAN_DATES_TRIED = 150;

    /**
     * Once a date with a free expert is found, dates up to this many days further from the target are tried as well,
     * and the best of them (by the full score: a re-plan's moved days and changed experts, a first plan's preferences)
     * is kept.
     */
    static final int LOOK_FURTHER_DAYS = 10;

    @Override
    public void changeWorkingSolution(ScoreDirector<ExchangeSchedule> scoreDirector, BooleanSupplier isTerminated) {
        @SuppressWarnings("unchecked")
        InnerScoreDirector<ExchangeSchedule, HardMediumSoftLongScore> director =
                (InnerScoreDirector<ExchangeSchedule, HardMediumSoftLongScore>) scoreDirector;
        ExchangeSchedule schedule = scoreDirector.getWorkingSolution();
        Map<String, Integer> load = new HashMap<>();
        for (ExchangeEvent event : schedule.getEvents()) {
            if (event.getStart() != null && event.getExpert() != null) {
                load.merge(event.getExpert().id(), 1, Integer::sum);
            }
        }
        Map<String, Integer> pairIndex = new HashMap<>();
        schedule.getPairs().forEach(pair -> pairIndex.put(pair.id(), pairIndex.size()));
        int pairCount = Math.max(1, schedule.getPairs().size());
        List<Placement> open = new ArrayList<>();
        for (ExchangeEvent event : schedule.getEvents()) {
            boolean missingExpert = event.needsExpert() && event.getExpert() == null;
            if (!event.isPinned() && (event.getStart() == null || missingExpert)) {
                double share = event.isShared() ? 0 : pairIndex.getOrDefault(event.getPair().id(), 0)
                        / (double) pairCount;
                LocalDate target = event.getStart() != null ? event.getStart()
                        : event.getPublishedStart() != null ? event.getPublishedStart() : targetStart(event, share);
                open.add(new Placement(event, target));
            }
        }
        open.sort(Comparator.comparing((Placement placement) -> !placement.event().isShared())
                .thenComparing(Placement::target).thenComparing(placement -> placement.event().getId()));
        for (Placement placement : open) {
            if (isTerminated.getAsBoolean()) {
                return;
            }
            place(director, placement, load);
        }
    }

    /** The template's usual start for an event of a pair at the given share of the pairs (0 first, 1 last). */
    static LocalDate targetStart(ExchangeEvent event, double share) {
        LocalDate earliest = event.earliestStart();
        long span = ChronoUnit.DAYS.between(earliest, event.latestStart());
        double[] position = POSITION.getOrDefault(event.getKind(), new double[] { 0.5, 0.5 });
        double fraction = position[0] + (position[1] - position[0]) * share;
        return earliest.plusDays(Math.round(span * fraction));
    }

    private static void place(InnerScoreDirector<ExchangeSchedule, HardMediumSoftLongScore> director,
            Placement placement, Map<String, Integer> load) {
        ExchangeEvent event = placement.event();
        Expert kept = event.getExpert();
        boolean counted = kept != null && event.getStart() != null;
        set(director, event, "start", null, () -> event.setStart(null));
        set(director, event, "expert", null, () -> event.setExpert(null));
        HardMediumSoftLongScore baseline = score(director);
        List<Expert> experts = new ArrayList<>();
        if (event.needsExpert()) {
            if (kept != null) {
                experts.add(kept);
            }
            event.getExpertCandidates().stream().filter(expert -> !expert.equals(kept))
                    .sorted(Comparator.comparingInt((Expert expert) -> load.getOrDefault(expert.id(), 0))
                            .thenComparing(Expert::id))
                    .forEach(experts::add);
        }
        // Judged without an expert first: a missing one costs exactly 1 hard.
        long cleanHard = baseline.hardScore() - (event.needsExpert() ? 1 : 0);
        LocalDate bestStart = null;
        Expert bestExpert = null;
        HardMediumSoftLongScore best = null;
        boolean bestClean = false;
        long firstCleanDistance = -1;
        int cleanDates = 0;
        for (LocalDate start : candidates(event, placement.target())) {
            long distance = Math.abs(ChronoUnit.DAYS.between(placement.target(), start));
            if (firstCleanDistance >= 0 && distance > firstCleanDistance + LOOK_FURTHER_DAYS) {
                break;
            }
            set(director, event, "start", start, () -> event.setStart(start));
            HardMediumSoftLongScore score = score(director);
            if (best == null || !bestClean && score.compareTo(best) > 0) {
                best = score;
                bestStart = start;
                bestExpert = null;
            }
            if (score.hardScore() != cleanHard) {
                continue;
            }
            if (experts.isEmpty()) {
                if (!bestClean || score.compareTo(best) > 0) {
                    best = score;
                    bestStart = start;
                    bestExpert = null;
                }
                bestClean = true;
            }
            for (Expert expert : experts) {
                set(director, event, "expert", expert, () -> event.setExpert(expert));
                HardMediumSoftLongScore withExpert = score(director);
                boolean clean = withExpert.hardScore() == baseline.hardScore();
                if (clean && (!bestClean || withExpert.compareTo(best) > 0)
                        || !bestClean && withExpert.compareTo(best) > 0) {
                    best = withExpert;
                    bestStart = start;
                    bestExpert = expert;
                    bestClean = clean;
                }
                if (clean) {
                    break;
                }
            }
            set(director, event, "expert", null, () -> event.setExpert(null));
            if (bestClean && firstCleanDistance < 0) {
                firstCleanDistance = distance;
            }
            if (!bestClean && ++cleanDates >= CLEAN_DATES_TRIED) {
                break;
            }
        }
        LocalDate start = bestStart;
        Expert expert = bestExpert;
        set(director, event, "start", start, () -> event.setStart(start));
        set(director, event, "expert", expert, () -> event.setExpert(expert));
        score(director);
        if (expert != null) {
            load.merge(expert.id(), 1, Integer::sum);
        }
        if (counted) {
            load.merge(kept.id(), -1, Integer::sum);
        }
    }

    /** The working solution's score after the changes so far. */
    private static HardMediumSoftLongScore score(
            InnerScoreDirector<ExchangeSchedule, HardMediumSoftLongScore> director) {
        director.triggerVariableListeners();
        return director.calculateScore().raw();
    }

    /** Every start in the event's range, nearest to the target first (later before earlier at equal distance). */
    static List<LocalDate> candidates(ExchangeEvent event, LocalDate target) {
        LocalDate earliest = event.earliestStart();
        LocalDate latest = event.latestStart();
        LocalDate from = target.isBefore(earliest) ? earliest : target.isAfter(latest) ? latest : target;
        List<LocalDate> dates = new ArrayList<>();
        long span = ChronoUnit.DAYS.between(earliest, latest);
        for (long distance = 0; distance <= span; distance++) {
            LocalDate later = from.plusDays(distance);
            if (!later.isAfter(latest)) {
                dates.add(later);
            }
            LocalDate earlier = from.minusDays(distance);
            if (distance > 0 && !earlier.isBefore(earliest)) {
                dates.add(earlier);
            }
        }
        return dates;
    }

    private static void set(ScoreDirector<ExchangeSchedule> director, ExchangeEvent event, String variable,
            Object value, Runnable change) {
        Object current = variable.equals("start") ? event.getStart() : event.getExpert();
        if (java.util.Objects.equals(current, value)) {
            return;
        }
        director.beforeVariableChanged(event, variable);
        change.run();
        director.afterVariableChanged(event, variable);
    }

    private record Placement(ExchangeEvent event, LocalDate target) {
    }
}
