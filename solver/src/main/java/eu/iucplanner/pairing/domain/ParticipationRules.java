package eu.iucplanner.pairing.domain;

/**
 * How a call treats earlier participation.
 *
 * @param earlierPairs                what happens to a pair that one of its applicants names as an earlier partnership
 * @param preferFirstTimeParticipants whether pairs cost more for each member that took part before
 */
public record ParticipationRules(EarlierPairs earlierPairs, boolean preferFirstTimeParticipants) {

    public static final ParticipationRules NONE = new ParticipationRules(EarlierPairs.ALLOW, false);

    /** What happens to a pair formed again. */
    public enum EarlierPairs {
        /** No rule (the default). */
        ALLOW,
        /** Soft: "Earlier pair formed again" costs. */
        PENALIZE,
        /** Hard: such a pair is never formed (an exclusion). */
        EXCLUDE
    }

    public ParticipationRules {
        earlierPairs = earlierPairs == null ? EarlierPairs.ALLOW : earlierPairs;
    }
}
