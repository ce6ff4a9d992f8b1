package eu.iucplanner.scheduling.domain;

/** Where an event takes place, seen from its pair. */
public enum Host {
    /** Online: nobody travels, no host city. */
    ONLINE,
    /** In the EU city; the partner city's delegation travels. */
    EU_CITY,
    /** In the partner city; the EU city's delegation travels. */
    PARTNER_CITY
}
