package eu.iucplanner.pairing.rest;

import java.util.List;

import eu.iucplanner.pairing.domain.ApplicantKind;
import eu.iucplanner.pairing.domain.ProgrammeRegion;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One applicant as submitted. See {@link eu.iucplanner.pairing.domain.ApplicantProfile} for the meaning of each
 * field; here the defaults are: kind CITY, region from the call's country mapping, committed months the call's
 * minimum, one partner, not a Covenant of Mayors signatory.
 */
@Schema(description = "An applicant city, group of municipalities or sub-national government.")
public record ApplicantDto(
        @Schema(example = "eu-lyon", requiredMode = Schema.RequiredMode.REQUIRED) String id,
        @Schema(example = "Lyon", requiredMode = Schema.RequiredMode.REQUIRED) String name,
        @Schema(example = "FR", description = "ISO 3166-1 alpha-2", requiredMode = Schema.RequiredMode.REQUIRED)
        String country,
        ProgrammeRegion region,
        @Schema(example = "CITY") ApplicantKind kind,
        @Schema(example = "522969", description = "Required unless members are listed") Long population,
        List<MemberDto> members,
        @Schema(example = "International relations office, lead municipality")
        String leadAuthorityContact,
        @Schema(example = "[\"fr\", \"en\"]", description = "ISO 639-1, main language first") List<String> languages,
        List<ChallengeDto> challenges,
        List<ProgrammeRegion> preferredPartnerRegions,
        @Schema(example = "18") Integer committedMonths,
        @Schema(example = "1") Integer maxPartners,
        Boolean covenantSignatory,
        List<String> excludedPartnerIds,
        @Schema(example = "45.748") Double latitude,
        @Schema(example = "4.847") Double longitude) {

    /** A member municipality of a group. */
    public record MemberDto(@Schema(example = "Villeurbanne") String name,
            @Schema(example = "150659") Long population) {
    }

    /** A theme the applicant works on, with its priority from 1 (some) to 3 (top). */
    public record ChallengeDto(@Schema(example = "Urban mobility") String theme,
            @Schema(example = "3") Integer priority) {
    }
}
