package eu.iucplanner.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import eu.iucplanner.problem.FieldError;
import eu.iucplanner.problem.ProblemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;

/**
 * Runs Jakarta Bean Validation on a request at the door and reports every violation as a {@link FieldError} whose
 * field is the request path a client knows: {@code applicants[3].country}, {@code languages[1]},
 * {@code weights.Size similarity} for a map entry. Errors come sorted by path, indexes by number.
 */
@Component
public class RequestValidator {

    private static final Pattern PART = Pattern.compile("(\\d+)|(\\D+)");

    private final Validator validator;

    public RequestValidator(Validator validator) {
        this.validator = validator;
    }

    /** The offending fields of a request, sorted; empty when it is valid. */
    public List<FieldError> violations(Object request) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<Object> violation : validator.validate(request)) {
            errors.add(new FieldError(path(violation.getPropertyPath()), violation.getMessage()));
        }
        return sorted(errors);
    }

    /** Throws a 400-kind problem naming every offending field, when there is one. */
    public static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(sorted(errors));
        }
    }

    /** Errors sorted by field path (numbers inside a path compared as numbers), then message; duplicates dropped. */
    public static List<FieldError> sorted(List<FieldError> errors) {
        return errors.stream().distinct()
                .sorted(Comparator.<FieldError, String>comparing(FieldError::field, RequestValidator::comparePaths)
                        .thenComparing(FieldError::message))
                .toList();
    }

    static String path(Path propertyPath) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : propertyPath) {
            if (node.isInIterable()) {
                if (node.getIndex() != null) {
                    path.append('[').append(node.getIndex()).append(']');
                } else if (node.getKey() != null) {
                    path.append('.').append(node.getKey());
                }
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<") && node.getKind() != ElementKind.BEAN) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(name);
            }
        }
        return path.isEmpty() ? "$" : path.toString();
    }

    private static int comparePaths(String a, String b) {
        Matcher left = PART.matcher(a);
        Matcher right = PART.matcher(b);
        while (left.find() && right.find()) {
            int order;
            if (left.group(1) != null && right.group(1) != null) {
                order = compareNumbers(left.group(1), right.group(1));
            } else {
                order = left.group().compareTo(right.group());
            }
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    /** Digit strings of any length compared as numbers. */
    private static int compareNumbers(String a, String b) {
        String x = a.replaceFirst("^0+(?=.)", "");
        String y = b.replaceFirst("^0+(?=.)", "");
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }
}
