package eu.iucplanner.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTableTest {

    private static final List<CsvColumn> COLUMNS = List.of(CsvColumn.text("name"), CsvColumn.number("longitude"),
            CsvColumn.text("note"));

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaksAndTellsTheLineOfEachRecord() {
        List<CsvRecord> records = CsvTable.read("\uFEFFid,name\r\n1,\"Washington, D.C.\"\n2,\"a \"\"b\"\"\nc\"\n3,\n");
        assertThat(records).extracting(CsvRecord::line).containsExactly(1, 2, 3, 5);
        assertThat(records.get(0).cells()).containsExactly("id", "name");
        assertThat(records.get(1).cells()).containsExactly("1", "Washington, D.C.");
        assertThat(records.get(2).cells()).containsExactly("2", "a \"b\"\nc");
        assertThat(records.get(3).cells()).containsExactly("3", "");
    }

    @Test
    void anUnclosedQuoteNamesItsLine() {
        assertThatThrownBy(() -> CsvTable.read("id,name\nx,\"Lyon,FR\n"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("never closed");
    }

    @Test
    void writesRfc4180WithCrlfAndQuotesCellsThatNeedIt() {
        String csv = CsvTable.write(COLUMNS, List.of(Arrays.asList("Lyon, FR", -4.85, "two\r\nlines"),
                Arrays.asList("say \"hi\"", null, "cr\ronly")));
        assertThat(csv).isEqualTo("name,longitude,note\r\n\"Lyon, FR\",-4.85,\"two\r\nlines\"\r\n"
                + "\"say \"\"hi\"\"\",,\"cr\ronly\"\r\n");
    }

    @Test
    void textCellsThatASpreadsheetWouldRunAsFormulasAreNeutralisedButNumbersAreNot() {
        String csv = CsvTable.write(COLUMNS, List.of(Arrays.asList("=HYPERLINK(\"http://x\")", -71.06, "+1"),
                Arrays.asList("-Town", -8.6, "@SUM(A1)"), Arrays.asList("\tTab", 1, "\rCR")));
        List<CsvRecord> records = CsvTable.read(csv);
        String[] lines = csv.split("\r\n");
        assertThat(lines[1]).startsWith("\"'=HYPERLINK(").endsWith(",-71.06,'+1");
        assertThat(lines[2]).isEqualTo("'-Town,-8.6,'@SUM(A1)");
        assertThat(csv).contains("'\tTab").contains("\"'\rCR\"");
        // Reading takes the apostrophe off again: written values read back as they were.
        assertThat(records.get(1).cells()).containsExactly("=HYPERLINK(\"http://x\")", "-71.06", "+1");
        assertThat(records.get(2).cells()).containsExactly("-Town", "-8.6", "@SUM(A1)");
        assertThat(records.get(3).cells()).containsExactly("\tTab", "1", "\rCR");
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsAProgrammingError() {
        assertThatThrownBy(() -> CsvTable.write(COLUMNS, List.of(List.of("only one"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
