package eu.iucplanner.csv;

/**
 * A column of a CSV the service writes.
 *
 * @param name the header
 * @param text whether it holds free text (names, ids, themes, sentences), which is neutralised against spreadsheet
 *             formula injection; numeric columns (a negative longitude) are written as they are
 */
public record CsvColumn(String name, boolean text) {

    public static CsvColumn text(String name) {
        return new CsvColumn(name, true);
    }

    public static CsvColumn number(String name) {
        return new CsvColumn(name, false);
    }
}
