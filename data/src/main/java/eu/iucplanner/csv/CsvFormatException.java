package eu.iucplanner.csv;

/** A CSV text that is not RFC 4180, e.g. a quoted field that is never closed. */
public class CsvFormatException extends RuntimeException {

    private final int line;

    public CsvFormatException(int line, String message) {
        super(message);
        this.line = line;
    }

    /** The line (from 1) where the problem was found. */
    public int line() {
        return line;
    }
}
