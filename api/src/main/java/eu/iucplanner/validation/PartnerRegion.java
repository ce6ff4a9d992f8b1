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

import eu.iucplanner.pairing.domain.ProgrammeRegion;

/** A partner region (not the EU); {@code null} is invalid. */
@Documented
@Constraint(validatedBy = PartnerRegion.Validator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface PartnerRegion {

    String message() default "must be a partner region: NORTH_AMERICA, LATIN_AMERICA_CARIBBEAN or ASIA";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks that the region is on the partner side. */
    class Validator implements ConstraintValidator<PartnerRegion, ProgrammeRegion> {

        @Override
        public boolean isValid(ProgrammeRegion value, ConstraintValidatorContext context) {
            return value != null && value.isPartnerRegion();
        }
    }
}
