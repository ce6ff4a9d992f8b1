package eu.iucplanner.pairing.eligibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import eu.iucplanner.pairing.domain.ApplicantKind;
import eu.iucplanner.pairing.domain.ApplicantProfile;
import eu.iucplanner.pairing.domain.CallRules;

/**
 * Decides eligibility before solving. It returns every reason that applies, not only the first, so an applicant
 * learns everything it would have to change.
 */
public final class EligibilityChecker {

    private EligibilityChecker() {
    }

    public static List<Ineligibility> check(ApplicantProfile applicant, CallRules call) {
        List<Ineligibility> reasons = new ArrayList<>();
        if (applicant.kind() == ApplicantKind.SUB_NATIONAL_GOVERNMENT) {
            reasons.add(new Ineligibility(IneligibilityReason.SUB_NATIONAL_GOVERNMENT,
                    applicant.name() + " is a sub-national government; regions and provinces may support cities"
                            + " but are not eligible applicants themselves."));
        }
        long population = applicant.totalPopulation();
        if (population <= call.populationThreshold()) {
            String whose = applicant.kind() == ApplicantKind.MUNICIPALITY_GROUP ? "The group's total population"
                    : "The population";
            reasons.add(new Ineligibility(IneligibilityReason.POPULATION_AT_OR_BELOW_THRESHOLD,
                    "%s of %s is %s; the call requires more than %s inhabitants.".formatted(whose, applicant.name(),
                            format(population), format(call.populationThreshold()))));
        }
        if (applicant.kind() == ApplicantKind.MUNICIPALITY_GROUP && !applicant.hasLeadAuthority()) {
            reasons.add(new Ineligibility(IneligibilityReason.GROUP_WITHOUT_LEAD_AUTHORITY,
                    applicant.name() + " is a group of municipalities without a lead urban authority contact."));
        }
        if (applicant.committedMonths() < call.minimumCommitmentMonths()) {
            reasons.add(new Ineligibility(IneligibilityReason.COMMITMENT_TOO_SHORT,
                    "%s commits to %d months; the call requires at least %d.".formatted(applicant.name(),
                            applicant.committedMonths(), call.minimumCommitmentMonths())));
        }
        if (call.regionOf(applicant.country()).isEmpty()) {
            reasons.add(new Ineligibility(IneligibilityReason.COUNTRY_OUTSIDE_PROGRAMME_REGIONS,
                    "%s is in %s, which is in none of the call's programme regions.".formatted(applicant.name(),
                            applicant.country())));
        }
        return List.copyOf(reasons);
    }

    private static String format(long number) {
        return String.format(Locale.ROOT, "%,d", number);
    }
}
