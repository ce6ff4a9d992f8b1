package eu.iucplanner.run.service;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * When a run stops solving. Given, it replaces the run kind's default termination; the service's
 * {@code iuc.runs.max-spent-limit} caps every run.
 *
 * @param spentLimit           stop after this long
 * @param unimprovedSpentLimit stop when the best score has not improved for this long
 */
@Schema(description = "ISO-8601 durations; at least one of them.")
@TerminationDto.Valid
public record TerminationDto(@Schema(example = "PT30S", type = "string") Duration spentLimit,
        @Schema(example = "PT5S", type = "string") Duration unimprovedSpentLimit) {

    /** At least one limit, each longer than zero and within {@code iuc.runs.max-spent-limit}. */
    @Documented
    @Constraint(validatedBy = Validator.class)
    @Target({ ElementType.TYPE })
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Valid {

        String message() default "give spentLimit, unimprovedSpentLimit or both (ISO-8601, e.g. PT30S)";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** Checks a termination against the configured cap (a Spring bean, so the cap is today's setting). */
    public static class Validator implements ConstraintValidator<Valid, TerminationDto> {

        private final RunProperties properties;

        public Validator(RunProperties properties) {
            this.properties = properties;
        }

        @Override
        public boolean isValid(TerminationDto termination, ConstraintValidatorContext context) {
            if (termination == null) {
                return true;
            }
            boolean valid = true;
            if (termination.spentLimit() == null && termination.unimprovedSpentLimit() == null) {
                return false;
            }
            context.disableDefaultConstraintViolation();
            valid &= check(termination.spentLimit(), "spentLimit", context);
            valid &= check(termination.unimprovedSpentLimit(), "unimprovedSpentLimit", context);
            return valid;
        }

        private boolean check(Duration duration, String field, ConstraintValidatorContext context) {
            String message = null;
            if (duration == null) {
                return true;
            } else if (duration.isNegative() || duration.isZero()) {
                message = "must be longer than zero";
            } else if (duration.compareTo(properties.maxSpentLimit()) > 0) {
                message = "must be at most " + properties.maxSpentLimit() + " (iuc.runs.max-spent-limit)";
            }
            if (message != null) {
                context.buildConstraintViolationWithTemplate(eu.iucplanner.validation.Messages.literal(message)).addPropertyNode(field).addConstraintViolation();
                return false;
            }
            return true;
        }
    }
}
