package eu.iucplanner.pairing.domain;

/**
 * Which strand of the programme a call belongs to, and so which bodies are its applicants. Both strands are paired by
 * the same engine under the same rules; only eligibility differs.
 */
public enum CallKind {
    /** Cities and groups of municipalities apply; sub-national governments may support them but are refused. */
    CITY_TO_CITY("city-to-city"),
    /**
     * Sub-national governments (first-level subdivisions: states, regions, provinces) apply, as in the programme's
     * region-to-region component; cities and groups of municipalities are refused.
     */
    REGION_TO_REGION("region-to-region");

    private final String label;

    CallKind(String label) {
        this.label = label;
    }

    /** E.g. "region-to-region". */
    public String label() {
        return label;
    }

    /** Whether an applicant of this kind may apply to a call of this strand. */
    public boolean takes(ApplicantKind kind) {
        return this == REGION_TO_REGION ? kind == ApplicantKind.SUB_NATIONAL_GOVERNMENT
                : kind != ApplicantKind.SUB_NATIONAL_GOVERNMENT;
    }
}
