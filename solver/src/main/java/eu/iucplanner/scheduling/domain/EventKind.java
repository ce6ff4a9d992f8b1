package eu.iucplanner.scheduling.domain;

/** The kinds of exchange events in an IUC cooperation, each with the label a planner reads. */
public enum EventKind {
    KICK_OFF("Kick-off"),
    STUDY_VISIT_TO_EU("Study visit to the EU city"),
    STUDY_VISIT_TO_PARTNER("Study visit to the partner city"),
    STAFF_EXCHANGE("Staff exchange"),
    THEMATIC_TRAINING("Thematic training"),
    REGIONAL_SEMINAR("Regional seminar"),
    ACTION_PLAN_WORKSHOP("Action plan workshop"),
    FINAL_EVENT("Final event"),
    /** A programme-wide event for every pair, e.g. in Brussels during the European Week of Regions and Cities. */
    PROGRAMME_EVENT("Programme event");

    private final String label;

    EventKind(String label) {
        this.label = label;
    }

    /** The kind as a reader writes it, e.g. "Study visit to the EU city", "Kick-off". */
    public String label() {
        return label;
    }
}
