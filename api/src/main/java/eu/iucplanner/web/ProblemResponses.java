package eu.iucplanner.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error statuses an endpoint answers, each documented in the OpenAPI document as an RFC 9457 problem detail (by
 * {@link OpenApiProblems}). A test compares every operation's documented statuses with those it observes.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ProblemResponses {

    /** The error statuses, e.g. {@code {400, 404}}. */
    int[] value();
}
