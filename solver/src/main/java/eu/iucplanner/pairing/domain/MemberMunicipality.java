package eu.iucplanner.pairing.domain;

import java.util.Objects;

/** One municipality of a group application, with its own population. */
public record MemberMunicipality(String name, long population) {

    public MemberMunicipality {
        Objects.requireNonNull(name, "name");
    }
}
