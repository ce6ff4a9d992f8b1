package eu.iucplanner.pairing.domain;

import java.util.Objects;

/** Two applicant ids, in either order: a pair to pin or to exclude. */
public record PairRef(String firstId, String secondId) {

    public PairRef {
        Objects.requireNonNull(firstId, "firstId");
        Objects.requireNonNull(secondId, "secondId");
    }

    public boolean names(String id) {
        return firstId.equals(id) || secondId.equals(id);
    }
}
