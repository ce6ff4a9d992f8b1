package eu.iucplanner.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import eu.iucplanner.problem.FieldError;
import eu.iucplanner.problem.Problem;
import eu.iucplanner.problem.ProblemException;
import eu.iucplanner.validation.Messages;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.validation.method.ParameterValidationResult;

/**
 * Turns every error into an RFC 9457 problem detail ({@code application/problem+json}) with a stable {@code type}, a
 * {@code title}, a {@code detail} and an {@code errors} list of {@code {field, message}}. Bad input answers 400, 404,
 * 405, 406, 413 or 415; only a fault of the service itself answers 500.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final java.util.regex.Pattern COERCION = java.util.regex.Pattern
            .compile("^Cannot coerce ([A-Za-z-]+) value \\(\"?(.*?)\"?\\) to");

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> handleProblem(ProblemException exception) {
        ResponseEntity<Object> problem = problem(status(exception.problem()), type(exception.problem()),
                exception.title(), exception.getMessage(), exception.errors());
        if (exception.retryAfterSeconds() == null) {
            return problem;
        }
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(exception.retryAfterSeconds())).body(problem.getBody());
    }

    static HttpStatus status(Problem problem) {
        return switch (problem) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
        };
    }

    static String type(Problem problem) {
        return switch (problem) {
            case INVALID -> ProblemTypes.VALIDATION;
            case TOO_LARGE -> ProblemTypes.TOO_LARGE;
            case NOT_FOUND -> ProblemTypes.NOT_FOUND;
            case CONFLICT -> ProblemTypes.CONFLICT;
            case UNAVAILABLE -> ProblemTypes.UNAVAILABLE;
            case UNAUTHENTICATED -> ProblemTypes.UNAUTHENTICATED;
            case FORBIDDEN -> ProblemTypes.FORBIDDEN;
            case RATE_LIMITED -> ProblemTypes.RATE_LIMITED;
        };
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException exception, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (ParameterValidationResult result : exception.getParameterValidationResults()) {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> errors.add(new FieldError(name == null ? "$" : name,
                    error.getDefaultMessage())));
        }
        return problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
                errors.size() == 1 ? "1 parameter of the request is invalid."
                        : errors.size() + " parameters of the request are invalid.", errors);
    }

    /** The database is away (restarting, unreachable): nothing was stored; the client may try again shortly. */
    @ExceptionHandler({ org.springframework.dao.DataAccessResourceFailureException.class,
            org.springframework.dao.TransientDataAccessException.class,
            org.springframework.transaction.CannotCreateTransactionException.class })
    ResponseEntity<Object> handleDatabaseAway(Exception exception) {
        LOG.warn("The database is not available: {}", exception.toString());
        ResponseEntity<Object> problem = problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE,
                "Service unavailable", "The database is not available right now; nothing was stored. Try again "
                        + "in a few seconds.", List.of());
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, "5").body(problem.getBody());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception exception) {
        LOG.error("Unexpected error", exception);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL, "Internal error",
                "The service failed to handle the request; nothing was stored. The log has the details.", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeFilter.BodyTooSlowException tooSlow) {
                return problem(HttpStatus.REQUEST_TIMEOUT, ProblemTypes.MALFORMED, "Request body too slow",
                        tooSlow.getMessage(), List.of(new FieldError("$", "did not arrive in time")));
            }
            if (t instanceof RequestSizeFilter.BodyTooLargeException tooLarge) {
                return problem(HttpStatus.PAYLOAD_TOO_LARGE, ProblemTypes.TOO_LARGE, "Request too large",
                        tooLarge.getMessage(), List.of(new FieldError("$", "has more than " + tooLarge.limit()
                                + " bytes")));
            }
        }
        Throwable cause = exception.getMostSpecificCause();
        // A syntax error wins over the mapping exception that may wrap it; else the mapping exception, which knows
        // the field path, wins over its own cause (e.g. a DateTimeParseException).
        Throwable syntax = null;
        Throwable mapping = null;
        for (Throwable t = exception.getCause(); t != null; t = t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.exc.InputCoercionException) {
                // A number out of range is a field's problem, not a syntax error: report the field when known.
                continue;
            }
            if (t instanceof com.fasterxml.jackson.core.exc.StreamReadException && syntax == null) {
                syntax = t;
            } else if (t instanceof JsonMappingException && mapping == null) {
                mapping = t;
            }
        }
        cause = syntax != null ? syntax : mapping != null ? mapping : cause;
        List<FieldError> errors = new ArrayList<>();
        if (cause instanceof JsonMappingException mappingError && !mappingError.getPath().isEmpty()) {
            String message = mappingError.getCause() instanceof com.fasterxml.jackson.core.exc.InputCoercionException
                    ? "the number is out of range" : mappingMessage(mappingError);
            errors.add(new FieldError(path(mappingError.getPath()), message));
        } else if (cause instanceof JsonProcessingException parsing) {
            String message = parsing.getOriginalMessage() == null ? "" : parsing.getOriginalMessage();
            int source = message.indexOf(" (start marker");
            message = source > 0 ? message.substring(0, source) : message;
            errors.add(new FieldError(message.startsWith("Duplicate field") ? parserPath(parsing) : "$",
                    "Not valid JSON" + at(parsing.getLocation()) + ": "
                    + (message.length() > 300 ? message.substring(0, 300) + "..." : message)));
        } else if (exception.getMessage() != null && exception.getMessage().startsWith("Required request body")) {
            errors.add(new FieldError("$", "The request body is missing."));
        } else {
            errors.add(new FieldError("$", "The request body cannot be read."));
        }
        return problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED, "Malformed request body",
                "The request body is not a valid document of the expected shape.", errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String supported = exception.getSupportedMediaTypes().stream().map(MediaType::toString)
                .collect(Collectors.joining(", "));
        String given = exception.getContentType() == null ? "none" : exception.getContentType().toString();
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
                "Unsupported media type", "This endpoint accepts " + supported + ".",
                List.of(new FieldError("Content-Type", "Unsupported content type " + given + "; use "
                        + supported + ".")));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String supported = exception.getSupportedMediaTypes().stream().map(MediaType::toString)
                .collect(Collectors.joining(", "));
        return problem(HttpStatus.NOT_ACCEPTABLE, ProblemTypes.NOT_ACCEPTABLE, "Not acceptable",
                "This endpoint produces " + supported + ".",
                List.of(new FieldError("Accept", "None of the accepted media types can be produced; use "
                        + supported + ".")));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found",
                "No resource at /" + exception.getResourcePath() + ".", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException exception, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        String allowed = exception.getSupportedMethods() == null ? ""
                : String.join(", ", Arrays.asList(exception.getSupportedMethods()));
        return problem(HttpStatus.METHOD_NOT_ALLOWED, ProblemTypes.METHOD_NOT_ALLOWED, "Method not allowed",
                exception.getMethod() + " is not allowed here; allowed: " + allowed + ".", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException exception, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
                "A required parameter is missing.",
                List.of(new FieldError(exception.getParameterName(), "is required")));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException exception, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = exception instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : exception.getPropertyName();
        if ("id".equals(name)) {
            return problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found",
                    "No run with id " + Messages.quote(exception.getValue()) + ".", List.of());
        }
        String expected = exception.getRequiredType() == null ? "another type"
                : exception.getRequiredType().getSimpleName();
        return problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
                "A parameter has the wrong type.",
                List.of(new FieldError(name, Messages.quote(exception.getValue()) + " is not a valid " + expected)));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception exception, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        // Anything the base class answers that is not overridden above still gets the house format.
        HttpStatus status = HttpStatus.valueOf(statusCode.value());
        // Spring's own detail (written for clients); never an internal exception's message.
        String detail = body instanceof ProblemDetail problemDetail && problemDetail.getDetail() != null
                ? problemDetail.getDetail() : status.getReasonPhrase() + ".";
        if (status.is5xxServerError()) {
            LOG.error("Request failed", exception);
        }
        return problem(status, status.is4xxClientError() ? ProblemTypes.VALIDATION : ProblemTypes.INTERNAL,
                status.getReasonPhrase(), detail, List.of());
    }

    /** The most field errors a problem detail lists; {@code errorCount} tells how many there were. */
    static final int MAX_ERRORS = 100;

    public static ResponseEntity<Object> problem(HttpStatus status, String type, String title, String detail,
            List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, errors.size() > MAX_ERRORS
                ? detail + " The first " + MAX_ERRORS + " of " + errors.size() + " errors are listed." : detail);
        problem.setType(ProblemTypes.of(type));
        problem.setTitle(title);
        problem.setProperty("errors", errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors);
        problem.setProperty("errorCount", errors.size());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** A field name from a document as a path segment: bounded, control characters escaped. */
    private static String segment(String name) {
        String quoted = Messages.quote(name);
        return quoted.substring(1, quoted.length() - 1);
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(segment(reference.getFieldName()));
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "$" : path.toString();
    }

    private static String mappingMessage(JsonMappingException mapping) {
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field " + Messages.quote(unknown.getPropertyName());
        }
        if (mapping instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            if (target != null && target.isEnum()) {
                return Messages.quote(format.getValue()) + " is not one of "
                        + Arrays.toString(target.getEnumConstants());
            }
            return Messages.quote(format.getValue()) + " is not a valid " + typeName(target);
        }
        if (mapping instanceof MismatchedInputException mismatch) {
            // A value of the wrong JSON type that strict JSON refuses to coerce ("200000" for a number).
            java.util.regex.Matcher coerced = COERCION.matcher(String.valueOf(mismatch.getOriginalMessage()));
            if (coerced.find()) {
                return Messages.quote(coerced.group(2)) + " is not a valid " + typeName(mismatch.getTargetType())
                        + ("String".equals(coerced.group(1)) ? " (write it without quotes)" : "");
            }
            return "Expected " + typeName(mismatch.getTargetType());
        }
        return "Cannot be read";
    }

    /** Where in the document a syntax error was found (e.g. a key given twice), as a field path; else {@code $}. */
    private static String parserPath(JsonProcessingException parsing) {
        com.fasterxml.jackson.core.JsonParser parser = parsing instanceof
                com.fasterxml.jackson.core.exc.StreamReadException read ? read.getProcessor() : null;
        if (parser != null && parser.getParsingContext() != null) {
            StringBuilder path = new StringBuilder();
            for (com.fasterxml.jackson.core.JsonPointer pointer = parser.getParsingContext().pathAsPointer();
                    pointer != null && !pointer.matches(); pointer = pointer.tail()) {
                if (pointer.mayMatchElement()) {
                    path.append('[').append(pointer.getMatchingIndex()).append(']');
                } else {
                    path.append(path.isEmpty() ? "" : ".").append(segment(pointer.getMatchingProperty()));
                }
            }
            return path.isEmpty() ? "$" : path.toString();
        }
        return "$";
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean (true or false)";
        }
        if (type == String.class) {
            return "string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "object";
        }
        if (type == java.time.Duration.class) {
            return "ISO-8601 duration such as PT30S";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return type.getSimpleName();
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
