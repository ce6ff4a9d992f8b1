package eu.iucplanner.validation;

/** The documented maximum lengths of the strings a request may hold. */
public final class Limits {

    /** Ids of applicants, pairs, cities, experts. */
    public static final int ID = 100;
    /** Names of runs, calls, applicants, cities, experts; themes. */
    public static final int NAME = 200;
    /** Free text such as a contact. */
    public static final int TEXT = 2_000;

    private Limits() {
    }
}
