package eu.iucplanner.pairing.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What an applicant told the call: the raw input, before eligibility is decided.
 *
 * @param id                     unique within the pool
 * @param name                   display name, with diacritics
 * @param country                ISO 3166-1 alpha-2 code
 * @param region                 programme region; {@code null} to derive it from the call's country mapping
 * @param kind                   city, group of municipalities or sub-national government
 * @param population             inhabitants; for a group, {@code null} or the sum of its members
 * @param members                member municipalities of a group, empty otherwise
 * @param leadAuthorityContact   administrative contact of the lead urban authority (required for a group)
 * @param languages              working languages, ISO 639-1, the main one first
 * @param challenges             themes from the call's vocabulary with priority 1 to 3
 * @param preferredPartnerRegions regions the applicant would like its partner to come from; empty for no preference
 * @param committedMonths        how long the applicant commits to cooperate
 * @param maxPartners            how many partners it takes at most (2 or more makes trios and clusters possible)
 * @param covenantSignatory      signatory of the Global Covenant of Mayors for Climate and Energy
 * @param excludedPartnerIds     applicants it must not be paired with
 * @param coordinates            optional location
 * @param declaredPopulations    further population figures with their basis and source (a municipal or metropolitan
 *                               figure beside the city proper); the call says which bases count
 * @param earlierPartnerIds      applicants it was paired with in an earlier call
 * @param previousParticipant    whether it took part in an earlier call
 * @param subdivision            ISO 3166-2 code of its first-level subdivision, e.g. "DE-BY": for a region (a
 *                               sub-national government) the region it governs; {@code null} when not given
 */
public record ApplicantProfile(String id, String name, String country, ProgrammeRegion region, ApplicantKind kind,
        Long population, List<MemberMunicipality> members, String leadAuthorityContact, List<String> languages,
        List<Challenge> challenges, Set<ProgrammeRegion> preferredPartnerRegions, int committedMonths,
        int maxPartners, boolean covenantSignatory, Set<String> excludedPartnerIds, Coordinates coordinates,
        List<DeclaredPopulation> declaredPopulations, Set<String> earlierPartnerIds, boolean previousParticipant,
        String subdivision) {

    public static final int DEFAULT_MAX_PARTNERS = 1;

    public ApplicantProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(kind, "kind");
        members = members == null ? List.of() : List.copyOf(members);
        languages = languages == null ? List.of() : List.copyOf(languages);
        challenges = challenges == null ? List.of() : List.copyOf(challenges);
        // Insertion-ordered copies: Set.copyOf iterates in an order that changes from one JVM run to the next.
        preferredPartnerRegions = preferredPartnerRegions == null ? Set.of()
                : Collections.unmodifiableSet(new LinkedHashSet<>(preferredPartnerRegions));
        excludedPartnerIds = excludedPartnerIds == null ? Set.of()
                : Collections.unmodifiableSet(new LinkedHashSet<>(excludedPartnerIds));
        declaredPopulations = declaredPopulations == null ? List.of() : List.copyOf(declaredPopulations);
        earlierPartnerIds = earlierPartnerIds == null ? Set.of()
                : Collections.unmodifiableSet(new LinkedHashSet<>(earlierPartnerIds));
        if (maxPartners < 1) {
            throw new IllegalArgumentException("maxPartners must be at least 1, was " + maxPartners);
        }
    }

    /** Without a subdivision. */
    public ApplicantProfile(String id, String name, String country, ProgrammeRegion region, ApplicantKind kind,
            Long population, List<MemberMunicipality> members, String leadAuthorityContact, List<String> languages,
            List<Challenge> challenges, Set<ProgrammeRegion> preferredPartnerRegions, int committedMonths,
            int maxPartners, boolean covenantSignatory, Set<String> excludedPartnerIds, Coordinates coordinates,
            List<DeclaredPopulation> declaredPopulations, Set<String> earlierPartnerIds, boolean previousParticipant) {
        this(id, name, country, region, kind, population, members, leadAuthorityContact, languages, challenges,
                preferredPartnerRegions, committedMonths, maxPartners, covenantSignatory, excludedPartnerIds,
                coordinates, declaredPopulations, earlierPartnerIds, previousParticipant, null);
    }

    /** Without declared populations. */
    public ApplicantProfile(String id, String name, String country, ProgrammeRegion region, ApplicantKind kind,
            Long population, List<MemberMunicipality> members, String leadAuthorityContact, List<String> languages,
            List<Challenge> challenges, Set<ProgrammeRegion> preferredPartnerRegions, int committedMonths,
            int maxPartners, boolean covenantSignatory, Set<String> excludedPartnerIds, Coordinates coordinates) {
        this(id, name, country, region, kind, population, members, leadAuthorityContact, languages, challenges,
                preferredPartnerRegions, committedMonths, maxPartners, covenantSignatory, excludedPartnerIds,
                coordinates, List.of(), Set.of(), false);
    }

    /** Without earlier participation. */
    public ApplicantProfile(String id, String name, String country, ProgrammeRegion region, ApplicantKind kind,
            Long population, List<MemberMunicipality> members, String leadAuthorityContact, List<String> languages,
            List<Challenge> challenges, Set<ProgrammeRegion> preferredPartnerRegions, int committedMonths,
            int maxPartners, boolean covenantSignatory, Set<String> excludedPartnerIds, Coordinates coordinates,
            List<DeclaredPopulation> declaredPopulations) {
        this(id, name, country, region, kind, population, members, leadAuthorityContact, languages, challenges,
                preferredPartnerRegions, committedMonths, maxPartners, covenantSignatory, excludedPartnerIds,
                coordinates, declaredPopulations, Set.of(), false);
    }

    /**
     * Every population figure of the applicant: its plain population (city proper; for a sub-national government the
     * region's) or its members' sum (group total), then the figures it declared.
     */
    public List<DeclaredPopulation> populationFigures() {
        List<DeclaredPopulation> figures = new ArrayList<>();
        if (!members.isEmpty()) {
            figures.add(new DeclaredPopulation(totalPopulation(), PopulationBasis.GROUP_TOTAL, null));
        } else if (population != null) {
            figures.add(new DeclaredPopulation(population, kind == ApplicantKind.SUB_NATIONAL_GOVERNMENT
                    ? PopulationBasis.REGION : PopulationBasis.CITY_PROPER, null));
        }
        figures.addAll(declaredPopulations);
        return figures;
    }

    /** The plain population: the sum of the members for a group, else the own population (0 when none). */
    public long totalPopulation() {
        if (!members.isEmpty()) {
            return members.stream().mapToLong(MemberMunicipality::population).sum();
        }
        return population == null ? 0L : population;
    }

    public boolean hasLeadAuthority() {
        return leadAuthorityContact != null && !leadAuthorityContact.isBlank();
    }

    public static Builder builder(String id, String name, String country) {
        return new Builder(id, name, country);
    }

    /** Fluent construction with the defaults of a city applicant (one partner, 18 months). */
    public static final class Builder {
        private final String id;
        private final String name;
        private final String country;
        private ProgrammeRegion region;
        private ApplicantKind kind = ApplicantKind.CITY;
        private Long population;
        private final List<MemberMunicipality> members = new ArrayList<>();
        private String leadAuthorityContact;
        private final List<String> languages = new ArrayList<>();
        private final List<Challenge> challenges = new ArrayList<>();
        private final Set<ProgrammeRegion> preferredPartnerRegions = new LinkedHashSet<>();
        private int committedMonths = CallRules.DEFAULT_MINIMUM_COMMITMENT_MONTHS;
        private int maxPartners = DEFAULT_MAX_PARTNERS;
        private boolean covenantSignatory;
        private final Set<String> excludedPartnerIds = new LinkedHashSet<>();
        private Coordinates coordinates;
        private final List<DeclaredPopulation> declaredPopulations = new ArrayList<>();
        private final Set<String> earlierPartnerIds = new LinkedHashSet<>();
        private boolean previousParticipant;
        private String subdivision;

        private Builder(String id, String name, String country) {
            this.id = id;
            this.name = name;
            this.country = country;
        }

        public Builder region(ProgrammeRegion value) {
            this.region = value;
            return this;
        }

        public Builder kind(ApplicantKind value) {
            this.kind = value;
            return this;
        }

        public Builder population(long value) {
            this.population = value;
            return this;
        }

        public Builder member(String memberName, long memberPopulation) {
            this.members.add(new MemberMunicipality(memberName, memberPopulation));
            return this;
        }

        public Builder leadAuthorityContact(String value) {
            this.leadAuthorityContact = value;
            return this;
        }

        public Builder languages(String... values) {
            this.languages.addAll(List.of(values));
            return this;
        }

        public Builder challenge(String theme, int priority) {
            this.challenges.add(new Challenge(theme, priority));
            return this;
        }

        public Builder prefers(ProgrammeRegion... values) {
            this.preferredPartnerRegions.addAll(List.of(values));
            return this;
        }

        public Builder committedMonths(int value) {
            this.committedMonths = value;
            return this;
        }

        public Builder maxPartners(int value) {
            this.maxPartners = value;
            return this;
        }

        public Builder covenantSignatory(boolean value) {
            this.covenantSignatory = value;
            return this;
        }

        public Builder excludes(String... ids) {
            this.excludedPartnerIds.addAll(List.of(ids));
            return this;
        }

        public Builder coordinates(double latitude, double longitude) {
            this.coordinates = new Coordinates(latitude, longitude);
            return this;
        }

        public Builder declares(long figure, PopulationBasis basis, String source) {
            this.declaredPopulations.add(new DeclaredPopulation(figure, basis, source));
            return this;
        }

        public Builder earlierPartners(String... ids) {
            this.earlierPartnerIds.addAll(List.of(ids));
            this.previousParticipant = true;
            return this;
        }

        public Builder previousParticipant(boolean value) {
            this.previousParticipant = value;
            return this;
        }

        /** A sub-national government of the region with this ISO 3166-2 code. */
        public Builder governs(String subdivisionCode) {
            this.kind = ApplicantKind.SUB_NATIONAL_GOVERNMENT;
            this.subdivision = subdivisionCode;
            return this;
        }

        public Builder subdivision(String value) {
            this.subdivision = value;
            return this;
        }

        public ApplicantProfile build() {
            return new ApplicantProfile(id, name, country, region, kind, population, members, leadAuthorityContact,
                    languages, challenges, preferredPartnerRegions, committedMonths, maxPartners, covenantSignatory,
                    excludedPartnerIds, coordinates, declaredPopulations, earlierPartnerIds, previousParticipant,
                    subdivision);
        }
    }
}
