package eu.iucplanner.csv;

import java.util.List;

/**
 * One record of a CSV text.
 *
 * @param line  the line (from 1) the record starts on; a quoted field with line breaks makes the next record start
 *              later than the next line
 * @param cells the fields as written, unquoted
 */
public record CsvRecord(int line, List<String> cells) {

    public CsvRecord {
        cells = List.copyOf(cells);
    }

    /** Whether the record is an empty line. */
    public boolean isBlank() {
        return cells.stream().allMatch(String::isBlank);
    }
}
