package eu.iucplanner.scheduling.domain;

/** Where an event takes place, seen from its pair. */
public enum Host {
    /** Online: nobody travels, no host city; both cities take part from home. */
    ONLINE,
    /** In the EU city; the partner city's delegation travels. */
    EU_CITY,
    /** In the partner city; the EU city's delegation travels. */
    PARTNER_CITY,
    /**
     * One event shared by every pair of a partner region (or of a cluster of it, when the region's delegations do not
     * fit one venue), in one host city, on one date; the delegations of both cities of every pair travel to it.
     */
    REGION,
    /** One event shared by every pair of the call, in a host city the call names (e.g. Brussels). */
    PROGRAMME;

    /** Whether the event is one for many pairs. */
    public boolean isShared() {
        return this == REGION || this == PROGRAMME;
    }
}
