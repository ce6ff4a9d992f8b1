package eu.iucplanner.pairing.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import eu.iucplanner.pairing.constraints.PairingConstraintProvider;
import eu.iucplanner.pairing.domain.Applicant;
import eu.iucplanner.pairing.domain.ApplicantProfile;
import eu.iucplanner.pairing.domain.CallRules;
import eu.iucplanner.pairing.domain.PairingProblem;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.domain.ProgrammeRegion;

/** The row scorer of the warm start gives exactly {@link PairWeights#softScore}, pair by pair. */
class PairWeightsTest {

    private static final List<String> SOFT = List.of(PairingConstraintProvider.SHARED_CHALLENGES,
            PairingConstraintProvider.SIZE_SIMILARITY, PairingConstraintProvider.COMMON_WORKING_LANGUAGE,
            PairingConstraintProvider.PREFERRED_PARTNER_REGION,
            PairingConstraintProvider.COVENANT_OF_MAYORS_SIGNATORIES);

    @Test
    void rowsEqualSoftScoreOnRandomPools() {
        Random random = new Random(2026L);
        for (int pool = 0; pool < 300; pool++) {
            PairingProblem problem = RandomPools.generate(random, 12, false);
            PairingSolution solution = PairingProblemFactory.create(problem);
            // Every applicant against every applicant, either side, eligible or not: the rows must not assume sides.
            assertRowsEqualSoftScore(randomWeights(random), solution.getApplicants(), solution.getApplicants());
        }
    }

    @Test
    void rowsEqualSoftScoreWithoutLanguagesOutsideTheCallAndWithManyLanguages() {
        CallRules call = CallRules.defaults();
        List<Applicant> applicants = new ArrayList<>();
        Random random = new Random(3L);
        String[] countries = { "FR", "DE", "US", "BR", "JP", "ZZ" };
        for (int k = 0; k < 90; k++) {
            ApplicantProfile.Builder builder = ApplicantProfile.builder("a" + k, "City " + k,
                    countries[random.nextInt(countries.length)]).population(1 + random.nextInt(5_000_000))
                    .covenantSignatory(random.nextBoolean());
            if (k % 7 != 0) {
                // 26 x 26 two-letter codes: far more than the 64 languages a bit mask holds.
                String main = "" + (char) ('a' + random.nextInt(26)) + (char) ('a' + random.nextInt(26));
                builder.languages(main, random.nextBoolean() ? "en" : "fr");
            }
            if (random.nextInt(3) == 0) {
                builder.prefers(ProgrammeRegion.values()[random.nextInt(ProgrammeRegion.values().length)]);
            }
            for (int t = 0; t < 3; t++) {
                builder.challenge(call.themes().get(random.nextInt(call.themes().size())), 1 + random.nextInt(3));
            }
            applicants.add(new Applicant(builder.build(), call));
        }
        assertThat(applicants).anyMatch(applicant -> applicant.getRegion() == null);
        assertThat(applicants).anyMatch(applicant -> applicant.getLanguages().isEmpty());
        PairWeights weights = PairWeights.of(null);
        assertRowsEqualSoftScore(weights, applicants, applicants);
        // Few languages among the columns: the bit-mask path.
        List<Applicant> english = applicants.stream()
                .filter(applicant -> applicant.getLanguages().isEmpty() || applicant.getLanguages().contains("en"))
                .toList();
        assertRowsEqualSoftScore(weights, applicants, english.subList(0, Math.min(20, english.size())));
    }

    private static void assertRowsEqualSoftScore(PairWeights weights, List<Applicant> rows, List<Applicant> columns) {
        PairWeights.Rows scorer = weights.rows(columns);
        long[] out = new long[columns.size()];
        for (Applicant row : rows) {
            scorer.scores(row, out);
            for (int j = 0; j < columns.size(); j++) {
                assertThat(out[j]).as("%s with %s", row, columns.get(j))
                        .isEqualTo(weights.softScore(row, columns.get(j)));
            }
        }
    }

    private static PairWeights randomWeights(Random random) {
        Map<String, HardMediumSoftLongScore> overrides = new HashMap<>();
        for (String name : SOFT) {
            if (random.nextBoolean()) {
                overrides.put(name, HardMediumSoftLongScore.ofSoft(random.nextInt(1_000)));
            }
        }
        return PairWeights.of(ConstraintWeightOverrides.of(overrides));
    }
}
