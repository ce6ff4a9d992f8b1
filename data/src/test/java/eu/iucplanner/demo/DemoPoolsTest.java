package eu.iucplanner.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import eu.iucplanner.pairing.domain.Applicant;
import eu.iucplanner.pairing.domain.ApplicantProfile;
import eu.iucplanner.pairing.domain.PairingProblem;
import eu.iucplanner.pairing.domain.ProgrammeRegion;
import eu.iucplanner.pairing.eligibility.EligibilityChecker;
import eu.iucplanner.pairing.eligibility.Ineligibility;
import eu.iucplanner.pairing.eligibility.IneligibilityReason;
import eu.iucplanner.reference.City;
import eu.iucplanner.reference.ReferenceData;

class DemoPoolsTest {

    @ParameterizedTest
    @EnumSource(DemoPoolSize.class)
    void sizeAndUniqueIds(DemoPoolSize size) {
        PairingProblem pool = DemoPools.generate(size);
        assertThat(pool.applicants()).hasSize(size.applicants());
        assertThat(pool.applicants().stream().map(ApplicantProfile::id).distinct()).hasSize(size.applicants());
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherPool() {
        String first = DemoPools.toCsv(DemoPools.generate(DemoPoolSize.MEDIUM, 7L, false));
        String second = DemoPools.toCsv(DemoPools.generate(DemoPoolSize.MEDIUM, 7L, false));
        String other = DemoPools.toCsv(DemoPools.generate(DemoPoolSize.MEDIUM, 8L, false));
        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void smallPoolIsByteForByteStableAcrossRuns() throws Exception {
        // Changes only when the generator or the reference data changes on purpose; then update the digest.
        String csv = DemoPools.toCsv(DemoPools.generate(DemoPoolSize.SMALL));
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(HexFormat.of().formatHex(digest)).isEqualTo(SMALL_DIGEST);
    }

    static final String SMALL_DIGEST = "927f462476d4cade40202c03e8f9a156c6e2fb7694eb17ab00422f82b7062bd7";

    @ParameterizedTest
    @CsvSource({
            "MEDIUM, 9848950b7efe8c44bc20b882510c702cb67c8307bbb094085820f6c813962052",
            "LARGE, 9c1264b51c16b76b437a7bc171e057dd83dbc58777579a9f68b20f3b922a91d9",
            "HUGE, a03bcbd5d1e0cf98440fae422d41729b54ccf1422b29cbc6becbe82c33863495",
            "XL, 3005efff0e8a00eb7e07a0143708a170a0aa076fc31f3eb8ba4afddc101e62ae" })
    void everyPoolIsByteForByteStableAcrossRuns(DemoPoolSize size, String digest) throws Exception {
        // Adding a size must not change the others; XL is pinned too, since its benchmark numbers are quoted.
        String csv = DemoPools.toCsv(DemoPools.generate(size));
        byte[] actual = MessageDigest.getInstance("SHA-256").digest(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(HexFormat.of().formatHex(actual)).isEqualTo(digest);
    }

    @ParameterizedTest
    @EnumSource(value = DemoPoolSize.class, names = { "MEDIUM", "LARGE", "HUGE", "XL" })
    void everyIneligibilityReasonAppears(DemoPoolSize size) {
        PairingProblem pool = DemoPools.generate(size);
        Set<IneligibilityReason> reasons = pool.applicants().stream()
                .flatMap(profile -> EligibilityChecker.check(profile, pool.call()).stream())
                .map(Ineligibility::reason)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(IneligibilityReason.class)));
        // Every pool draws from the call's own countries, so COUNTRY_OUTSIDE_PROGRAMME_REGIONS cannot occur.
        assertThat(reasons).containsExactlyInAnyOrder(IneligibilityReason.POPULATION_AT_OR_BELOW_THRESHOLD,
                IneligibilityReason.GROUP_WITHOUT_LEAD_AUTHORITY, IneligibilityReason.SUB_NATIONAL_GOVERNMENT,
                IneligibilityReason.COMMITMENT_TOO_SHORT);
        long eligible = pool.applicants().stream()
                .filter(profile -> EligibilityChecker.check(profile, pool.call()).isEmpty()).count();
        assertThat((double) eligible / size.applicants()).isBetween(0.80, 0.95);
    }

    @Test
    void realisticSidesAndRealCities() {
        PairingProblem pool = DemoPools.generate(DemoPoolSize.MEDIUM);
        long eu = pool.applicants().stream()
                .filter(profile -> new Applicant(profile, pool.call()).getRegion() == ProgrammeRegion.EU).count();
        assertThat(eu).isEqualTo(84);
        ApplicantProfile first = pool.applicants().get(0);
        City city = ReferenceData.get().city(first.country(), first.name()).orElseThrow();
        assertThat(first.population()).isEqualTo(city.population());
        assertThat(first.coordinates().latitude()).isEqualTo(city.latitude());
        assertThat(first.languages()).startsWith(ReferenceData.get().country(first.country()).orElseThrow()
                .languages().get(0));
        assertThat(pool.applicants()).allSatisfy(profile -> assertThat(profile.challenges()).hasSizeBetween(1, 4));
    }

    @Test
    void regionalTargetsWhenAsked() {
        PairingProblem pool = DemoPools.generate(DemoPoolSize.SMALL, 1L, true);
        assertThat(pool.call().targetPairs()).containsOnlyKeys(ProgrammeRegion.NORTH_AMERICA,
                ProgrammeRegion.LATIN_AMERICA_CARIBBEAN, ProgrammeRegion.ASIA);
        assertThat(DemoPools.generate(DemoPoolSize.SMALL).call().targetPairs()).isEmpty();
    }
}
