package eu.iucplanner.pairing.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import eu.iucplanner.pairing.domain.ApplicantProfile;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.domain.PartnerSlot;
import eu.iucplanner.pairing.domain.ProgrammeRegion;
import eu.iucplanner.problem.ProblemException;
import eu.iucplanner.run.persistence.RunStatus;
import eu.iucplanner.run.service.RunLifecycle;

/**
 * The one way other features read a pairing run's result: the pairs of its stored best solution, and which run a
 * call adopted as its decision. Scheduling builds its exchange calendars from these.
 */
@Component
public class PairingRunPairs {

    private final RunLifecycle lifecycle;
    private final PairingRunKind kind;
    private final PairingCalls calls;

    public PairingRunPairs(RunLifecycle lifecycle, PairingRunKind kind, PairingCalls calls) {
        this.lifecycle = lifecycle;
        this.kind = kind;
        this.calls = calls;
    }

    /**
     * A call's decision: whether the call exists, and the pairing run it adopted ({@code null} when none is).
     */
    public record CallDecision(boolean callExists, UUID pairingRunId) {
    }

    public CallDecision decisionOf(UUID callId) {
        return calls.decisionOf(callId).map(run -> new CallDecision(true, run.orElse(null)))
                .orElseGet(() -> new CallDecision(false, null));
    }

    /**
     * One pair formed: both applicants as submitted, the partner's programme region, and the first working language
     * both list (none when they share none).
     */
    public record FormedPair(ApplicantProfile eu, ApplicantProfile partner, ProgrammeRegion partnerRegion,
            Optional<String> commonLanguage) {
    }

    /**
     * A pairing run's pairs: whether the run exists, its status, whether it is an analyst's what-if (analysis), and
     * the pairs of its best solution so far.
     */
    public record Pairs(boolean exists, RunStatus status, boolean analysis, boolean hasSolution,
            List<FormedPair> pairs) {
    }

    public Pairs of(UUID pairingRunId) {
        RunStatus status;
        boolean analysis;
        try {
            eu.iucplanner.run.service.RunMetadata run = lifecycle.metadata(kind, pairingRunId);
            status = run.status();
            analysis = Boolean.TRUE.equals(run.analysis());
        } catch (ProblemException notFound) {
            return new Pairs(false, null, false, false, List.of());
        }
        if (lifecycle.best(kind, pairingRunId).isEmpty()) {
            return new Pairs(true, status, analysis, false, List.of());
        }
        PairingSolution solution = lifecycle.solution(kind, pairingRunId);
        List<FormedPair> pairs = new ArrayList<>();
        for (PartnerSlot slot : solution.getSlots()) {
            if (slot.getPartner() != null) {
                ApplicantProfile eu = slot.getOwner().getProfile();
                ApplicantProfile partner = slot.getPartner().getProfile();
                pairs.add(new FormedPair(eu, partner, slot.getPartner().getRegion(),
                        eu.languages().stream().filter(partner.languages()::contains).findFirst()));
            }
        }
        return new Pairs(true, status, analysis, true, pairs);
    }
}
