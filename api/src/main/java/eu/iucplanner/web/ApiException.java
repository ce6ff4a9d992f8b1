package eu.iucplanner.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * An error the service answers on purpose, turned into an RFC 9457 problem detail by {@link ApiExceptionHandler}.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String typeName;
    private final URI type;
    private final String title;
    private final transient List<FieldErrorView> errors;

    public ApiException(HttpStatus status, String typeName, String title, String detail,
            List<FieldErrorView> errors) {
        super(detail);
        this.status = status;
        this.typeName = typeName;
        this.type = ProblemTypes.of(typeName);
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** 400: the request names these offending fields. */
    public static ApiException invalid(List<FieldErrorView> errors) {
        String detail = errors.size() == 1 ? "1 field of the request is invalid."
                : errors.size() + " fields of the request are invalid.";
        return new ApiException(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request", detail,
                errors);
    }

    /** 400 with one offending field. */
    public static ApiException invalid(String field, String message) {
        return invalid(List.of(new FieldErrorView(field, message)));
    }

    /** 404: no such resource. */
    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", what, List.of());
    }

    /** 409: the resource is not in a state that allows this. */
    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict", detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    /** The problem type's short name, one of {@link ProblemTypes}. */
    public String typeName() {
        return typeName;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldErrorView> errors() {
        return errors;
    }
}
