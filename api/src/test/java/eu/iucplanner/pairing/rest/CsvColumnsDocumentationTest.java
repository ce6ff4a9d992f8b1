package eu.iucplanner.pairing.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import eu.iucplanner.pairing.csv.ApplicantColumn;

/**
 * The CSV submission's OpenAPI description names its columns in an annotation, which needs a constant; this keeps the
 * constant equal to the one column list the reader, the writer and the template use.
 */
class CsvColumnsDocumentationTest {

    @Test
    void theDocumentedColumnsAreTheReadersColumnsInItsOrder() {
        String expected = Arrays.stream(ApplicantColumn.values())
                .map(column -> column.header() + (column.required() ? " (required)" : ""))
                .collect(Collectors.joining(", ", "", "."));
        assertThat(PairingRunController.CSV_COLUMNS).isEqualTo(expected);
    }
}
