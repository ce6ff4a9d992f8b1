package eu.iucplanner.demo.rest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import eu.iucplanner.demo.DemoPoolSize;
import eu.iucplanner.demo.DemoPools;
import eu.iucplanner.demo.PolicyDemos;
import eu.iucplanner.demo.PolicyDemos.PolicyDemo;
import eu.iucplanner.pairing.domain.ApplicantProfile;
import eu.iucplanner.pairing.domain.CallKind;
import eu.iucplanner.pairing.domain.CallRules;
import eu.iucplanner.pairing.domain.ClusterCoherence;
import eu.iucplanner.pairing.domain.PopulationBasis;
import eu.iucplanner.pairing.domain.PopulationPolicy;
import eu.iucplanner.pairing.domain.PairingProblem;
import eu.iucplanner.pairing.domain.ParticipationRules;
import eu.iucplanner.pairing.service.ApplicantDto;
import eu.iucplanner.pairing.service.CallRulesDto;
import eu.iucplanner.pairing.service.PairingProperties;
import eu.iucplanner.pairing.service.PairingRunRequest;
import eu.iucplanner.problem.ProblemException;
import eu.iucplanner.run.service.TerminationDto;
import eu.iucplanner.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The demo pools (real cities, seeded) as ready request bodies for {@code POST /api/v1/pairing-runs}: one per size,
 * and one demo call per policy ({@link PolicyDemos}).
 */
@RestController
@RequestMapping("/api/v1/demo-data")
@Tag(name = "Demo data", description = "Realistic applicant pools built from real cities.")
public class DemoDataController {

    /** A demo pool's name and size. */
    public record DemoPoolView(String name, int applicants, String href) {
    }

    private final PairingProperties properties;

    public DemoDataController(PairingProperties properties) {
        this.properties = properties;
    }

    @Operation(summary = "The demo pools that a pairing run accepts (at most iuc.pairing.max-applicants applicants)")
    @ApiResponse(responseCode = "200", description = "The demo pools")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public List<DemoPoolView> list() {
        // XL (20,000 applicants) is there for the scale benchmark; it stays reachable by name.
        List<DemoPoolView> pools = new ArrayList<>(Arrays.stream(DemoPoolSize.values())
                .filter(size -> size.applicants() <= properties.maxApplicants())
                .map(size -> new DemoPoolView(size.name(), size.applicants(), "/api/v1/demo-data/" + size.name()))
                .toList());
        for (PolicyDemo demo : PolicyDemo.values()) {
            pools.add(new DemoPoolView(demo.name(), PolicyDemos.generate(demo).applicants().size(),
                    "/api/v1/demo-data/" + demo.name()));
        }
        return pools;
    }

    @Operation(summary = "A demo pool as a pairing request body (seed 1)",
            description = "A size (SMALL, MEDIUM, LARGE, HUGE, XL) or a policy demo: PREFERENCE, COUNTRY_CAPS, "
                    + "THEME_SPREAD, CLUSTER_COHERENCE, EARLIER_PARTICIPATION, REGION_TO_REGION, each a call that "
                    + "sets that policy")
    @ApiResponse(responseCode = "200", description = "A pairing request body")
    @ProblemResponses({ 404, 406 })
    @GetMapping(path = "/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
    public PairingRunRequest get(@PathVariable String name) {
        PolicyDemo demo = policyDemo(name);
        if (demo != null) {
            return request(PolicyDemos.generate(demo), "Demo call " + demo.name());
        }
        return request(DemoPools.generate(size(name)), size(name));
    }

    @Operation(summary = "A demo pool as CSV, for POST /api/v1/pairing-runs with Content-Type text/csv")
    @ApiResponse(responseCode = "200", description = "The pool as CSV")
    @ProblemResponses({ 404, 406 })
    @GetMapping(path = "/{name}", produces = "text/csv")
    public ResponseEntity<String> getCsv(@PathVariable String name) {
        if (policyDemo(name) != null) {
            throw ProblemException.notFound("The policy demo '" + name + "' has no CSV: its call's rules, declared "
                    + "populations, earlier partners and subdivisions are JSON only. Ask for application/json.");
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(DemoPools.toCsv(DemoPools.generate(size(name))));
    }

    private static PolicyDemo policyDemo(String name) {
        return Arrays.stream(PolicyDemo.values()).filter(demo -> demo.name().equalsIgnoreCase(name)).findFirst()
                .orElse(null);
    }

    private static DemoPoolSize size(String name) {
        try {
            return DemoPoolSize.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No demo pool named '" + name + "'; the pools are "
                    + Arrays.toString(DemoPoolSize.values()) + " and the policy demos "
                    + Arrays.toString(PolicyDemo.values()) + ".");
        }
    }

    /** The request body of a generated pool; the call's defaults are left out, as a user would. */
    public static PairingRunRequest request(PairingProblem problem, DemoPoolSize size) {
        return request(problem, "Demo pool " + size.name());
    }

    /**
     * The request body of a pool, with every rule of its call: the population policy only when it is not the
     * default, and the country caps, theme spread, participation rules, cluster coherence and kind as the call has
     * them.
     */
    public static PairingRunRequest request(PairingProblem problem, String name) {
        CallRules call = problem.call();
        boolean defaultPolicy = call.populationPolicy() == PopulationPolicy.HARD
                && call.countedPopulationBases().size() == PopulationBasis.values().length;
        CallRulesDto callDto = new CallRulesDto(call.name(), call.populationThreshold(),
                call.minimumCommitmentMonths(), null, null, null,
                call.targetPairs().isEmpty() ? null : call.targetPairs(), null,
                defaultPolicy ? null : call.populationPolicy(),
                call.populationPolicy() == PopulationPolicy.PREFERENCE ? call.populationFloor() : null,
                defaultPolicy ? null : List.copyOf(call.countedPopulationBases()),
                call.countryLimits().maxPairsPerCountry(),
                call.countryLimits().maxPairsByCountry().isEmpty() ? null : call.countryLimits().maxPairsByCountry(),
                call.countryLimits().softMaxPairsPerCountry(),
                call.countryLimits().softMaxPairsByCountry().isEmpty() ? null
                        : call.countryLimits().softMaxPairsByCountry(),
                call.themeSoftCap() < 0 ? null : call.themeSoftCap(),
                call.participation().earlierPairs() == ParticipationRules.EarlierPairs.ALLOW ? null
                        : call.participation().earlierPairs(),
                call.participation().preferFirstTimeParticipants() ? Boolean.TRUE : null,
                call.clusterCoherence() == ClusterCoherence.NONE ? null : call.clusterCoherence(),
                call.kind() == CallKind.CITY_TO_CITY ? null : call.kind());
        List<ApplicantDto> applicants = problem.applicants().stream().map(DemoDataController::applicant).toList();
        return new PairingRunRequest(name, callDto, applicants, null,
                new TerminationDto(java.time.Duration.ofSeconds(30), java.time.Duration.ofSeconds(5)), null, null);
    }

    private static ApplicantDto applicant(ApplicantProfile a) {
        return new ApplicantDto(a.id(), a.name(), a.country(), a.region(), a.kind(),
                a.members().isEmpty() ? a.population() : null,
                a.members().isEmpty() ? null : a.members().stream()
                        .map(m -> new ApplicantDto.MemberDto(m.name(), m.population())).toList(),
                a.leadAuthorityContact(), a.languages(),
                a.challenges().stream().map(c -> new ApplicantDto.ChallengeDto(c.theme(), c.priority())).toList(),
                a.preferredPartnerRegions().isEmpty() ? null : List.copyOf(a.preferredPartnerRegions()),
                a.committedMonths(), a.maxPartners(), a.covenantSignatory(),
                a.excludedPartnerIds().isEmpty() ? null : List.copyOf(a.excludedPartnerIds()),
                a.coordinates() == null ? null : a.coordinates().latitude(),
                a.coordinates() == null ? null : a.coordinates().longitude(),
                a.declaredPopulations().isEmpty() ? null : a.declaredPopulations().stream()
                        .map(d -> new ApplicantDto.DeclaredPopulationDto(d.population(), d.basis(), d.source()))
                        .toList(),
                null, a.earlierPartnerIds().isEmpty() ? null : List.copyOf(a.earlierPartnerIds()),
                a.previousParticipant() ? Boolean.TRUE : null, a.subdivision());
    }
}
