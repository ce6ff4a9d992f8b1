package eu.iucplanner.pairing.domain;

/** What a run looks for. */
public enum PairingMode {
    /** The pairing with the best total score under the call's rules (the default). */
    OPTIMAL,
    /**
     * A stable pairing: no two applicants would both rather be together than with what they have (deferred
     * acceptance, the EU side proposing); its total score is reported beside the optimum's.
     */
    STABLE
}
