package eu.iucplanner.pairing.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import ai.timefold.solver.core.api.score.Score;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import eu.iucplanner.pairing.domain.Applicant;
import eu.iucplanner.pairing.domain.PairRef;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.solver.PairingProblemFactory;
import eu.iucplanner.pairing.solver.PairingSolverConfigs;
import eu.iucplanner.pairing.solver.ProvenOptimumStop;
import eu.iucplanner.run.service.RunKind;
import eu.iucplanner.run.service.TerminationDto;

/** Pairing runs in the run lifecycle: a pool and its call become a {@link PairingSolution}; a solution is stored as
 * the partner of each filled slot. */
@Component
public class PairingRunKind implements RunKind<PairingRunRequest, PairingSolution, StoredAssignment> {

    public static final String NAME = "pairing";

    private final SolverFactory<PairingSolution> solverFactory;
    private final SolutionManager<PairingSolution, HardMediumSoftLongScore> solutionManager;
    private final TerminationConfig defaultTermination;

    public PairingRunKind(SolverFactory<PairingSolution> pairingSolverFactory,
            SolutionManager<PairingSolution, HardMediumSoftLongScore> pairingSolutionManager) {
        this.solverFactory = ProvenOptimumStop.factory(pairingSolverFactory);
        this.solutionManager = pairingSolutionManager;
        this.defaultTermination = PairingSolverConfigs.defaultConfig().getTerminationConfig();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String label() {
        return "pairing run";
    }

    @Override
    public Class<PairingRunRequest> requestType() {
        return PairingRunRequest.class;
    }

    @Override
    public Class<StoredAssignment> snapshotType() {
        return StoredAssignment.class;
    }

    @Override
    public PairingSolution problem(PairingRunRequest request) {
        return PairingProblemFactory.create(PairingRequestMapper.toProblem(request));
    }

    @Override
    public TerminationDto termination(PairingRunRequest request) {
        return request.termination();
    }

    @Override
    public TerminationConfig defaultTermination() {
        return defaultTermination;
    }

    @Override
    public SolverFactory<PairingSolution> solverFactory() {
        return solverFactory;
    }

    @Override
    public StoredAssignment snapshot(PairingSolution solution) {
        return StoredAssignment.of(solution);
    }

    @Override
    public void apply(PairingSolution solution, StoredAssignment snapshot) {
        snapshot.applyTo(solution, false);
    }

    @Override
    public Score<?> score(PairingSolution solution) {
        return solution.getScore();
    }

    @Override
    public Map<String, Object> summary(PairingSolution solution) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("applicantCount", solution.getApplicants().size());
        summary.put("eligibleCount", solution.getApplicants().stream().filter(Applicant::isEligible).count());
        summary.put("pairCount", solution.getSlots().stream().filter(slot -> slot.getPartner() != null).count());
        HardMediumSoftLongScore bound = solution.bestBound();
        if (solution.getScore() != null && bound != null) {
            summary.put("optimal", solution.isProvenOptimal());
            summary.put("bound", bound.toString());
            summary.put("boundKind", solution.hasNothingToDecide() || solution.getProvenBound().exact()
                    ? "OPTIMUM" : "RELAXATION");
            Double gap = solution.hasNothingToDecide() ? Double.valueOf(0)
                    : solution.getProvenBound().gapPercent(solution.getScore());
            if (gap != null) {
                summary.put("gapPercent", gap);
            }
        } else if (solution.getScore() != null) {
            summary.put("optimal", false);
        }
        if (solution.getMode() != eu.iucplanner.pairing.domain.PairingMode.OPTIMAL) {
            summary.put("mode", solution.getMode().name());
        }
        summary.put("pinnedPairs", pairs(solution.getPinnedPairs()));
        summary.put("excludedPairs", pairs(solution.getExcludedPairs()));
        if (solution.getCall() != null && solution.getCall().name() != null) {
            summary.put("call", solution.getCall().name());
        }
        return summary;
    }

    private static List<PairDto> pairs(List<PairRef> refs) {
        return refs.stream().map(ref -> new PairDto(ref.firstId(), ref.secondId())).toList();
    }

    @Override
    public ScoreAnalysis<?> analyze(PairingSolution solution) {
        return solutionManager.analyze(solution, ScoreAnalysisFetchPolicy.FETCH_ALL);
    }

    /** The pool without the lead authorities' contacts (names, e-mail, phone of people). */
    @Override
    public PairingRunRequest withoutPersonalData(PairingRunRequest request) {
        return new PairingRunRequest(request.name(), request.call(), request.applicantsOrEmpty().stream()
                .map(applicant -> applicant == null || applicant.leadAuthorityContact() == null ? applicant
                        : new ApplicantDto(applicant.id(), applicant.name(), applicant.country(), applicant.region(),
                                applicant.kind(), applicant.population(), applicant.members(), null,
                                applicant.languages(), applicant.challenges(), applicant.preferredPartnerRegions(),
                                applicant.committedMonths(), applicant.maxPartners(), applicant.covenantSignatory(),
                                applicant.excludedPartnerIds(), applicant.latitude(), applicant.longitude(),
                                applicant.declaredPopulations(), applicant.geonamesId(),
                                applicant.earlierPartnerIds(), applicant.previousParticipant()))
                .toList(), request.weights(), request.termination(), request.pinnedPairs(), request.excludedPairs(),
                request.stopAtProvenOptimum(), request.mode(), request.fillFromReference(), request.callId());
    }

    /** A solution's score analysis with the pairing score type, for the explanations. */
    public ScoreAnalysis<HardMediumSoftLongScore> analyzeTyped(PairingSolution solution,
            ScoreAnalysisFetchPolicy policy) {
        return solutionManager.analyze(solution, policy);
    }
}
