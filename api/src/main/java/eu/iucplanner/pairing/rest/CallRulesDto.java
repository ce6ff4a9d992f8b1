package eu.iucplanner.pairing.rest;

import java.util.List;
import java.util.Map;

import eu.iucplanner.pairing.domain.ProgrammeRegion;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A call's rules as data. Every field is optional.
 *
 * @param name                    the call's name
 * @param populationThreshold     applicants need more than this many inhabitants (default 100,000)
 * @param minimumCommitmentMonths the shortest commitment accepted (default 18)
 * @param countryRegions          the complete country-to-region mapping, replacing the default one
 * @param movedCountries          changes applied on top of the mapping, e.g. {@code {"MX": "NORTH_AMERICA"}}
 * @param themes                  the theme vocabulary, replacing the 15 IUC topics
 * @param targetPairs             how many pairs the call aims for per partner region (regional balance)
 */
@Schema(description = "The call's rules; every field is optional and defaults to the current IURC call.")
public record CallRulesDto(
        @Schema(example = "IURC 2024") String name,
        @Schema(example = "100000") Long populationThreshold,
        @Schema(example = "18") Integer minimumCommitmentMonths,
        Map<String, ProgrammeRegion> countryRegions,
        @Schema(example = "{\"MX\": \"NORTH_AMERICA\"}") Map<String, ProgrammeRegion> movedCountries,
        List<String> themes,
        @Schema(example = "{\"ASIA\": 5, \"NORTH_AMERICA\": 3, \"LATIN_AMERICA_CARIBBEAN\": 4}")
        Map<ProgrammeRegion, Integer> targetPairs) {
}
