package eu.iucplanner.scheduling.domain;

/** The kinds of exchange events in an IUC cooperation. */
public enum EventKind {
    KICK_OFF,
    STUDY_VISIT_TO_EU,
    STUDY_VISIT_TO_PARTNER,
    STAFF_EXCHANGE,
    THEMATIC_TRAINING,
    REGIONAL_SEMINAR,
    ACTION_PLAN_WORKSHOP,
    FINAL_EVENT;

    /** The kind as a reader writes it: "Study visit to eu", "Kick off". */
    public String label() {
        String words = name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
