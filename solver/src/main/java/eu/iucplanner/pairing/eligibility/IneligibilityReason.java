package eu.iucplanner.pairing.eligibility;

/** Machine-readable reasons why an applicant cannot be paired under a call. */
public enum IneligibilityReason {
    /** The (total) population is not more than the call's threshold. */
    POPULATION_AT_OR_BELOW_THRESHOLD,
    /** With a population preference: the counted population is not more than the call's floor. */
    POPULATION_AT_OR_BELOW_FLOOR,
    /** A group of municipalities named no lead urban authority contact. */
    GROUP_WITHOUT_LEAD_AUTHORITY,
    /** In a city-to-city call: regions and provinces may support cities, but are not eligible applicants themselves. */
    SUB_NATIONAL_GOVERNMENT,
    /** In a region-to-region call: the applicant is a city or a group of municipalities, not a sub-national government. */
    NOT_A_REGION,
    /** The applicant commits to fewer months than the call's minimum cooperation. */
    COMMITMENT_TOO_SHORT,
    /** The applicant's country is not mapped to any programme region of the call. */
    COUNTRY_OUTSIDE_PROGRAMME_REGIONS
}
