package eu.iucplanner.pairing.csv;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import eu.iucplanner.csv.CsvColumn;

/**
 * The columns of an applicant pool as CSV, in their canonical order: the one list that the service's CSV reader, the
 * demo-pool writer and the API documentation share. Lists inside a cell are separated by {@code ;}.
 */
public enum ApplicantColumn {
    ID("id", true, true, "the applicant's id, unique in the pool"),
    NAME("name", true, true, "the city's, group's or region's name"),
    COUNTRY("country", true, true, "ISO 3166-1 alpha-2 country code in capitals, e.g. FR"),
    REGION("region", true, false, "programme region, only to override the call's country mapping"),
    KIND("kind", true, false, "CITY (default), MUNICIPALITY_GROUP or SUB_NATIONAL_GOVERNMENT"),
    POPULATION("population", false, false, "inhabitants; leave empty for a group with members"),
    MEMBERS("members", true, false, "a group's member municipalities as name:population;..."),
    LEAD_AUTHORITY_CONTACT("lead_authority_contact", true, false, "the lead urban authority's contact"),
    LANGUAGES("languages", true, false, "ISO 639-1 working languages, main first, e.g. fr;en"),
    CHALLENGES("challenges", true, false, "themes with priority 1-3 as theme:priority;..."),
    PREFERRED_PARTNER_REGIONS("preferred_partner_regions", true, false, "partner regions preferred, e.g. ASIA"),
    COMMITTED_MONTHS("committed_months", false, false, "months committed (default: the call's minimum)"),
    MAX_PARTNERS("max_partners", false, false, "partners it takes (default 1)"),
    COVENANT_SIGNATORY("covenant_signatory", true, false, "true or false: a Covenant of Mayors signatory"),
    EXCLUDED_PARTNERS("excluded_partners", true, false, "ids of applicants it must not be paired with, ;-separated"),
    LATITUDE("latitude", false, false, "decimal degrees"),
    LONGITUDE("longitude", false, false, "decimal degrees");

    private final String header;
    private final boolean text;
    private final boolean required;
    private final String description;

    ApplicantColumn(String header, boolean text, boolean required, String description) {
        this.header = header;
        this.text = text;
        this.required = required;
        this.description = description;
    }

    /** The column's name in a header line. */
    public String header() {
        return header;
    }

    public boolean required() {
        return required;
    }

    public String description() {
        return description;
    }

    public CsvColumn csvColumn() {
        return new CsvColumn(header, text);
    }

    public static Optional<ApplicantColumn> byHeader(String header) {
        return Arrays.stream(values()).filter(column -> column.header.equals(header)).findFirst();
    }

    public static List<String> headers() {
        return Arrays.stream(values()).map(ApplicantColumn::header).toList();
    }

    /** Every column with its meaning, for documentation. */
    public static String describeAll() {
        return Arrays.stream(values())
                .map(column -> column.header + (column.required ? " (required)" : "") + ": " + column.description)
                .collect(Collectors.joining("; "));
    }
}
