package eu.iucplanner.pairing.domain;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

/**
 * One partner place of an EU-side applicant: an applicant that takes up to {@code maxPartners} partners owns that many
 * slots. A slot left unassigned is an open place. The partner side's capacity is a hard constraint, so both sides can
 * take more than one partner (trios and clusters).
 */
@PlanningEntity
public class PartnerSlot {

    @PlanningId
    private String id;
    private Applicant owner;
    private int index;

    @PlanningVariable(valueRangeProviderRefs = PairingSolution.PARTNER_RANGE, allowsUnassigned = true)
    private Applicant partner;

    @PlanningPin
    private boolean pinned;

    public PartnerSlot() {
    }

    public PartnerSlot(Applicant owner, int index) {
        this.id = owner.getId() + "#" + index;
        this.owner = owner;
        this.index = index;
    }

    public PartnerSlot(Applicant owner, int index, Applicant partner, boolean pinned) {
        this(owner, index);
        this.partner = partner;
        this.pinned = pinned;
    }

    public String getId() {
        return id;
    }

    public Applicant getOwner() {
        return owner;
    }

    public int getIndex() {
        return index;
    }

    public Applicant getPartner() {
        return partner;
    }

    public void setPartner(Applicant partner) {
        this.partner = partner;
    }

    public boolean isPinned() {
        return pinned;
    }

    public void setPinned(boolean pinned) {
        this.pinned = pinned;
    }

    @Override
    public String toString() {
        return id + " -> " + (partner == null ? "open" : partner.getId());
    }
}
