package eu.iucplanner.pairing;

import eu.iucplanner.pairing.domain.Applicant;
import eu.iucplanner.pairing.domain.ApplicantProfile;
import eu.iucplanner.pairing.domain.CallRules;

/** Real cities with their real populations, for readable tests. */
public final class TestApplicants {

    public static final CallRules CALL = CallRules.defaults();

    private TestApplicants() {
    }

    public static ApplicantProfile.Builder lyonProfile() {
        return ApplicantProfile.builder("lyon", "Lyon", "FR").population(522_250).languages("fr", "en")
                .challenge("Urban mobility", 3).challenge("Circular economy", 2);
    }

    public static ApplicantProfile.Builder bostonProfile() {
        return ApplicantProfile.builder("boston", "Boston", "US").population(675_647).languages("en")
                .challenge("Urban mobility", 2).challenge("Circular economy", 2).challenge("Housing", 1);
    }

    public static ApplicantProfile.Builder marseilleProfile() {
        return ApplicantProfile.builder("marseille", "Marseille", "FR").population(873_076).languages("fr")
                .challenge("Climate adaptation", 3);
    }

    public static ApplicantProfile.Builder curitibaProfile() {
        return ApplicantProfile.builder("curitiba", "Curitiba", "BR").population(1_963_726).languages("pt")
                .challenge("Urban mobility", 3);
    }

    public static ApplicantProfile.Builder osakaProfile() {
        return ApplicantProfile.builder("osaka", "Osaka", "JP").population(2_752_412).languages("ja", "en")
                .challenge("Circular economy", 1);
    }

    public static Applicant applicant(ApplicantProfile.Builder builder) {
        return new Applicant(builder.build(), CALL);
    }

    public static Applicant lyon() {
        return applicant(lyonProfile());
    }

    public static Applicant boston() {
        return applicant(bostonProfile());
    }

    public static Applicant marseille() {
        return applicant(marseilleProfile());
    }

    public static Applicant curitiba() {
        return applicant(curitibaProfile());
    }

    public static Applicant osaka() {
        return applicant(osakaProfile());
    }
}
