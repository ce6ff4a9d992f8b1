package eu.iucplanner.scheduling.solver;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

import eu.iucplanner.scheduling.domain.ExchangeEvent;
import eu.iucplanner.scheduling.domain.ExchangeSchedule;
import eu.iucplanner.scheduling.domain.Expert;

/**
 * Prepares a re-plan: a schedule whose events carry their published start and expert (and are placed there), with the
 * changes since publication already in its facts (a blackout on a city, an expert's leave, an event cancelled).
 * <p>
 * An event is <em>disturbed</em> when its published placement now breaks a rule the change brought: a day of it (in
 * person) is a holiday or blackout date of a city taking part, or (online) a day off of one of its cities; or its
 * published expert is on leave on its days or travel days, or no longer one of its candidates. The unconfirmed events
 * of a disturbed event's group (its pair, or the shared event) are taken off their dates, and a disturbed expert off
 * its event, so that the warm start places the group again in date order, each event at the date nearest its published
 * one that breaks no hard rule, with its own expert where it still can (a study visit that must move can push its
 * pair's other visit and workshop by the days the plan's gaps need; an event whose expert is on leave gets another
 * expert on its date, or moves to where an expert is free). Every other event stays where it is.
 * The groups (pairs, or shared events) of disturbed events, and those named as touched by a change (a cancellation),
 * are <em>affected</em>: their events may move at the low medium cost; everything else moves only if nothing else
 * works. Confirmed (pinned) events are left as they are.
 */
public final class Replanning {

    private Replanning() {
    }

    /**
     * @param touchedGroups pair ids (or shared events' group ids) that a change touched besides disturbed events, e.g.
     *                      the pair of a cancelled event
     * @return the affected groups
     */
    public static Set<String> prepare(ExchangeSchedule schedule, Set<String> touchedGroups) {
        Set<String> affected = new LinkedHashSet<>(touchedGroups);
        Set<String> redated = new LinkedHashSet<>();
        for (ExchangeEvent event : schedule.getEvents()) {
            if (event.isPinned() || event.getPublishedStart() == null || event.getStart() == null) {
                continue;
            }
            boolean dateDisturbed = event.isInPerson() ? event.closedDays() > 0 : event.offDays() > 0;
            Expert expert = event.getExpert();
            boolean expertDisturbed = expert != null && (!event.getExpertCandidates().contains(expert)
                    || event.expertUnavailableDays() > 0);
            if (dateDisturbed || expertDisturbed) {
                affected.add(event.getGroupId());
                redated.add(event.getGroupId());
            }
            if (expertDisturbed) {
                event.setExpert(null);
            }
        }
        for (ExchangeEvent event : schedule.getEvents()) {
            event.setAffected(affected.contains(event.getGroupId()));
            if (redated.contains(event.getGroupId()) && !event.isPinned()) {
                // The whole group is placed again, each event as near its published date as the others allow.
                event.setStart(null);
            }
        }
        return affected;
    }

    /** Publishes an event: its current start and expert become the published ones, with the given sequence. */
    public static void publish(ExchangeEvent event, LocalDate start, Expert expert, int sequence) {
        event.setPublishedStart(start);
        event.setPublishedExpertId(expert == null ? null : expert.id());
        event.setPublishedSequence(sequence);
        event.setStart(start);
        event.setExpert(expert);
    }
}
