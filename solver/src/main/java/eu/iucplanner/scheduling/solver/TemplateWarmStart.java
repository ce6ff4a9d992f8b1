package eu.iucplanner.scheduling.solver;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import eu.iucplanner.scheduling.domain.EventKind;
import eu.iucplanner.scheduling.domain.ExchangeEvent;
import eu.iucplanner.scheduling.domain.ExchangeSchedule;
import eu.iucplanner.scheduling.domain.Expert;

/**
 * The first phase of the default scheduling solver: dates every open event at a fixed point of its template's range
 * that follows the plan's order (kick-off, study visit to the EU city early, to the partner city about four months
 * later, workshop after both, final event in the last months), moved to the nearest start whose days are working days
 * and free of the host's holidays and blackouts; then gives it the least-loaded qualified expert who is free. Local
 * search repairs what this leaves (delegations, experts, capacity). Events already dated are left alone.
 */
public class TemplateWarmStart implements PhaseCommand<ExchangeSchedule> {

    /**
     * Where in its start range each kind goes, as a fraction of the range: pairs are spread evenly from the first
     * value to the second, in pair order, so that they do not all meet on one day; the regional seminar is on one day
     * per region (it is shared).
     */
    private static final Map<EventKind, double[]> POSITION = new EnumMap<>(Map.of(
            EventKind.KICK_OFF, new double[] { 0.0, 0.9 },
            EventKind.STUDY_VISIT_TO_EU, new double[] { 0.0, 0.3 },
            EventKind.STUDY_VISIT_TO_PARTNER, new double[] { 0.55, 0.85 },
            EventKind.STAFF_EXCHANGE, new double[] { 0.45, 0.75 },
            EventKind.THEMATIC_TRAINING, new double[] { 0.6, 0.9 },
            EventKind.REGIONAL_SEMINAR, new double[] { 0.45, 0.45 },
            EventKind.ACTION_PLAN_WORKSHOP, new double[] { 0.4, 0.9 },
            EventKind.FINAL_EVENT, new double[] { 0.0, 0.9 }));

    @Override
    public void changeWorkingSolution(ScoreDirector<ExchangeSchedule> scoreDirector, BooleanSupplier isTerminated) {
        ExchangeSchedule schedule = scoreDirector.getWorkingSolution();
        Map<String, List<ExchangeEvent>> byExpert = new HashMap<>();
        Map<String, Integer> perExpertMonth = new HashMap<>();
        for (ExchangeEvent event : schedule.getEvents()) {
            if (event.getStart() != null && event.getExpert() != null) {
                book(event, event.getExpert(), byExpert, perExpertMonth);
            }
        }
        List<ExchangeEvent> open = new ArrayList<>(schedule.getEvents().stream()
                .filter(event -> event.getStart() == null && !event.isPinned()).toList());
        open.sort(Comparator.comparing(ExchangeEvent::earliestStart).thenComparing(ExchangeEvent::getId));
        Map<String, Integer> pairIndex = new HashMap<>();
        schedule.getPairs().forEach(pair -> pairIndex.put(pair.id(), pairIndex.size()));
        int pairCount = Math.max(1, schedule.getPairs().size());
        for (ExchangeEvent event : open) {
            double share = pairIndex.getOrDefault(event.getPair().id(), 0) / (double) pairCount;
            LocalDate start = preferredStart(event, share);
            scoreDirector.beforeVariableChanged(event, "start");
            event.setStart(start);
            scoreDirector.afterVariableChanged(event, "start");
            if (event.needsExpert() && event.getExpert() == null) {
                Expert expert = pickExpert(event, byExpert, perExpertMonth);
                if (expert != null) {
                    scoreDirector.beforeVariableChanged(event, "expert");
                    event.setExpert(expert);
                    scoreDirector.afterVariableChanged(event, "expert");
                    book(event, expert, byExpert, perExpertMonth);
                }
            }
        }
        scoreDirector.triggerVariableListeners();
    }

    static LocalDate preferredStart(ExchangeEvent event, double share) {
        LocalDate earliest = event.earliestStart();
        LocalDate latest = event.latestStart();
        long span = ChronoUnit.DAYS.between(earliest, latest);
        double[] position = POSITION.getOrDefault(event.getKind(), new double[] { 0.5, 0.5 });
        double fraction = position[0] + (position[1] - position[0]) * share;
        LocalDate target = earliest.plusDays(Math.round(span * fraction));
        for (int distance = 0; distance <= span; distance++) {
            for (LocalDate candidate : new LocalDate[] { target.plusDays(distance), target.minusDays(distance) }) {
                if (!candidate.isBefore(earliest) && !candidate.isAfter(latest) && suitable(event, candidate)) {
                    return candidate;
                }
            }
        }
        return target;
    }

    private static boolean suitable(ExchangeEvent event, LocalDate start) {
        LocalDate end = start.plusDays(event.getTemplate().durationDays() - 1L);
        for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                return false;
            }
            if (event.isInPerson() && (event.getHostCity().isClosed(day)
                    || event.getHostCity().holidaySeason().contains(day.getMonth()))) {
                return false;
            }
        }
        return true;
    }

    private static Expert pickExpert(ExchangeEvent event, Map<String, List<ExchangeEvent>> byExpert,
            Map<String, Integer> perExpertMonth) {
        Expert best = null;
        long bestLoad = Long.MAX_VALUE;
        for (Expert expert : event.getExpertCandidates()) {
            List<ExchangeEvent> booked = byExpert.getOrDefault(expert.id(), List.of());
            boolean clash = booked.stream().anyMatch(other -> other.overlaps(event))
                    || event.daysIn(expert.unavailableDates()) > 0
                    || perExpertMonth.getOrDefault(key(expert, event), 0) >= expert.maxEventsPerMonth();
            long load = booked.size() + (clash ? 1_000_000L : 0);
            if (load < bestLoad) {
                bestLoad = load;
                best = expert;
            }
        }
        return best;
    }

    private static void book(ExchangeEvent event, Expert expert, Map<String, List<ExchangeEvent>> byExpert,
            Map<String, Integer> perExpertMonth) {
        byExpert.computeIfAbsent(expert.id(), id -> new ArrayList<>()).add(event);
        perExpertMonth.merge(key(expert, event), 1, Integer::sum);
    }

    private static String key(Expert expert, ExchangeEvent event) {
        return expert.id() + "/" + YearMonth.from(event.getStart());
    }
}
