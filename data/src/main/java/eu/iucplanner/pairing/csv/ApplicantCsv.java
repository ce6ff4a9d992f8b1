package eu.iucplanner.pairing.csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import eu.iucplanner.csv.CsvTable;
import eu.iucplanner.pairing.domain.ApplicantProfile;

/** Writes an applicant pool as CSV, in the columns of {@link ApplicantColumn}. */
public final class ApplicantCsv {

    private ApplicantCsv() {
    }

    public static String write(List<ApplicantProfile> applicants) {
        List<List<Object>> rows = new ArrayList<>();
        for (ApplicantProfile a : applicants) {
            boolean group = !a.members().isEmpty();
            rows.add(Arrays.asList(a.id(), a.name(), a.country(), a.region(), a.kind(),
                    group ? null : a.population(),
                    group ? a.members().stream().map(m -> m.name() + ":" + m.population())
                            .collect(Collectors.joining(";")) : null,
                    a.leadAuthorityContact(), String.join(";", a.languages()),
                    a.challenges().stream().map(c -> c.theme() + ":" + c.priority()).collect(Collectors.joining(";")),
                    a.preferredPartnerRegions().stream().map(Enum::name).collect(Collectors.joining(";")),
                    a.committedMonths(), a.maxPartners(), a.covenantSignatory(),
                    String.join(";", a.excludedPartnerIds()),
                    a.coordinates() == null ? null : a.coordinates().latitude(),
                    a.coordinates() == null ? null : a.coordinates().longitude()));
        }
        return CsvTable.write(Arrays.stream(ApplicantColumn.values()).map(ApplicantColumn::csvColumn).toList(),
                rows);
    }
}
