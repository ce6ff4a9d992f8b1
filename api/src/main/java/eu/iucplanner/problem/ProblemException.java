package eu.iucplanner.problem;

import java.util.List;

/**
 * A request the service refuses on purpose, thrown by services and parsers, which know nothing of HTTP; the web layer
 * answers it as an RFC 9457 problem detail. The message is a sentence for the client.
 */
public class ProblemException extends RuntimeException {

    private final Problem problem;
    private final String title;
    private final transient List<FieldError> errors;
    private final Long retryAfterSeconds;

    public ProblemException(Problem problem, String title, String detail, List<FieldError> errors) {
        this(problem, title, detail, errors, null);
    }

    public ProblemException(Problem problem, String title, String detail, List<FieldError> errors,
            Long retryAfterSeconds) {
        super(detail);
        this.problem = problem;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Too many requests for now; try again after the given seconds. */
    public static ProblemException rateLimited(String detail, long retryAfterSeconds) {
        return new ProblemException(Problem.RATE_LIMITED, "Too many requests", detail, List.of(), retryAfterSeconds);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.FORBIDDEN, "Forbidden", detail, List.of());
    }

    /** Seconds after which the client may try again, for 429 and 503; {@code null} otherwise. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Fields that break a rule. */
    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1 ? "1 field of the request is invalid."
                : errors.size() + " fields of the request are invalid.";
        return new ProblemException(Problem.INVALID, "Invalid request", detail, errors);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.NOT_FOUND, "Not found", detail, List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.CONFLICT, "Conflict", detail, List.of());
    }

    public static ProblemException tooLarge(String title, String detail, List<FieldError> errors) {
        return new ProblemException(Problem.TOO_LARGE, title, detail, errors);
    }

    public Problem problem() {
        return problem;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
