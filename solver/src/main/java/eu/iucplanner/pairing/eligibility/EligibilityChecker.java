package eu.iucplanner.pairing.eligibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import eu.iucplanner.pairing.domain.ApplicantKind;
import eu.iucplanner.pairing.domain.ApplicantProfile;
import eu.iucplanner.pairing.domain.CallKind;
import eu.iucplanner.pairing.domain.CallRules;
import eu.iucplanner.pairing.domain.DeclaredPopulation;
import eu.iucplanner.pairing.domain.PopulationBasis;
import eu.iucplanner.pairing.domain.PopulationPolicy;

/**
 * Decides eligibility before solving. It returns every reason that applies, not only the first, so an applicant
 * learns everything it would have to change.
 */
public final class EligibilityChecker {

    private EligibilityChecker() {
    }

    public static List<Ineligibility> check(ApplicantProfile applicant, CallRules call) {
        List<Ineligibility> reasons = new ArrayList<>();
        if (!call.kind().takes(applicant.kind())) {
            reasons.add(kind(applicant, call));
        }
        population(applicant, call).ifPresent(reasons::add);
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

    /** Why the call's strand does not take this kind of applicant. */
    private static Ineligibility kind(ApplicantProfile applicant, CallRules call) {
        if (call.kind() == CallKind.CITY_TO_CITY) {
            return new Ineligibility(IneligibilityReason.SUB_NATIONAL_GOVERNMENT, applicant.name()
                    + " is a sub-national government; regions and provinces may support cities but are not eligible"
                    + " applicants themselves (a REGION_TO_REGION call pairs them).");
        }
        String what = applicant.kind() == ApplicantKind.MUNICIPALITY_GROUP ? "a group of municipalities" : "a city";
        return new Ineligibility(IneligibilityReason.NOT_A_REGION, ("%s is %s; in the %s call %s only sub-national "
                + "governments (first-level regions) are eligible applicants.").formatted(applicant.name(), what,
                        call.kind().label(), call.name()));
    }

    /** The population rule of the call's policy, naming the figure and basis it used. */
    private static java.util.Optional<Ineligibility> population(ApplicantProfile applicant, CallRules call) {
        if (call.populationPolicy() == PopulationPolicy.NONE) {
            return java.util.Optional.empty();
        }
        boolean hard = call.populationPolicy() == PopulationPolicy.HARD;
        long limit = hard ? call.populationThreshold() : call.populationFloor();
        IneligibilityReason reason = hard ? IneligibilityReason.POPULATION_AT_OR_BELOW_THRESHOLD
                : IneligibilityReason.POPULATION_AT_OR_BELOW_FLOOR;
        String requirement = hard ? "the call requires more than %s inhabitants".formatted(format(limit))
                : "the call prefers more than %s inhabitants and requires more than %s".formatted(
                        format(call.populationThreshold()), format(limit));
        DeclaredPopulation counted = call.countedPopulation(applicant).orElse(null);
        if (counted != null && counted.population() > limit) {
            return java.util.Optional.empty();
        }
        String notCounted = notCounted(applicant, call);
        if (counted == null) {
            return java.util.Optional.of(new Ineligibility(reason, ("%s gives no population figure of a kind the "
                    + "call counts (%s); %s.%s").formatted(applicant.name(), bases(call), requirement, notCounted)));
        }
        String whose = counted.basis() == PopulationBasis.GROUP_TOTAL ? "The group's total population"
                : counted.basis() == PopulationBasis.REGION ? "The region's population" : "The population";
        return java.util.Optional.of(new Ineligibility(reason, "%s of %s is %s; %s.%s".formatted(whose,
                applicant.name(), counted.describe(), requirement, notCounted)));
    }

    /** The applicant's figures of a basis the call does not count, as a sentence, or "". */
    private static String notCounted(ApplicantProfile applicant, CallRules call) {
        List<String> others = applicant.populationFigures().stream()
                .filter(figure -> !call.countedPopulationBases().contains(figure.basis()))
                .map(DeclaredPopulation::describe).toList();
        return others.isEmpty() ? "" : " Its figure%s %s do%s not count in this call, which counts %s.".formatted(
                others.size() == 1 ? "" : "s", String.join(" and ", others), others.size() == 1 ? "es" : "",
                bases(call));
    }

    private static String bases(CallRules call) {
        return call.countedPopulationBases().stream().map(PopulationBasis::label)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String format(long number) {
        return String.format(Locale.ROOT, "%,d", number);
    }
}
