package eu.iucplanner.pairing.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import eu.iucplanner.demo.DemoPoolSize;
import eu.iucplanner.demo.DemoPools;
import eu.iucplanner.pairing.csv.ApplicantCsv;
import eu.iucplanner.pairing.domain.ApplicantKind;
import eu.iucplanner.pairing.domain.ApplicantProfile;
import eu.iucplanner.pairing.domain.PairingProblem;
import eu.iucplanner.pairing.domain.ProgrammeRegion;
import eu.iucplanner.problem.ProblemException;
import eu.iucplanner.problem.FieldError;

class ApplicantCsvReaderTest {

    @Test
    void readsEveryColumnWithQuotesCommasLineBreaksAndDiacritics() {
        String csv = "\uFEFFname,id,country,kind,members,lead_authority_contact,languages,challenges,"
                + "preferred_partner_regions,committed_months,max_partners,covenant_signatory,excluded_partners,"
                + "latitude,longitude\r\n"
                + "\"Métropole, \"\"Grand\"\" Nancy\",fr-1,FR,MUNICIPALITY_GROUP,Nancy:104000;Vandœuvre:29000,"
                + "\"Office of\nthe president\",fr;en,Urban mobility:3;Housing:1,ASIA;NORTH_AMERICA,24,2,true,us-1,"
                + "48.69,6.18\r\n";
        List<ApplicantDto> applicants = ApplicantCsvReader.read(csv);
        assertThat(applicants).hasSize(1);
        ApplicantDto a = applicants.get(0);
        assertThat(a.name()).isEqualTo("Métropole, \"Grand\" Nancy");
        assertThat(a.id()).isEqualTo("fr-1");
        assertThat(a.kind()).isEqualTo(ApplicantKind.MUNICIPALITY_GROUP);
        assertThat(a.members()).containsExactly(new ApplicantDto.MemberDto("Nancy", 104_000L),
                new ApplicantDto.MemberDto("Vandœuvre", 29_000L));
        assertThat(a.leadAuthorityContact()).isEqualTo("Office of\nthe president");
        assertThat(a.languages()).containsExactly("fr", "en");
        assertThat(a.challenges()).containsExactly(new ApplicantDto.ChallengeDto("Urban mobility", 3),
                new ApplicantDto.ChallengeDto("Housing", 1));
        assertThat(a.preferredPartnerRegions()).containsExactly(ProgrammeRegion.ASIA, ProgrammeRegion.NORTH_AMERICA);
        assertThat(a.committedMonths()).isEqualTo(24);
        assertThat(a.maxPartners()).isEqualTo(2);
        assertThat(a.covenantSignatory()).isTrue();
        assertThat(a.excludedPartnerIds()).containsExactly("us-1");
        assertThat(a.latitude()).isEqualTo(48.69);
        assertThat(a.population()).isNull();
    }

    @Test
    void namesEveryBadCellWithItsLine() {
        String csv = "id,name,country,population,kind,challenges\n"
                + "a,A,FR,1e5,TOWN,Housing\n"
                + "\n"
                + "b,B,US,200000,CITY,Housing:x\n";
        assertThatThrownBy(() -> ApplicantCsvReader.read(csv))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors()).containsExactlyInAnyOrder(
                        new FieldError("applicants[0].population", "line 2: '1e5' is not a whole number"),
                        new FieldError("applicants[0].kind",
                                "line 2: 'TOWN' is not one of [CITY, MUNICIPALITY_GROUP, SUB_NATIONAL_GOVERNMENT]"),
                        new FieldError("applicants[0].challenges", "line 2: 'Housing' is not theme:priority"),
                        new FieldError("applicants[1].challenges",
                                "line 4: 'Housing:x' has no priority 1-3 after the colon")));
    }

    @Test
    void requiresAHeaderWithTheIdentifyingColumns() {
        assertThatThrownBy(() -> ApplicantCsvReader.read(""))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors()).extracting(
                        FieldError::field).containsExactly("$"));
        assertThatThrownBy(() -> ApplicantCsvReader.read("id,population\n"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors()).extracting(
                        FieldError::message).containsExactly("the column 'name' is required",
                                "the column 'country' is required"));
    }

    @Test
    void aDemoPoolExportedAsCsvReadsBackAsTheSamePool() {
        for (DemoPoolSize size : List.of(DemoPoolSize.SMALL, DemoPoolSize.MEDIUM)) {
            PairingProblem pool = DemoPools.generate(size);
            List<ApplicantDto> read = ApplicantCsvReader.read(DemoPools.toCsv(pool));
            List<ApplicantProfile> profiles = read.stream()
                    .map(dto -> PairingRequestMapper.profile(dto, pool.call())).toList();
            assertThat(profiles).as(size.name()).isEqualTo(pool.applicants());
        }
    }

    @Test
    void aHostileNameSurvivesTheRoundTripButAnExportedCellNeverStartsAFormula() {
        ApplicantProfile hostile = ApplicantProfile.builder("=cmd|' /C calc'!A0", "+SUM(1;2)", "FR")
                .population(200_000).languages("fr").leadAuthorityContact("@attacker").coordinates(-8.5, -35.1)
                .build();
        String csv = ApplicantCsv.write(List.of(hostile));
        String[] cells = csv.split("\r\n")[1].split(",");
        for (String cell : cells) {
            assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@");
        }
        assertThat(cells).contains("'=cmd|' /C calc'!A0", "'+SUM(1;2)", "'@attacker", "-8.5", "-35.1");
        ApplicantDto back = ApplicantCsvReader.read(csv).get(0);
        assertThat(back.id()).isEqualTo(hostile.id());
        assertThat(back.name()).isEqualTo(hostile.name());
        assertThat(back.leadAuthorityContact()).isEqualTo("@attacker");
        assertThat(back.latitude()).isEqualTo(-8.5);
    }
}
