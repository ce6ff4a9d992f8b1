package eu.iucplanner.benchmarks;

import java.util.function.BooleanSupplier;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.domain.PartnerSlot;

/** A first phase that fills the slots with the greedy matching, for the "warm start from greedy" strategy. */
public class GreedyWarmStart implements PhaseCommand<PairingSolution> {

    @Override
    public void changeWorkingSolution(ScoreDirector<PairingSolution> scoreDirector, BooleanSupplier isTerminated) {
        PairingSolution solution = scoreDirector.getWorkingSolution();
        Matching greedy = GreedyPairing.solve(solution);
        for (PartnerSlot slot : solution.getSlots()) {
            if (!slot.isPinned() && slot.getPartner() != null) {
                scoreDirector.beforeVariableChanged(slot, "partner");
                slot.setPartner(null);
                scoreDirector.afterVariableChanged(slot, "partner");
            }
        }
        java.util.Map<eu.iucplanner.pairing.domain.Applicant, java.util.List<PartnerSlot>> free =
                new java.util.HashMap<>();
        for (PartnerSlot slot : solution.getSlots()) {
            if (!slot.isPinned()) {
                free.computeIfAbsent(slot.getOwner(), owner -> new java.util.ArrayList<>()).add(slot);
            }
        }
        for (Matching.Pair pair : greedy.pairs()) {
            PartnerSlot slot = free.get(pair.eu()).remove(0);
            scoreDirector.beforeVariableChanged(slot, "partner");
            slot.setPartner(pair.partner());
            scoreDirector.afterVariableChanged(slot, "partner");
        }
        scoreDirector.triggerVariableListeners();
    }
}
