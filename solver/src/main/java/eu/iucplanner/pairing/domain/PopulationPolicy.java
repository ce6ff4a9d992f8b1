package eu.iucplanner.pairing.domain;

/** How a call uses its population threshold. */
public enum PopulationPolicy {
    /** An applicant needs more than the threshold, or it is not eligible (the call of 2024 as written). */
    HARD,
    /**
     * The threshold is a preference ("encourages cities above 100,000"): a pair costs more the further a member's
     * population falls below it; at or below the call's floor the applicant is not eligible.
     */
    PREFERENCE,
    /** No population rule. */
    NONE
}
