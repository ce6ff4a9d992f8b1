package eu.iucplanner.scheduling.service;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import eu.iucplanner.scheduling.domain.ExchangeEvent;
import eu.iucplanner.scheduling.domain.ExchangeSchedule;

/** A schedule as stored: its score and the start date and expert of every dated event, by event id. */
public record StoredSchedule(String score, Map<String, Assignment> events) {

    /** One event's decision. */
    public record Assignment(LocalDate start, String expertId) {
    }

    public static StoredSchedule of(ExchangeSchedule schedule) {
        Map<String, Assignment> events = new LinkedHashMap<>();
        for (ExchangeEvent event : schedule.getEvents()) {
            if (event.getStart() != null) {
                events.put(event.getId(), new Assignment(event.getStart(), event.getExpertId()));
            }
        }
        return new StoredSchedule(schedule.getScore() == null ? null : schedule.getScore().toString(), events);
    }

    /** Writes the decisions into a schedule rebuilt from the request. */
    public void applyTo(ExchangeSchedule schedule) {
        Map<String, eu.iucplanner.scheduling.domain.Expert> experts = new LinkedHashMap<>();
        schedule.getExperts().forEach(expert -> experts.put(expert.id(), expert));
        for (ExchangeEvent event : schedule.getEvents()) {
            Assignment assignment = events.get(event.getId());
            if (assignment != null && !event.isPinned()) {
                event.setStart(assignment.start());
                event.setExpert(assignment.expertId() == null ? null : experts.get(assignment.expertId()));
            }
        }
    }
}
