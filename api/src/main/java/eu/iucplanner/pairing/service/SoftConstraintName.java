package eu.iucplanner.pairing.service;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import eu.iucplanner.pairing.constraints.PairingConstraintProvider;
import eu.iucplanner.validation.Messages;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** The name of a pairing constraint whose weight a request may change: a soft one. */
@Documented
@Constraint(validatedBy = SoftConstraintName.Validator.class)
@Target({ ElementType.TYPE_USE, ElementType.FIELD, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface SoftConstraintName {

    /** The constraints whose weight a request may change. */
    List<String> SOFT_CONSTRAINTS = List.of(PairingConstraintProvider.SHARED_CHALLENGES,
            PairingConstraintProvider.SIZE_SIMILARITY, PairingConstraintProvider.COMMON_WORKING_LANGUAGE,
            PairingConstraintProvider.PREFERRED_PARTNER_REGION, PairingConstraintProvider.REGIONAL_BALANCE,
            PairingConstraintProvider.COVENANT_OF_MAYORS_SIGNATORIES,
            PairingConstraintProvider.POPULATION_BELOW_THRESHOLD,
            PairingConstraintProvider.COUNTRY_ABOVE_SOFT_CAP, PairingConstraintProvider.THEME_ABOVE_SOFT_CAP,
            PairingConstraintProvider.EARLIER_PAIR_FORMED_AGAIN, PairingConstraintProvider.RETURNING_PARTICIPANTS,
            PairingConstraintProvider.CLUSTER_COHERENCE);

    String message() default "unknown constraint";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Tells a hard or medium rule from an unknown name. */
    class Validator implements ConstraintValidator<SoftConstraintName, String> {

        @Override
        public boolean isValid(String name, ConstraintValidatorContext context) {
            if (name != null && SOFT_CONSTRAINTS.contains(name)) {
                return true;
            }
            boolean known = name != null && PairingConstraintProvider.DEFAULT_WEIGHTS.containsKey(name);
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(Messages.literal(known
                    ? "is a hard or medium rule; only soft constraint weights can be changed"
                    : "unknown constraint; the soft constraints are " + SOFT_CONSTRAINTS)).addConstraintViolation();
            return false;
        }
    }
}
