package eu.iucplanner.problem;

/** Why the service refuses a request; the web layer turns each into its HTTP status and problem type. */
public enum Problem {
    /** Fields of the request break a rule (400). */
    INVALID,
    /** The request is larger than the service accepts (413). */
    TOO_LARGE,
    /** No such resource (404). */
    NOT_FOUND,
    /** The resource is not in a state that allows this (409). */
    CONFLICT,
    /** The service cannot take it right now; the client may retry (503). */
    UNAVAILABLE,
    /** Not logged in, or with credentials that are not valid (401). */
    UNAUTHENTICATED,
    /** Logged in, but the user's roles do not allow it (403). */
    FORBIDDEN,
    /** Too many requests of this kind from this user for now; the client may retry later (429). */
    RATE_LIMITED
}
