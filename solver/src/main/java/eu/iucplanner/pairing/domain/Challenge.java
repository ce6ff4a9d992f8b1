package eu.iucplanner.pairing.domain;

import java.util.Objects;

/**
 * A theme an applicant wants to work on, with its priority: 3 is the applicant's top concern, 1 a side interest.
 */
public record Challenge(String theme, int priority) {

    public static final int MIN_PRIORITY = 1;
    public static final int MAX_PRIORITY = 3;

    public Challenge {
        Objects.requireNonNull(theme, "theme");
        if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
            throw new IllegalArgumentException("priority must be 1 to 3, was " + priority);
        }
    }
}
