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
    FINAL_EVENT
}
