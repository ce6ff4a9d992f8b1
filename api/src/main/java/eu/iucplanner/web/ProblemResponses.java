package eu.iucplanner.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error statuses an endpoint answers, each documented in the OpenAPI document as an RFC 9457 problem detail (by
 * {@link OpenApiProblems}). Tests compare every operation's documented statuses with those it observes
 * (OpenApiStatusesIT, and AccessMatrixIT for 401 and 403).
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ProblemResponses {

    /**
     * The error statuses besides 401 and 403, e.g. {@code {400, 404}}. Every endpoint under {@code /api} also answers
     * 401 without credentials and 403 for a role that may not call it (or, for a change, a cookie session without its
     * CSRF token); those two are added for every operation.
     */
    int[] value();

    /** Any logged-in user may call this GET endpoint: no 403 is documented for it. */
    boolean anyLoggedInUser() default false;
}
