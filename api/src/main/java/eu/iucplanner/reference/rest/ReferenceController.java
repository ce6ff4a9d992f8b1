package eu.iucplanner.reference.rest;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import eu.iucplanner.problem.FieldError;
import eu.iucplanner.reference.City;
import eu.iucplanner.reference.CityLookup;
import eu.iucplanner.reference.Country;
import eu.iucplanner.reference.ReferenceData;
import eu.iucplanner.validation.Limits;
import eu.iucplanner.validation.Messages;
import eu.iucplanner.validation.RequestValidator;
import eu.iucplanner.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The reference data, for looking applicants up instead of typing their population, coordinates and languages. */
@RestController
@RequestMapping("/api/v1/reference")
@Tag(name = "Reference data", description = "GeoNames places and first-level regions of the programme's countries, with "
        + "their languages.")
public class ReferenceController {

    /** The most places one lookup returns. */
    static final int MAX_LIMIT = 100;

    /**
     * A place as an applicant would be filled in from it.
     *
     * @param officialLanguages the country's official languages (ISO 639-1)
     */
    public record CityView(long geonamesId, String name, String country, long population, double latitude,
            double longitude, String timeZone, String subdivision, List<String> officialLanguages) {
    }

    @Operation(summary = "Look places up by name and country",
            description = "Accent- and case-insensitive (vaxjo finds Växjö); the name matches when it contains the "
                    + "query; the most populous first. Cities of 50,000 and more and towns of 15,000 to 49,999 "
                    + "(GeoNames) in the 45 countries of the default call mapping. Give a name, a country or both.")
    @ApiResponse(responseCode = "200", description = "The places found, most populous first")
    @ProblemResponses({ 400, 406 })
    @GetMapping(path = "/cities", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<CityView> cities(
            @Parameter(description = "part of the name, e.g. almada") @RequestParam(required = false) String name,
            @Parameter(description = "ISO 3166-1 alpha-2, e.g. PT") @RequestParam(required = false) String country,
            @Parameter(description = "1 to 100, default 20") @RequestParam(required = false) Integer limit) {
        ReferenceData data = ReferenceData.get();
        checkLookup(data, name, country, limit, "PT");
        boolean noName = name == null || name.isBlank();
        return CityLookup.find(noName ? null : name, country == null || country.isBlank() ? null : country,
                limit == null ? 20 : limit).stream().map(city -> view(data, city)).toList();
    }

    /**
     * Refuses a lookup without a name and a country, with a name too long or with control characters, an unknown
     * country or a limit out of range, each naming its parameter.
     *
     * @param exampleCountry the country code the message gives as an example
     */
    private static void checkLookup(ReferenceData data, String name, String country, Integer limit,
            String exampleCountry) {
        List<FieldError> errors = new ArrayList<>();
        if ((name == null || name.isBlank()) && (country == null || country.isBlank())) {
            errors.add(new FieldError("name", "give a name, a country or both"));
        }
        if (name != null && (name.length() > Limits.NAME || name.chars().anyMatch(Character::isISOControl))) {
            errors.add(new FieldError("name", "must be at most " + Limits.NAME
                    + " characters on one line without control characters"));
        }
        if (country != null && !country.isBlank() && data.country(country).isEmpty()) {
            errors.add(new FieldError("country", "unknown country code " + Messages.quote(country)
                    + "; use ISO 3166-1 alpha-2 in upper case, e.g. " + exampleCountry));
        }
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            errors.add(new FieldError("limit", "must be from 1 to " + MAX_LIMIT));
        }
        RequestValidator.throwIfAny(errors);
    }

    /**
     * A first-level subdivision, the applicant of a region-to-region call.
     *
     * @param code       ISO 3166-2, an applicant's {@code subdivision}
     * @param geonamesId its GeoNames feature id, {@code null} for CL-NB and ID-PB (newer than the source)
     * @param admin1     its GeoNames admin1 code
     */
    public record RegionView(String code, String name, String country, Long geonamesId, String admin1,
            List<String> officialLanguages) {
    }

    @Operation(summary = "Look regions up by name and country",
            description = "The first-level subdivisions (GeoNames admin1: states, regions, provinces) of the 45 "
                    + "countries of the default call mapping, the applicants of a REGION_TO_REGION call. The name "
                    + "matches when it contains the query (accent- and case-insensitive) or is the ISO 3166-2 code; "
                    + "by country, then code. No population: a region declares its own. Give a name, a country or "
                    + "both.")
    @ApiResponse(responseCode = "200", description = "The regions found, by country and code")
    @ProblemResponses({ 400, 406 })
    @GetMapping(path = "/regions", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<RegionView> regions(
            @Parameter(description = "part of the name or the code, e.g. bavaria") @RequestParam(required = false)
            String name,
            @Parameter(description = "ISO 3166-1 alpha-2, e.g. DE") @RequestParam(required = false) String country,
            @Parameter(description = "1 to 100, default 20") @RequestParam(required = false) Integer limit) {
        ReferenceData data = ReferenceData.get();
        checkLookup(data, name, country, limit, "DE");
        boolean noName = name == null || name.isBlank();
        return data.findSubdivisions(noName ? null : name, country == null || country.isBlank() ? null : country)
                .stream().limit(limit == null ? 20 : limit)
                .map(region -> new RegionView(region.code(), region.name(), region.country(),
                        region.geonamesId().orElse(null), region.admin1(),
                        data.country(region.country()).map(Country::languages).orElse(List.of())))
                .toList();
    }

    private static CityView view(ReferenceData data, City city) {
        return new CityView(city.geonamesId(), city.name(), city.country(), city.population(), city.latitude(),
                city.longitude(), city.timeZone().orElse(null), city.subdivision().orElse(null),
                data.country(city.country()).map(Country::languages).orElse(List.of()));
    }
}
