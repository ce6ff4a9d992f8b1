package eu.iucplanner.pairing.service;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import eu.iucplanner.pairing.domain.ApplicantKind;
import eu.iucplanner.pairing.domain.ApplicantProfile;
import eu.iucplanner.pairing.domain.CallRules;
import eu.iucplanner.pairing.domain.Challenge;
import eu.iucplanner.pairing.domain.Coordinates;
import eu.iucplanner.pairing.domain.DeclaredPopulation;
import eu.iucplanner.pairing.domain.PopulationPolicy;
import eu.iucplanner.pairing.domain.MemberMunicipality;
import eu.iucplanner.pairing.domain.PairRef;
import eu.iucplanner.pairing.domain.PairingProblem;
import eu.iucplanner.pairing.domain.ParticipationRules;
import eu.iucplanner.pairing.domain.ProgrammeRegion;

/**
 * Turns a pairing request into the solver's {@link PairingProblem}, as it is: no rule is checked here (the request
 * was validated once, at the door, by {@link PairingRequestValidator}), so a stored request is rebuilt the same way
 * whatever today's limits or reference data say.
 */
public final class PairingRequestMapper {

    private PairingRequestMapper() {
    }

    public static PairingProblem toProblem(PairingRunRequest request) {
        CallRules call = callRules(request);
        List<ApplicantProfile> profiles = request.applicantsOrEmpty().stream().filter(Objects::nonNull)
                .map(dto -> profile(dto, call)).toList();
        Map<String, HardMediumSoftLongScore> weights = new LinkedHashMap<>();
        if (request.weights() != null) {
            request.weights().forEach((name, weight) -> weights.put(name, HardMediumSoftLongScore.ofSoft(weight)));
        }
        return new PairingProblem(call, profiles, pairs(request.pinnedPairsOrEmpty()),
                pairs(request.excludedPairsOrEmpty()), weights, request.stopsAtProvenOptimum(), request.mode());
    }

    public static CallRules callRules(PairingRunRequest request) {
        CallRulesDto dto = request.call();
        CallRules defaults = CallRules.defaults();
        if (dto == null) {
            return new CallRules(request.name() == null ? defaults.name() : request.name(),
                    defaults.populationThreshold(), defaults.minimumCommitmentMonths(), defaults.countryRegions(),
                    defaults.themes(), Map.of());
        }
        String name = dto.name() != null ? dto.name() : request.name() != null ? request.name() : defaults.name();
        Map<ProgrammeRegion, Integer> targets = new EnumMap<>(ProgrammeRegion.class);
        if (dto.targetPairs() != null) {
            targets.putAll(dto.targetPairs());
        }
        long threshold = dto.populationThreshold() == null ? defaults.populationThreshold()
                : dto.populationThreshold();
        return new CallRules(name, threshold,
                dto.minimumCommitmentMonths() == null ? defaults.minimumCommitmentMonths()
                        : dto.minimumCommitmentMonths(),
                dto.mapping(), request.themes(), targets,
                dto.populationPolicy() == null ? PopulationPolicy.HARD : dto.populationPolicy(),
                dto.populationFloor() == null ? Math.min(CallRules.DEFAULT_POPULATION_FLOOR, threshold)
                        : dto.populationFloor(),
                dto.countedPopulationBases() == null ? null : EnumSet.copyOf(dto.countedPopulationBases()),
                dto.countryLimits(), dto.softMaxPairsPerTheme() == null ? -1 : dto.softMaxPairsPerTheme(),
                new ParticipationRules(dto.earlierPairs(), Boolean.TRUE.equals(dto.preferFirstTimeParticipants())),
                dto.clusterCoherence(), dto.kindOrDefault());
    }

    public static ApplicantProfile profile(ApplicantDto dto, CallRules call) {
        boolean group = dto.members() != null && !dto.members().isEmpty();
        List<MemberMunicipality> members = group ? dto.members().stream()
                .map(member -> new MemberMunicipality(member.name(), member.population())).toList() : List.of();
        List<Challenge> challenges = dto.challenges() == null ? List.of() : dto.challenges().stream()
                .map(challenge -> new Challenge(challenge.theme(), challenge.priority())).toList();
        return new ApplicantProfile(dto.id(), dto.name(), dto.country(), dto.region(),
                dto.kind() == null ? ApplicantKind.CITY : dto.kind(), group ? null : dto.population(), members,
                dto.leadAuthorityContact(), dto.languages() == null ? List.of() : dto.languages(), challenges,
                dto.preferredPartnerRegions() == null ? null : new LinkedHashSet<>(dto.preferredPartnerRegions()),
                dto.committedMonths() == null ? call.minimumCommitmentMonths() : dto.committedMonths(),
                dto.maxPartners() == null ? ApplicantProfile.DEFAULT_MAX_PARTNERS : dto.maxPartners(),
                Boolean.TRUE.equals(dto.covenantSignatory()),
                dto.excludedPartnerIds() == null ? null : new LinkedHashSet<>(dto.excludedPartnerIds()),
                dto.latitude() == null || dto.longitude() == null ? null
                        : new Coordinates(dto.latitude(), dto.longitude()),
                dto.declaredPopulations() == null ? List.of() : dto.declaredPopulations().stream()
                        .map(figure -> new DeclaredPopulation(figure.population(), figure.basis(), figure.source()))
                        .toList(),
                dto.earlierPartnerIds() == null ? null : new LinkedHashSet<>(dto.earlierPartnerIds()),
                dto.tookPartBefore(), dto.subdivision());
    }

    private static List<PairRef> pairs(List<PairDto> dtos) {
        List<PairRef> pairs = new ArrayList<>();
        for (PairDto dto : dtos) {
            if (dto != null) {
                pairs.add(new PairRef(dto.first(), dto.second()));
            }
        }
        return pairs;
    }
}
