package eu.iucplanner.pairing.service;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import eu.iucplanner.pairing.domain.ApplicantKind;
import eu.iucplanner.pairing.domain.PopulationBasis;
import eu.iucplanner.pairing.domain.ProgrammeRegion;
import eu.iucplanner.validation.FreeText;
import eu.iucplanner.validation.IsoCountry;
import eu.iucplanner.validation.IsoLanguage;
import eu.iucplanner.validation.Limits;
import eu.iucplanner.validation.Messages;
import eu.iucplanner.validation.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * One applicant as submitted. See {@link eu.iucplanner.pairing.domain.ApplicantProfile} for the meaning of each
 * field; here the defaults are: kind CITY, region from the call's country mapping, committed months the call's
 * minimum, one partner, not a Covenant of Mayors signatory.
 */
@Schema(description = "An applicant city, group of municipalities or sub-national government.")
@ApplicantDto.Consistent
public record ApplicantDto(
        @Schema(example = "eu-lyon", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = Limits.ID)
        @NotBlank(message = "is required") @Size(max = Limits.ID, message = "must be at most " + Limits.ID
                + " characters") @PlainText String id,
        @Schema(example = "Lyon", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = Limits.NAME)
        @NotBlank(message = "is required") @Size(max = Limits.NAME, message = "must be at most " + Limits.NAME
                + " characters") @PlainText String name,
        @Schema(example = "FR", description = "ISO 3166-1 alpha-2", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank(message = "is required (ISO 3166-1 alpha-2, e.g. FR)") @IsoCountry String country,
        ProgrammeRegion region,
        @Schema(example = "CITY") ApplicantKind kind,
        @Schema(example = "522969", description = "Required unless members are listed; at most 2,000,000,000")
        @Positive(message = "must be more than 0")
        @Max(value = MAX_POPULATION, message = "must be at most " + MAX_POPULATION) Long population,
        @Size(max = 1_000, message = "must list at most 1000 members")
        List<@NotNull(message = "must not be null") @Valid MemberDto> members,
        @Schema(example = "International relations office, lead municipality", maxLength = Limits.TEXT)
        @Size(max = Limits.TEXT, message = "must be at most " + Limits.TEXT + " characters") @FreeText
        String leadAuthorityContact,
        @Schema(example = "[\"fr\", \"en\"]", description = "ISO 639-1, main language first")
        @Size(max = 20, message = "must list at most 20 languages")
        List<@NotNull(message = "unknown language code 'null'; use ISO 639-1 in lower case, e.g. en")
                @IsoLanguage String> languages,
        @Size(max = 100, message = "must list at most 100 challenges")
        List<@NotNull(message = "must not be null") @Valid ChallengeDto> challenges,
        @Size(max = 10, message = "must list at most 10 regions")
        List<@NotNull(message = "must not be null") ProgrammeRegion> preferredPartnerRegions,
        @Schema(example = "18") @PositiveOrZero(message = "must be 0 or more")
        @Max(value = 600, message = "must be at most 600") Integer committedMonths,
        @Schema(example = "1") @Min(value = 1, message = "must be from 1 to " + MAX_PARTNERS_LIMIT)
        @Max(value = MAX_PARTNERS_LIMIT, message = "must be from 1 to " + MAX_PARTNERS_LIMIT) Integer maxPartners,
        Boolean covenantSignatory,
        @Size(max = 1_000, message = "must list at most 1000 ids")
        List<@NotBlank(message = "must not be blank") @Size(max = Limits.ID, message = "must be at most "
                + Limits.ID + " characters") @PlainText String> excludedPartnerIds,
        @Schema(example = "45.748") @DecimalMin(value = "-90", message = "must be from -90 to 90")
        @DecimalMax(value = "90", message = "must be from -90 to 90") Double latitude,
        @Schema(example = "4.847") @DecimalMin(value = "-180", message = "must be from -180 to 180")
        @DecimalMax(value = "180", message = "must be from -180 to 180") Double longitude,
        @Schema(description = "Further population figures with their basis and source, e.g. a metropolitan figure; "
                + "the call's countedPopulationBases say which count")
        @Size(max = 10, message = "must list at most 10 figures")
        List<@NotNull(message = "must not be null") @Valid DeclaredPopulationDto> declaredPopulations,
        @Schema(example = "2271961", description = "The applicant's place in GeoNames, for fillFromReference and "
                + "the population check; else the place of its name in its country is used")
        @Positive(message = "must be more than 0") Long geonamesId,
        @Schema(description = "Ids of applicants it was paired with in an earlier call (ids not in the pool are "
                + "kept and matter for no pair)")
        @Size(max = 100, message = "must list at most 100 ids")
        List<@NotBlank(message = "must not be blank") @Size(max = Limits.ID, message = "must be at most "
                + Limits.ID + " characters") @PlainText String> earlierPartnerIds,
        @Schema(description = "Whether it took part in an earlier call (implied by earlierPartnerIds)")
        Boolean previousParticipant,
        @Schema(example = "DE-BY", description = "ISO 3166-2 code of its first-level subdivision: for a "
                + "SUB_NATIONAL_GOVERNMENT the region it governs (required in a REGION_TO_REGION call); one of "
                + "GET /api/v1/reference/regions")
        @Pattern(regexp = "[A-Z]{2}-[A-Z0-9]{1,3}", message = "must be an ISO 3166-2 code in upper case, e.g. DE-BY")
        String subdivision) {

    /** Without a subdivision. */
    public ApplicantDto(String id, String name, String country, ProgrammeRegion region, ApplicantKind kind,
            Long population, List<MemberDto> members, String leadAuthorityContact, List<String> languages,
            List<ChallengeDto> challenges, List<ProgrammeRegion> preferredPartnerRegions, Integer committedMonths,
            Integer maxPartners, Boolean covenantSignatory, List<String> excludedPartnerIds, Double latitude,
            Double longitude, List<DeclaredPopulationDto> declaredPopulations, Long geonamesId,
            List<String> earlierPartnerIds, Boolean previousParticipant) {
        this(id, name, country, region, kind, population, members, leadAuthorityContact, languages, challenges,
                preferredPartnerRegions, committedMonths, maxPartners, covenantSignatory, excludedPartnerIds, latitude,
                longitude, declaredPopulations, geonamesId, earlierPartnerIds, previousParticipant, null);
    }

    /** Without earlier participation. */
    public ApplicantDto(String id, String name, String country, ProgrammeRegion region, ApplicantKind kind,
            Long population, List<MemberDto> members, String leadAuthorityContact, List<String> languages,
            List<ChallengeDto> challenges, List<ProgrammeRegion> preferredPartnerRegions, Integer committedMonths,
            Integer maxPartners, Boolean covenantSignatory, List<String> excludedPartnerIds, Double latitude,
            Double longitude, List<DeclaredPopulationDto> declaredPopulations, Long geonamesId) {
        this(id, name, country, region, kind, population, members, leadAuthorityContact, languages, challenges,
                preferredPartnerRegions, committedMonths, maxPartners, covenantSignatory, excludedPartnerIds, latitude,
                longitude, declaredPopulations, geonamesId, null, null);
    }

    /** Whether it took part before: said so, or named an earlier partner. */
    public boolean tookPartBefore() {
        return Boolean.TRUE.equals(previousParticipant) || earlierPartnerIds != null && !earlierPartnerIds.isEmpty();
    }

    /** Without a GeoNames id. */
    public ApplicantDto(String id, String name, String country, ProgrammeRegion region, ApplicantKind kind,
            Long population, List<MemberDto> members, String leadAuthorityContact, List<String> languages,
            List<ChallengeDto> challenges, List<ProgrammeRegion> preferredPartnerRegions, Integer committedMonths,
            Integer maxPartners, Boolean covenantSignatory, List<String> excludedPartnerIds, Double latitude,
            Double longitude, List<DeclaredPopulationDto> declaredPopulations) {
        this(id, name, country, region, kind, population, members, leadAuthorityContact, languages, challenges,
                preferredPartnerRegions, committedMonths, maxPartners, covenantSignatory, excludedPartnerIds, latitude,
                longitude, declaredPopulations, null);
    }

    /** The same applicant with population, coordinates and languages (each only where it had none). */
    public ApplicantDto filled(Long newPopulation, Double newLatitude, Double newLongitude,
            List<String> newLanguages) {
        boolean group = members != null && !members.isEmpty();
        return new ApplicantDto(id, name, country, region, kind,
                population == null && !group ? newPopulation : population, members, leadAuthorityContact,
                languages == null || languages.isEmpty() ? newLanguages : languages, challenges,
                preferredPartnerRegions, committedMonths, maxPartners, covenantSignatory, excludedPartnerIds,
                latitude == null && longitude == null ? newLatitude : latitude,
                latitude == null && longitude == null ? newLongitude : longitude, declaredPopulations, geonamesId,
                earlierPartnerIds, previousParticipant, subdivision);
    }

    /** Without declared populations. */
    public ApplicantDto(String id, String name, String country, ProgrammeRegion region, ApplicantKind kind,
            Long population, List<MemberDto> members, String leadAuthorityContact, List<String> languages,
            List<ChallengeDto> challenges, List<ProgrammeRegion> preferredPartnerRegions, Integer committedMonths,
            Integer maxPartners, Boolean covenantSignatory, List<String> excludedPartnerIds, Double latitude,
            Double longitude) {
        this(id, name, country, region, kind, population, members, leadAuthorityContact, languages, challenges,
                preferredPartnerRegions, committedMonths, maxPartners, covenantSignatory, excludedPartnerIds, latitude,
                longitude, null, null);
    }

    /** A population figure the applicant gives beside its plain population, with what it counts and its source. */
    public record DeclaredPopulationDto(
            @Schema(example = "2870000") @NotNull(message = "is required") @Positive(message = "must be more than 0")
            @Max(value = MAX_POPULATION, message = "must be at most " + MAX_POPULATION) Long population,
            @Schema(example = "METROPOLITAN") @NotNull(message = "is required: CITY_PROPER, MUNICIPALITY, "
                    + "METROPOLITAN, GROUP_TOTAL or REGION") PopulationBasis basis,
            @Schema(example = "INE census 2021, Lisbon metropolitan area", maxLength = Limits.NAME)
            @Size(max = Limits.NAME, message = "must be at most " + Limits.NAME + " characters") @PlainText
            String source) {
    }

    /** The largest population an applicant or a member may declare (bounds the size-similarity term). */
    public static final long MAX_POPULATION = 2_000_000_000L;

    /** The most partners one applicant may take. */
    public static final int MAX_PARTNERS_LIMIT = 20;

    /** A member municipality of a group. */
    public record MemberDto(@Schema(example = "Villeurbanne", maxLength = Limits.NAME)
            @NotBlank(message = "is required") @Size(max = Limits.NAME, message = "must be at most " + Limits.NAME
                    + " characters") @PlainText String name,
            @Schema(example = "150659") @NotNull(message = "is required") @Positive(message = "must be more than 0")
            @Max(value = MAX_POPULATION, message = "must be at most " + MAX_POPULATION) Long population) {
    }

    /** A theme the applicant works on, with its priority from 1 (some) to 3 (top). */
    public record ChallengeDto(@Schema(example = "Urban mobility", maxLength = Limits.NAME)
            @NotBlank(message = "is required") @Size(max = Limits.NAME, message = "must be at most " + Limits.NAME
                    + " characters") @PlainText String theme,
            @Schema(example = "3") @NotNull(message = "is required (1 to 3, 3 the highest)")
            @Min(value = 1, message = "must be 1, 2 or 3") @Max(value = 3, message = "must be 1, 2 or 3")
            Integer priority) {
    }

    /** Rules across an applicant's own fields: population or members, coordinates together, no repeats. */
    @Documented
    @Constraint(validatedBy = ConsistentValidator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Consistent {

        String message() default "the applicant's fields do not fit together";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** Checks an applicant's fields against each other. */
    public static class ConsistentValidator implements ConstraintValidator<Consistent, ApplicantDto> {

        @Override
        public boolean isValid(ApplicantDto dto, ConstraintValidatorContext context) {
            Violations violations = new Violations(context);
            boolean hasMembers = dto.members() != null && !dto.members().isEmpty();
            if (dto.kind() == ApplicantKind.MUNICIPALITY_GROUP && !hasMembers) {
                violations.add("members", "a group of municipalities must list its member municipalities");
            }
            if (!hasMembers && dto.population() == null) {
                violations.add("population", "is required (or list the members of a group)");
            }
            if (hasMembers && dto.population() != null && dto.members().stream()
                    .allMatch(m -> m != null && m.population() != null && m.population() > 0)) {
                long sum = 0;
                try {
                    for (MemberDto member : dto.members()) {
                        sum = Math.addExact(sum, member.population());
                    }
                    if (sum != dto.population()) {
                        violations.add("population", "is " + dto.population() + " but the members add up to " + sum
                                + "; leave it out for a group");
                    }
                } catch (ArithmeticException e) {
                    violations.add("members", "the members' populations add up to more than " + Long.MAX_VALUE);
                }
            }
            if (dto.declaredPopulations() != null && dto.kind() != ApplicantKind.SUB_NATIONAL_GOVERNMENT) {
                for (int k = 0; k < dto.declaredPopulations().size(); k++) {
                    DeclaredPopulationDto figure = dto.declaredPopulations().get(k);
                    if (figure != null && figure.basis() == PopulationBasis.REGION) {
                        violations.addIndexed("declaredPopulations", k, "basis", "REGION is the population of a "
                                + "SUB_NATIONAL_GOVERNMENT's region, not of a city or group");
                    }
                }
            }
            if (dto.subdivision() != null && dto.country() != null
                    && !dto.subdivision().startsWith(dto.country() + "-")) {
                violations.add("subdivision", Messages.quote(dto.subdivision()) + " is not a subdivision of "
                        + dto.country());
            }
            if ((dto.latitude() == null) != (dto.longitude() == null)) {
                violations.add(dto.latitude() == null ? "latitude" : "longitude", "latitude and longitude come together");
            }
            if (dto.languages() != null) {
                Set<String> seen = new HashSet<>();
                for (int k = 0; k < dto.languages().size(); k++) {
                    String language = dto.languages().get(k);
                    if (language != null && !seen.add(language)) {
                        violations.addIndexed("languages", k, null, "repeats " + Messages.quote(language));
                    }
                }
            }
            if (dto.challenges() != null) {
                Set<String> seen = new HashSet<>();
                for (int k = 0; k < dto.challenges().size(); k++) {
                    ChallengeDto challenge = dto.challenges().get(k);
                    if (challenge != null && challenge.theme() != null && !challenge.theme().isBlank()
                            && !seen.add(challenge.theme())) {
                        violations.addIndexed("challenges", k, "theme", "repeats the theme "
                                + Messages.quote(challenge.theme()));
                    }
                }
            }
            return violations.none();
        }
    }

    /** Collects custom violations on properties of the validated bean. */
    static final class Violations {
        private final ConstraintValidatorContext context;
        private boolean any;

        Violations(ConstraintValidatorContext context) {
            this.context = context;
            context.disableDefaultConstraintViolation();
        }

        void add(String property, String message) {
            any = true;
            context.buildConstraintViolationWithTemplate(Messages.literal(message)).addPropertyNode(property)
                    .addConstraintViolation();
        }

        /** A violation on {@code list[index]} or, with a property, {@code list[index].property}. */
        void addIndexed(String list, int index, String property, String message) {
            any = true;
            var builder = context.buildConstraintViolationWithTemplate(Messages.literal(message));
            if (property == null) {
                builder.addPropertyNode(list).addBeanNode().inIterable().atIndex(index).addConstraintViolation();
            } else {
                builder.addPropertyNode(list).addPropertyNode(property).inIterable().atIndex(index)
                        .addConstraintViolation();
            }
        }

        boolean none() {
            return !any;
        }
    }
}
