package eu.iucplanner.scheduling.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import eu.iucplanner.pairing.domain.Applicant;
import eu.iucplanner.pairing.domain.ApplicantProfile;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.domain.PartnerSlot;
import eu.iucplanner.pairing.persistence.PairingRunPayload;
import eu.iucplanner.pairing.service.PairingRunService;
import eu.iucplanner.pairing.service.StoredAssignment;
import eu.iucplanner.reference.ReferenceData;
import eu.iucplanner.scheduling.rest.ScheduleRunRequest.CityInput;
import eu.iucplanner.scheduling.rest.ScheduleRunRequest.PairInput;
import eu.iucplanner.web.ApiException;

/**
 * The pairs of a pairing run's best solution as scheduling input: each pair's working language is the first
 * language both list (English when none), and a city without coordinates takes those of the reference city of that
 * name and country.
 */
@Component
public class PairsFromPairingRun {

    private final PairingRunService pairingRuns;

    public PairsFromPairingRun(PairingRunService pairingRuns) {
        this.pairingRuns = pairingRuns;
    }

    public List<PairInput> pairs(UUID pairingRunId, List<PairInput> given) {
        if (given != null && !given.isEmpty()) {
            throw ApiException.invalid("pairs", "give either pairs or a pairingRunId, not both");
        }
        PairingRunPayload payload;
        try {
            payload = pairingRuns.payload(pairingRunId);
        } catch (ApiException e) {
            throw ApiException.invalid("pairingRunId", "names no pairing run: " + pairingRunId);
        }
        StoredAssignment best = pairingRuns.best(payload).orElseThrow(() -> ApiException.invalid("pairingRunId",
                "pairing run " + pairingRunId + " has no solution yet"));
        PairingSolution solution = pairingRuns.rebuild(pairingRuns.request(payload), best);
        List<PairInput> pairs = new ArrayList<>();
        for (PartnerSlot slot : solution.getSlots()) {
            if (slot.getPartner() == null) {
                continue;
            }
            Applicant eu = slot.getOwner();
            Applicant partner = slot.getPartner();
            String language = eu.getLanguages().stream().filter(partner.getLanguages()::contains).findFirst()
                    .orElse("en");
            pairs.add(new PairInput(eu.getId() + "--" + partner.getId(), city(eu), city(partner),
                    partner.getRegion(), language));
        }
        if (pairs.isEmpty()) {
            throw ApiException.invalid("pairingRunId", "pairing run " + pairingRunId + " formed no pairs");
        }
        return pairs;
    }

    private static CityInput city(Applicant applicant) {
        ApplicantProfile profile = applicant.getProfile();
        Double latitude = profile.coordinates() == null ? null : profile.coordinates().latitude();
        Double longitude = profile.coordinates() == null ? null : profile.coordinates().longitude();
        if (latitude == null) {
            var city = ReferenceData.get().city(profile.country(), profile.name());
            if (city.isPresent()) {
                latitude = city.get().latitude();
                longitude = city.get().longitude();
            }
        }
        return new CityInput(profile.id(), profile.name(), profile.country(), latitude, longitude);
    }
}
