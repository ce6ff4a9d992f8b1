package eu.iucplanner.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * The one CSV component of the project, on jackson-dataformat-csv: every CSV it reads (applicant pools, reference
 * data) and writes (pools, pairs, schedules) goes through here.
 * <ul>
 * <li>Reading: RFC 4180 records (quoted fields may hold commas, doubled quotes and line breaks; LF or CRLF), each
 * with the line it starts on, so errors can name the row; a byte-order mark is ignored.</li>
 * <li>Writing: RFC 4180 with CRLF line ends, a field quoted when it holds a comma, quote, CR or LF. A text cell that
 * starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a CR gets a leading apostrophe, so a spreadsheet
 * shows it as text instead of running it as a formula (OWASP "CSV injection"); reading takes that apostrophe off
 * again, so a file written here reads back to the same values.</li>
 * </ul>
 */
public final class CsvTable {

    private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            // Quote a field only when RFC 4180 needs it (comma, quote, CR, LF), not every field with a '+'.
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    private static final CsvSchema SCHEMA = CsvSchema.emptySchema().withLineSeparator("\r\n");
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvTable() {
    }

    /**
     * The records of a CSV text, blank lines included (callers skip them where they mean nothing).
     *
     * @throws CsvFormatException when the text is not RFC 4180 (e.g. an unclosed quote), naming the line
     */
    public static List<CsvRecord> read(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<CsvRecord> records = new ArrayList<>();
        try (CsvParser parser = (CsvParser) MAPPER.getFactory().createParser(body)) {
            parser.setSchema(CsvSchema.emptySchema());
            JsonToken token = parser.nextToken();
            if (token != JsonToken.START_ARRAY) {
                return records;
            }
            while ((token = parser.nextToken()) == JsonToken.START_ARRAY) {
                int line = 0;
                List<String> cells = new ArrayList<>();
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (token == null) {
                        throw new CsvFormatException(line, "line " + line + ": the record is not complete");
                    }
                    if (cells.isEmpty()) {
                        // The record's first field tells its line (the array's start still points at the previous).
                        line = line(parser.currentTokenLocation());
                    }
                    cells.add(unneutralise(parser.getText()));
                }
                records.add(new CsvRecord(line, cells));
            }
            return records;
        } catch (JsonProcessingException e) {
            int line = line(e.getLocation());
            String message = e.getOriginalMessage();
            if (message != null && message.startsWith("Missing closing quote")) {
                message = "a quoted field is never closed";
            }
            throw new CsvFormatException(line, "line " + line + ": " + message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The data records of a classpath resource in UTF-8, header and blank lines skipped. */
    public static List<List<String>> readResource(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + resource + " is missing");
            }
            List<CsvRecord> records = read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return records.stream().skip(1).filter(record -> !record.isBlank()).map(CsvRecord::cells).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /**
     * A CSV text: the header of the columns, then one record per row (a row holds one value per column, {@code null}
     * for an empty cell; numbers and other values are written with {@code toString()}).
     */
    public static String write(List<CsvColumn> columns, Iterable<? extends List<?>> rows) {
        StringWriter out = new StringWriter();
        try (SequenceWriter writer = MAPPER.writerFor(String[].class).with(SCHEMA).writeValues(out)) {
            writer.write(columns.stream().map(CsvColumn::name).toArray(String[]::new));
            for (List<?> row : rows) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException("A row has " + row.size() + " cells for " + columns.size()
                            + " columns");
                }
                String[] cells = new String[row.size()];
                for (int i = 0; i < cells.length; i++) {
                    String value = row.get(i) == null ? "" : Objects.toString(row.get(i));
                    cells[i] = columns.get(i).text() ? neutralise(value) : value;
                }
                writer.write(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A text cell as written: with a leading apostrophe when a spreadsheet would take it for a formula. */
    static String neutralise(String value) {
        return !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static String unneutralise(String value) {
        return value.length() > 1 && value.charAt(0) == '\'' && FORMULA_STARTS.indexOf(value.charAt(1)) >= 0
                ? value.substring(1) : value;
    }

    private static int line(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? 1 : location.getLineNr();
    }
}
