package eu.iucplanner.pairing.domain;

/** What kind of body applies. Regions and provinces are {@link #SUB_NATIONAL_GOVERNMENT}, never eligible themselves. */
public enum ApplicantKind {
    CITY,
    MUNICIPALITY_GROUP,
    SUB_NATIONAL_GOVERNMENT
}
