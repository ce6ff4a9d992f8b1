package eu.iucplanner.scheduling.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import eu.iucplanner.pairing.domain.ApplicantProfile;
import eu.iucplanner.pairing.service.PairingRunPairs;
import eu.iucplanner.problem.FieldError;
import eu.iucplanner.problem.ProblemException;
import eu.iucplanner.reference.ReferenceData;
import eu.iucplanner.run.service.RunLifecycle;
import eu.iucplanner.run.service.RunMetadata;
import eu.iucplanner.scheduling.domain.ExchangeSchedule;
import eu.iucplanner.scheduling.service.ScheduleRunRequest.CityInput;
import eu.iucplanner.scheduling.service.ScheduleRunRequest.PairInput;
import eu.iucplanner.validation.RequestValidator;

/**
 * What is scheduling's own in its runs: submission, validated once here, with the pairs taken from a pairing run
 * when the request names one. Everything else of the lifecycle is {@link RunLifecycle}'s.
 */
@Service
public class ScheduleRunService {

    private final RunLifecycle lifecycle;
    private final ScheduleRunKind kind;
    private final ScheduleRequestMapper mapper;
    private final RequestValidator validator;
    private final PairingRunPairs pairingRuns;

    public ScheduleRunService(RunLifecycle lifecycle, ScheduleRunKind kind, ScheduleRequestMapper mapper,
            RequestValidator validator, PairingRunPairs pairingRuns) {
        this.lifecycle = lifecycle;
        this.kind = kind;
        this.mapper = mapper;
        this.validator = validator;
        this.pairingRuns = pairingRuns;
    }

    /** Validates (resolving a pairing run's pairs), stores and queues a run; nothing is stored when refused. */
    public RunMetadata submit(ScheduleRunRequest request) {
        if (request == null) {
            throw ProblemException.invalid("$", "The request body is missing.");
        }
        ScheduleRunRequest resolved = request.pairingRunId() == null ? request
                : request.withPairs(pairsOf(request.pairingRunId(), request.pairs()));
        List<FieldError> errors = new ArrayList<>(validator.violations(resolved));
        errors.addAll(ScheduleRequestMapper.repeatedExperts(resolved.experts()));
        if (errors.stream().noneMatch(error -> error.field().startsWith("plan") || error.field().equals("months"))) {
            // The plan's own rules are reported beside the other fields' errors.
            errors.addAll(ScheduleRequestMapper.planErrors(resolved));
        }
        RequestValidator.throwIfAny(errors);
        ExchangeSchedule schedule = mapper.toSchedule(resolved, errors);
        RequestValidator.throwIfAny(errors);
        String name = resolved.name() != null && !resolved.name().isBlank() ? resolved.name()
                : "Schedule of " + schedule.getPairs().size() + " pairs from " + resolved.startDate();
        return lifecycle.submit(kind, resolved.withName(name), name, kind.summary(schedule), null,
                resolved.pairingRunId(), null);
    }

    /**
     * The pairs of a pairing run's best solution as scheduling input: each pair's working language is the first
     * language both list (English when none), and a city without coordinates takes those of the reference city of
     * that name and country.
     */
    private List<PairInput> pairsOf(UUID pairingRunId, List<PairInput> given) {
        if (given != null && !given.isEmpty()) {
            throw ProblemException.invalid("pairs", "give either pairs or a pairingRunId, not both");
        }
        PairingRunPairs.Pairs found = pairingRuns.of(pairingRunId);
        if (!found.exists()) {
            throw ProblemException.invalid("pairingRunId", "names no pairing run: " + pairingRunId);
        }
        if (!found.hasSolution()) {
            throw ProblemException.invalid("pairingRunId", "pairing run " + pairingRunId + " has no solution yet");
        }
        if (found.pairs().isEmpty()) {
            throw ProblemException.invalid("pairingRunId", "pairing run " + pairingRunId + " formed no pairs");
        }
        return found.pairs().stream().map(pair -> new PairInput(pair.eu().id() + "--" + pair.partner().id(),
                city(pair.eu()), city(pair.partner()), pair.partnerRegion(), pair.commonLanguage().orElse("en")))
                .toList();
    }

    private static CityInput city(ApplicantProfile profile) {
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
