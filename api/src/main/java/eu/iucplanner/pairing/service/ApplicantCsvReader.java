package eu.iucplanner.pairing.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import eu.iucplanner.pairing.domain.ApplicantKind;
import eu.iucplanner.pairing.domain.ProgrammeRegion;
import eu.iucplanner.pairing.rest.ApplicantDto;
import eu.iucplanner.web.ApiException;
import eu.iucplanner.web.FieldErrorView;

/**
 * Reads an applicant pool from CSV (RFC 4180: a header line, fields separated by commas, quoted with {@code "} when
 * they hold a comma, quote or line break). The header names the columns in any order; {@code id}, {@code name} and
 * {@code country} are required. Lists are separated by {@code ;}; members are {@code name:population}; challenges
 * are {@code theme:priority}. Errors name the field as {@code applicants[i].column}, where data row {@code i} is on
 * line {@code i + 2}.
 */
public final class ApplicantCsvReader {

    /** The columns this reader knows, in the canonical order of the demo pools' CSV. */
    public static final List<String> COLUMNS = List.of("id", "name", "country", "region", "kind", "population",
            "members", "lead_authority_contact", "languages", "challenges", "preferred_partner_regions",
            "committed_months", "max_partners", "covenant_signatory", "excluded_partners", "latitude",
            "longitude");
    private static final List<String> REQUIRED = List.of("id", "name", "country");

    private ApplicantCsvReader() {
    }

    public static List<ApplicantDto> read(String text) {
        List<FieldErrorView> errors = new ArrayList<>();
        List<List<String>> records = parse(text == null ? "" : text, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (records.isEmpty() || records.get(0).stream().allMatch(String::isBlank)) {
            throw ApiException.invalid("$", "The CSV is empty; the first line must name the columns: " + COLUMNS);
        }
        List<String> header = records.get(0).stream().map(String::strip).toList();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i).startsWith("\uFEFF") ? header.get(i).substring(1) : header.get(i);
            if (!COLUMNS.contains(column)) {
                errors.add(new FieldErrorView("header[" + i + "]", "unknown column '" + column + "'; known: "
                        + COLUMNS));
            } else if (index.putIfAbsent(column, i) != null) {
                errors.add(new FieldErrorView("header[" + i + "]", "repeats the column '" + column + "'"));
            }
        }
        for (String required : REQUIRED) {
            if (!index.containsKey(required)) {
                errors.add(new FieldErrorView("header", "the column '" + required + "' is required"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        List<ApplicantDto> applicants = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> record = records.get(r);
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            Row row = new Row(applicants.size(), r + 1, record, index, errors);
            if (record.size() != header.size()) {
                errors.add(new FieldErrorView("applicants[" + row.i + "]", "line " + row.line + " has "
                        + record.size() + " fields, the header " + header.size()));
                applicants.add(null);
                continue;
            }
            applicants.add(row.applicant());
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return applicants;
    }

    /** One data row and where to report its errors. */
    private static final class Row {
        private final int i;
        private final int line;
        private final List<String> fields;
        private final Map<String, Integer> index;
        private final List<FieldErrorView> errors;

        Row(int i, int line, List<String> fields, Map<String, Integer> index, List<FieldErrorView> errors) {
            this.i = i;
            this.line = line;
            this.fields = fields;
            this.index = index;
            this.errors = errors;
        }

        ApplicantDto applicant() {
            return new ApplicantDto(text("id"), text("name"), text("country"),
                    enumValue("region", ProgrammeRegion.class), enumValue("kind", ApplicantKind.class),
                    number("population"), members(), text("lead_authority_contact"), list("languages"),
                    challenges(), regions(), integer("committed_months"), integer("max_partners"), bool(),
                    list("excluded_partners"), decimal("latitude"), decimal("longitude"));
        }

        private String raw(String column) {
            Integer at = index.get(column);
            if (at == null || at >= fields.size()) {
                return null;
            }
            String value = fields.get(at).strip();
            return value.isEmpty() ? null : value;
        }

        private String text(String column) {
            return raw(column);
        }

        private void error(String column, String message) {
            errors.add(new FieldErrorView("applicants[" + i + "]." + column, "line " + line + ": " + message));
        }

        private Long number(String column) {
            String value = raw(column);
            if (value == null) {
                return null;
            }
            try {
                return Long.parseLong(value.replace("_", ""));
            } catch (NumberFormatException e) {
                error(column, "'" + value + "' is not a whole number");
                return null;
            }
        }

        private Integer integer(String column) {
            Long value = number(column);
            if (value != null && (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE)) {
                error(column, "'" + value + "' is out of range");
                return null;
            }
            return value == null ? null : value.intValue();
        }

        private Double decimal(String column) {
            String value = raw(column);
            if (value == null) {
                return null;
            }
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                error(column, "'" + value + "' is not a number");
                return null;
            }
        }

        private Boolean bool() {
            String value = raw("covenant_signatory");
            if (value == null) {
                return null;
            }
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(value);
            }
            error("covenant_signatory", "'" + value + "' is not true or false");
            return null;
        }

        private <E extends Enum<E>> E enumValue(String column, Class<E> type) {
            String value = raw(column);
            if (value == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                error(column, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
                return null;
            }
        }

        private List<String> list(String column) {
            String value = raw(column);
            if (value == null) {
                return null;
            }
            return Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        private List<ProgrammeRegion> regions() {
            List<String> values = list("preferred_partner_regions");
            if (values == null) {
                return null;
            }
            Set<ProgrammeRegion> regions = new LinkedHashSet<>();
            for (String value : values) {
                try {
                    regions.add(ProgrammeRegion.valueOf(value));
                } catch (IllegalArgumentException e) {
                    error("preferred_partner_regions", "'" + value + "' is not one of "
                            + Arrays.toString(ProgrammeRegion.values()));
                }
            }
            return List.copyOf(regions);
        }

        private List<ApplicantDto.MemberDto> members() {
            List<String> values = list("members");
            if (values == null) {
                return null;
            }
            List<ApplicantDto.MemberDto> members = new ArrayList<>();
            for (String value : values) {
                int colon = value.lastIndexOf(':');
                if (colon <= 0) {
                    error("members", "'" + value + "' is not name:population");
                    continue;
                }
                try {
                    members.add(new ApplicantDto.MemberDto(value.substring(0, colon).strip(),
                            Long.parseLong(value.substring(colon + 1).strip())));
                } catch (NumberFormatException e) {
                    error("members", "'" + value + "' has no whole-number population after the colon");
                }
            }
            return members;
        }

        private List<ApplicantDto.ChallengeDto> challenges() {
            List<String> values = list("challenges");
            if (values == null) {
                return null;
            }
            List<ApplicantDto.ChallengeDto> challenges = new ArrayList<>();
            for (String value : values) {
                int colon = value.lastIndexOf(':');
                if (colon <= 0) {
                    error("challenges", "'" + value + "' is not theme:priority");
                    continue;
                }
                try {
                    challenges.add(new ApplicantDto.ChallengeDto(value.substring(0, colon).strip(),
                            Integer.parseInt(value.substring(colon + 1).strip())));
                } catch (NumberFormatException e) {
                    error("challenges", "'" + value + "' has no priority 1-3 after the colon");
                }
            }
            return challenges;
        }
    }

    /** RFC 4180 records; a quoted field may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parse(String text, List<FieldErrorView> errors) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int quoteLine = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                quoted = true;
                quoteLine = line;
                field.setLength(0);
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                line++;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            errors.add(new FieldErrorView("$", "line " + quoteLine + ": a quoted field is never closed"));
        }
        if (!field.isEmpty() || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
