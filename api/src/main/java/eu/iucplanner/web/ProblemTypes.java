package eu.iucplanner.web;

import java.net.URI;

/** The stable {@code type} URIs of the service's problem details. */
public final class ProblemTypes {

    public static final String VALIDATION = "validation";
    public static final String MALFORMED = "malformed-body";
    public static final String TOO_LARGE = "pool-too-large";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    public static final String NOT_ACCEPTABLE = "not-acceptable";
    public static final String NOT_FOUND = "not-found";
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    public static final String CONFLICT = "conflict";
    public static final String UNAVAILABLE = "unavailable";
    public static final String UNAUTHENTICATED = "unauthenticated";
    public static final String FORBIDDEN = "forbidden";
    public static final String RATE_LIMITED = "rate-limited";
    public static final String INTERNAL = "internal-error";

    private ProblemTypes() {
    }

    public static URI of(String name) {
        return URI.create("urn:iuc-planner:problem:" + name);
    }
}
