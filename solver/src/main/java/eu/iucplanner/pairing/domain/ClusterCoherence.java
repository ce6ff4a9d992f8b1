package eu.iucplanner.pairing.domain;

/**
 * Whether a call wants its clusters coherent. A cluster is one applicant (its hub) with two or more partners, a star;
 * it is coherent when at least one of the call's themes is a challenge of the hub and of every one of its partners.
 */
public enum ClusterCoherence {
    /** No rule (the default): a cluster's members need not share a theme. */
    NONE,
    /** Soft: each cluster without a common theme costs ("Cluster coherence"). */
    SOFT,
    /** Hard: no cluster without a common theme ("Incoherent cluster"). */
    HARD
}
