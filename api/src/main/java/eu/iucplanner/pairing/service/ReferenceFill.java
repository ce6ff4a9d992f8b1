package eu.iucplanner.pairing.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import eu.iucplanner.reference.City;
import eu.iucplanner.reference.CityLookup;
import eu.iucplanner.reference.Country;
import eu.iucplanner.reference.ReferenceData;

/**
 * The reference data beside a pool: fills in what applicants left out (at submission, when the request asks for it,
 * so the stored request holds the filled values and is rebuilt the same whatever the reference data says later), and
 * warns when a population figure differs from GeoNames by more than a factor of 2.
 */
@Component
public class ReferenceFill {

    /** A figure more than this many times larger or smaller than GeoNames' is worth a warning. */
    static final double WARNING_FACTOR = 2.0;

    /** The request with each applicant's missing population, coordinates and languages filled in where found. */
    public PairingRunRequest fill(PairingRunRequest request) {
        if (request == null || !Boolean.TRUE.equals(request.fillFromReference()) || request.applicants() == null) {
            return request;
        }
        ReferenceData data = ReferenceData.get();
        List<ApplicantDto> filled = new ArrayList<>();
        for (ApplicantDto applicant : request.applicants()) {
            Optional<City> place = applicant == null ? Optional.empty() : place(applicant);
            if (place.isEmpty()) {
                filled.add(applicant);
                continue;
            }
            City city = place.get();
            List<String> languages = data.country(city.country()).map(Country::languages).orElse(List.of());
            filled.add(applicant.filled(city.population(), city.latitude(), city.longitude(),
                    languages.isEmpty() ? null : languages));
        }
        return request.withApplicants(filled);
    }

    /** One sentence per population figure that differs from the applicant's GeoNames place by more than 2×. */
    public List<String> warnings(PairingRunRequest request) {
        List<String> warnings = new ArrayList<>();
        for (ApplicantDto applicant : request.applicantsOrEmpty()) {
            if (applicant == null || (applicant.members() != null && !applicant.members().isEmpty())) {
                continue;
            }
            Optional<City> place = place(applicant);
            if (place.isEmpty()) {
                continue;
            }
            City city = place.get();
            List<String> figures = new ArrayList<>();
            if (applicant.population() != null) {
                figures.add(check(applicant.population(), "a population of", city));
            }
            if (applicant.declaredPopulations() != null) {
                for (ApplicantDto.DeclaredPopulationDto declared : applicant.declaredPopulations()) {
                    if (declared != null && declared.population() != null && declared.basis() != null) {
                        figures.add(check(declared.population(), "a " + declared.basis().label() + " figure of",
                                city));
                    }
                }
            }
            for (String figure : figures) {
                if (figure != null) {
                    warnings.add(String.format(Locale.ROOT, "%s (%s) declares %s; GeoNames has %,d for %s "
                            + "(geonamesId %d), more than a factor of 2 apart.", applicant.name(), applicant.id(),
                            figure, city.population(), city.name(), city.geonamesId()));
                }
            }
        }
        return warnings;
    }

    private static String check(long declared, String what, City city) {
        double ratio = (double) Math.max(declared, city.population()) / Math.max(1, Math.min(declared,
                city.population()));
        return ratio > WARNING_FACTOR ? String.format(Locale.ROOT, "%s %,d", what, declared) : null;
    }

    private static Optional<City> place(ApplicantDto applicant) {
        if (applicant.geonamesId() != null) {
            return CityLookup.byGeonamesId(applicant.geonamesId());
        }
        if (applicant.name() == null || applicant.country() == null) {
            return Optional.empty();
        }
        return CityLookup.byName(applicant.name(), applicant.country());
    }
}
