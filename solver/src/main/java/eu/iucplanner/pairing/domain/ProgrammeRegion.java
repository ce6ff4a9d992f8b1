package eu.iucplanner.pairing.domain;

/**
 * A programme region of a call. Every pair joins one {@link #EU} applicant with one applicant from a partner region.
 */
public enum ProgrammeRegion {
    EU("the EU"),
    NORTH_AMERICA("North America"),
    LATIN_AMERICA_CARIBBEAN("Latin America and the Caribbean"),
    ASIA("Asia and Australasia");

    private final String label;

    ProgrammeRegion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isPartnerRegion() {
        return this != EU;
    }
}
