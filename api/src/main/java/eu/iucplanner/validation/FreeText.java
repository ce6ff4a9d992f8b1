package eu.iucplanner.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Free text (a contact, a note): line breaks and tabs are allowed, other control characters (NUL, C1 controls) are
 * not; {@code null} is valid. Lengths are separate {@code @Size} constraints.
 */
@Documented
@Constraint(validatedBy = FreeText.Validator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface FreeText {

    String message() default "must not hold control characters other than line breaks and tabs";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Rejects control characters except CR, LF and tab. */
    class Validator implements ConstraintValidator<FreeText, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.chars().noneMatch(c -> c != '\n' && c != '\r' && c != '\t'
                    && Character.getType(c) == Character.CONTROL);
        }
    }
}
