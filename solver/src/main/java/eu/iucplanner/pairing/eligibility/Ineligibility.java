package eu.iucplanner.pairing.eligibility;

import java.util.Objects;

/** One reason an applicant is not eligible, with a sentence a coordinator can pass on to the applicant. */
public record Ineligibility(IneligibilityReason reason, String message) {

    public Ineligibility {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }
}
