package eu.iucplanner.pairing.constraints;

import java.util.List;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/**
 * Why a cluster costs score: its hub and partners share no theme of the call.
 *
 * @param hubId       the applicant with several partners
 * @param partnerIds  its partners, by id
 * @param description a sentence a coordinator can read
 */
public record ClusterJustification(String hubId, List<String> partnerIds, String description)
        implements ConstraintJustification {

    public ClusterJustification {
        partnerIds = List.copyOf(partnerIds);
    }
}
