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

import eu.iucplanner.reference.ReferenceData;

/** An ISO 639-1 language code in lower case that the reference data knows, e.g. en; {@code null} is valid (add @NotNull where a code is required). */
@Documented
@Constraint(validatedBy = IsoLanguage.Validator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoLanguage {

    String message() default "unknown language code; use ISO 639-1 in lower case, e.g. en";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the code against the reference languages. */
    class Validator implements ConstraintValidator<IsoLanguage, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || ReferenceData.get().isLanguage(value);
        }
    }
}
