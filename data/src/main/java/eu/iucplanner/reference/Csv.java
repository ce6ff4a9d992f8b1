package eu.iucplanner.reference;

import java.util.List;

import eu.iucplanner.csv.CsvTable;

/** The committed reference CSV resources, read by the project's one CSV component. */
final class Csv {

    private Csv() {
    }

    /** The data rows of a classpath resource, header skipped; each row split into its fields. */
    static List<String[]> readResource(String resource) {
        return CsvTable.readResource(Csv.class, resource).stream().map(row -> row.toArray(String[]::new)).toList();
    }
}
