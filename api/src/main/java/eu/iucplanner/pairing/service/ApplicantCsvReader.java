package eu.iucplanner.pairing.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import eu.iucplanner.csv.CsvFormatException;
import eu.iucplanner.csv.CsvRecord;
import eu.iucplanner.csv.CsvTable;
import eu.iucplanner.pairing.csv.ApplicantColumn;
import eu.iucplanner.pairing.domain.ApplicantKind;
import eu.iucplanner.pairing.domain.ProgrammeRegion;
import eu.iucplanner.validation.Messages;
import eu.iucplanner.problem.FieldError;
import eu.iucplanner.problem.ProblemException;

/**
 * Reads an applicant pool from CSV (through the project's CSV component): a header naming columns of
 * {@link ApplicantColumn} in any order ({@code id}, {@code name} and {@code country} required), one applicant a row.
 * Lists are separated by {@code ;}; members are {@code name:population}; challenges are {@code theme:priority}.
 * Errors name the field as {@code applicants[i].column} and say the line.
 */
public final class ApplicantCsvReader {

    private ApplicantCsvReader() {
    }

    /** @throws ProblemException (invalid) naming every cell, header column or line that cannot be read */
    public static List<ApplicantDto> read(String text) {
        List<CsvRecord> records;
        try {
            records = CsvTable.read(text == null ? "" : text);
        } catch (CsvFormatException e) {
            throw ProblemException.invalid("$", e.getMessage());
        }
        if (records.isEmpty() || records.get(0).isBlank()) {
            throw ProblemException.invalid("$", "The CSV is empty; the first line must name the columns: "
                    + ApplicantColumn.headers());
        }
        List<FieldError> errors = new ArrayList<>();
        List<String> header = records.get(0).cells().stream().map(String::strip).toList();
        Map<ApplicantColumn, Integer> index = new EnumMap<>(ApplicantColumn.class);
        for (int i = 0; i < header.size(); i++) {
            Optional<ApplicantColumn> column = ApplicantColumn.byHeader(header.get(i));
            if (column.isEmpty()) {
                errors.add(new FieldError("header[" + i + "]", "unknown column " + Messages.quote(header.get(i))
                        + "; known: " + ApplicantColumn.headers()));
            } else if (index.putIfAbsent(column.get(), i) != null) {
                errors.add(new FieldError("header[" + i + "]", "repeats the column "
                        + Messages.quote(header.get(i))));
            }
        }
        for (ApplicantColumn column : ApplicantColumn.values()) {
            if (column.required() && !index.containsKey(column)) {
                errors.add(new FieldError("header", "the column " + Messages.quote(column.header())
                        + " is required"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        List<ApplicantDto> applicants = new ArrayList<>();
        for (CsvRecord record : records.subList(1, records.size())) {
            if (record.isBlank()) {
                continue;
            }
            Row row = new Row(applicants.size(), record, index, errors);
            if (record.cells().size() != header.size()) {
                errors.add(new FieldError("applicants[" + row.i + "]", "line " + record.line() + " has "
                        + record.cells().size() + " fields, the header " + header.size()));
                applicants.add(null);
                continue;
            }
            applicants.add(row.applicant());
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return applicants;
    }

    /** One data row and where to report its errors. */
    private static final class Row {
        private final int i;
        private final CsvRecord record;
        private final Map<ApplicantColumn, Integer> index;
        private final List<FieldError> errors;

        Row(int i, CsvRecord record, Map<ApplicantColumn, Integer> index, List<FieldError> errors) {
            this.i = i;
            this.record = record;
            this.index = index;
            this.errors = errors;
        }

        ApplicantDto applicant() {
            return new ApplicantDto(text(ApplicantColumn.ID), text(ApplicantColumn.NAME),
                    text(ApplicantColumn.COUNTRY), enumValue(ApplicantColumn.REGION, ProgrammeRegion.class),
                    enumValue(ApplicantColumn.KIND, ApplicantKind.class), number(ApplicantColumn.POPULATION),
                    members(), text(ApplicantColumn.LEAD_AUTHORITY_CONTACT), list(ApplicantColumn.LANGUAGES),
                    challenges(), regions(), integer(ApplicantColumn.COMMITTED_MONTHS),
                    integer(ApplicantColumn.MAX_PARTNERS), bool(), list(ApplicantColumn.EXCLUDED_PARTNERS),
                    decimal(ApplicantColumn.LATITUDE), decimal(ApplicantColumn.LONGITUDE));
        }

        private String text(ApplicantColumn column) {
            Integer at = index.get(column);
            if (at == null) {
                return null;
            }
            String value = record.cells().get(at).strip();
            return value.isEmpty() ? null : value;
        }

        private void error(ApplicantColumn column, String message) {
            errors.add(new FieldError("applicants[" + i + "]." + column.header(), "line " + record.line() + ": "
                    + message));
        }

        private Long number(ApplicantColumn column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return Long.parseLong(value.replace("_", ""));
            } catch (NumberFormatException e) {
                error(column, Messages.quote(value) + " is not a whole number");
                return null;
            }
        }

        private Integer integer(ApplicantColumn column) {
            Long value = number(column);
            if (value != null && (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE)) {
                error(column, Messages.quote(value) + " is out of range");
                return null;
            }
            return value == null ? null : value.intValue();
        }

        private Double decimal(ApplicantColumn column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                double parsed = Double.parseDouble(value);
                if (!Double.isFinite(parsed)) {
                    error(column, Messages.quote(value) + " is not a finite number");
                    return null;
                }
                return parsed;
            } catch (NumberFormatException e) {
                error(column, Messages.quote(value) + " is not a number");
                return null;
            }
        }

        private Boolean bool() {
            String value = text(ApplicantColumn.COVENANT_SIGNATORY);
            if (value == null) {
                return null;
            }
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(value);
            }
            error(ApplicantColumn.COVENANT_SIGNATORY, Messages.quote(value) + " is not true or false");
            return null;
        }

        private <E extends Enum<E>> E enumValue(ApplicantColumn column, Class<E> type) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                error(column, Messages.quote(value) + " is not one of "
                        + Arrays.toString(type.getEnumConstants()));
                return null;
            }
        }

        private List<String> list(ApplicantColumn column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            return Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        private List<ProgrammeRegion> regions() {
            List<String> values = list(ApplicantColumn.PREFERRED_PARTNER_REGIONS);
            if (values == null) {
                return null;
            }
            Set<ProgrammeRegion> regions = new LinkedHashSet<>();
            for (String value : values) {
                try {
                    regions.add(ProgrammeRegion.valueOf(value));
                } catch (IllegalArgumentException e) {
                    error(ApplicantColumn.PREFERRED_PARTNER_REGIONS, Messages.quote(value) + " is not one of "
                            + Arrays.toString(ProgrammeRegion.values()));
                }
            }
            return List.copyOf(regions);
        }

        private List<ApplicantDto.MemberDto> members() {
            List<String> values = list(ApplicantColumn.MEMBERS);
            if (values == null) {
                return null;
            }
            List<ApplicantDto.MemberDto> members = new ArrayList<>();
            for (String value : values) {
                int colon = value.lastIndexOf(':');
                if (colon <= 0) {
                    error(ApplicantColumn.MEMBERS, Messages.quote(value) + " is not name:population");
                    continue;
                }
                try {
                    members.add(new ApplicantDto.MemberDto(value.substring(0, colon).strip(),
                            Long.parseLong(value.substring(colon + 1).strip())));
                } catch (NumberFormatException e) {
                    error(ApplicantColumn.MEMBERS, Messages.quote(value)
                            + " has no whole-number population after the colon");
                }
            }
            return members;
        }

        private List<ApplicantDto.ChallengeDto> challenges() {
            List<String> values = list(ApplicantColumn.CHALLENGES);
            if (values == null) {
                return null;
            }
            List<ApplicantDto.ChallengeDto> challenges = new ArrayList<>();
            for (String value : values) {
                int colon = value.lastIndexOf(':');
                if (colon <= 0) {
                    error(ApplicantColumn.CHALLENGES, Messages.quote(value) + " is not theme:priority");
                    continue;
                }
                try {
                    challenges.add(new ApplicantDto.ChallengeDto(value.substring(0, colon).strip(),
                            Integer.parseInt(value.substring(colon + 1).strip())));
                } catch (NumberFormatException e) {
                    error(ApplicantColumn.CHALLENGES, Messages.quote(value) + " has no priority 1-3 after the colon");
                }
            }
            return challenges;
        }
    }
}
