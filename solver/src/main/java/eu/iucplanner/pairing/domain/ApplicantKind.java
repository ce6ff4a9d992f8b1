package eu.iucplanner.pairing.domain;

/**
 * What kind of body applies. Regions and provinces are {@link #SUB_NATIONAL_GOVERNMENT}: the applicants of a
 * {@link CallKind#REGION_TO_REGION} call, never eligible in a city-to-city call.
 */
public enum ApplicantKind {
    CITY,
    MUNICIPALITY_GROUP,
    SUB_NATIONAL_GOVERNMENT
}
