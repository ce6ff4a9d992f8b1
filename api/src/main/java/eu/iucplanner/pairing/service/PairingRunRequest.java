package eu.iucplanner.pairing.service;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import eu.iucplanner.pairing.domain.CallRules;
import eu.iucplanner.pairing.domain.PairingMode;
import eu.iucplanner.run.service.TerminationDto;
import eu.iucplanner.validation.Limits;
import eu.iucplanner.validation.Messages;
import eu.iucplanner.validation.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * What the coordination unit submits: the call's rules, the applicant pool, and how to solve it. Field rules are Bean
 * Validation constraints here; rules across applicants (ids, pins, exclusions) are checked by
 * {@link PairingRequestValidator}.
 *
 * @param name          a label for the run, e.g. "IURC 2024, second round"; defaults to the call's name
 * @param call          the call's rules; every field optional, defaults as documented
 * @param applicants    the applicant pool
 * @param weights       soft constraint weights by constraint name, replacing the defaults; 0 switches one off
 * @param termination   when to stop solving; replaces the default termination when given
 * @param pinnedPairs   pairs that must be kept as they are
 * @param excludedPairs pairs that must never be formed
 * @param stopAtProvenOptimum whether the run ends as soon as its best solution is proven optimal (default true);
 *                      false keeps it solving until its termination
 * @param mode          OPTIMAL (default): the best total score; STABLE: a stable pairing (deferred acceptance, the EU
 *                      side proposing), reported beside the optimum's score
 * @param fillFromReference whether missing populations, coordinates and languages are filled in at submission from
 *                      the reference data (by each applicant's geonamesId, else its name in its country); the stored
 *                      request holds the filled values
 * @param callId        the call (POST /api/v1/calls) the run is made for: its runs are grouped under it, and its stored
 *                      rules are used when {@code call} is left out (the stored request then holds them)
 */
@Schema(description = "A call's applicant pool to pair, with the call's rules and solving options.")
@PairingRunRequest.ThemesOfTheCall
public record PairingRunRequest(
        @Schema(example = "IURC 2024, Asia round", maxLength = Limits.NAME)
        @Size(max = Limits.NAME, message = "must be at most " + Limits.NAME + " characters") @PlainText String name,
        @Valid CallRulesDto call,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        @NotEmpty(message = "must list at least one applicant")
        @Size(max = MAX_APPLICANTS, message = "must list at most " + MAX_APPLICANTS + " applicants")
        List<@NotNull(message = "must not be null") @Valid ApplicantDto> applicants,
        @Schema(example = "{\"Size similarity\": 0, \"Shared challenges\": 20}")
        @Size(max = 20, message = "must set at most 20 weights")
        Map<@SoftConstraintName String, @NotNull(message = "must be 0 (off) or more")
                @PositiveOrZero(message = "must be 0 (off) or more")
                @Max(value = MAX_WEIGHT, message = "must be at most " + MAX_WEIGHT) Long> weights,
        @Valid TerminationDto termination,
        @Size(max = MAX_PAIRS, message = "must list at most " + MAX_PAIRS + " pairs")
        List<@NotNull(message = "must not be null") @Valid PairDto> pinnedPairs,
        @Size(max = MAX_PAIRS, message = "must list at most " + MAX_PAIRS + " pairs")
        List<@NotNull(message = "must not be null") @Valid PairDto> excludedPairs,
        @Schema(description = "End the run as soon as its best solution is proven optimal (the default); false "
                + "keeps it solving until its termination.", example = "true") Boolean stopAtProvenOptimum,
        @Schema(description = "OPTIMAL (default): the pairing with the best total score; STABLE: a stable pairing "
                + "(no blocking pair; deferred acceptance, the EU side proposing) with the optimum's score as its "
                + "bound", example = "OPTIMAL") PairingMode mode,
        @Schema(description = "Fill missing population, coordinates and languages from the reference data at "
                + "submission (by geonamesId, else by name in the country)", example = "false")
        Boolean fillFromReference,
        @Schema(description = "The call the run is made for; its stored rules are used when call is left out",
                example = "0b9f6a52-3c1e-4d7a-9a57-2f4a1c9e8d10") UUID callId) {

    public PairingRunRequest(String name, CallRulesDto call, List<ApplicantDto> applicants, Map<String, Long> weights,
            TerminationDto termination, List<PairDto> pinnedPairs, List<PairDto> excludedPairs) {
        this(name, call, applicants, weights, termination, pinnedPairs, excludedPairs, null, null, null, null);
    }

    public PairingRunRequest(String name, CallRulesDto call, List<ApplicantDto> applicants, Map<String, Long> weights,
            TerminationDto termination, List<PairDto> pinnedPairs, List<PairDto> excludedPairs,
            Boolean stopAtProvenOptimum, PairingMode mode, Boolean fillFromReference) {
        this(name, call, applicants, weights, termination, pinnedPairs, excludedPairs, stopAtProvenOptimum, mode,
                fillFromReference, null);
    }

    /**
     * The largest weight a request may give a soft constraint. With the bounds on every term (README, "Score
     * bounds") no score level can overflow a {@code long}.
     */
    public static final long MAX_WEIGHT = 1_000_000;
    /** The most applicants any request may hold, whatever {@code iuc.pairing.max-applicants} says. */
    public static final int MAX_APPLICANTS = 100_000;
    /** The most pinned or excluded pairs a request may hold. */
    public static final int MAX_PAIRS = 100_000;

    public List<ApplicantDto> applicantsOrEmpty() {
        return applicants == null ? List.of() : applicants;
    }

    public List<PairDto> pinnedPairsOrEmpty() {
        return pinnedPairs == null ? List.of() : pinnedPairs;
    }

    public List<PairDto> excludedPairsOrEmpty() {
        return excludedPairs == null ? List.of() : excludedPairs;
    }

    public PairingRunRequest withStopAtProvenOptimum(Boolean stop) {
        return new PairingRunRequest(name, call, applicants, weights, termination, pinnedPairs, excludedPairs, stop,
                mode, fillFromReference, callId);
    }

    /** The same request with other applicants (filled from the reference data). */
    public PairingRunRequest withApplicants(List<ApplicantDto> newApplicants) {
        return new PairingRunRequest(name, call, newApplicants, weights, termination, pinnedPairs, excludedPairs,
                stopAtProvenOptimum, mode, fillFromReference, callId);
    }

    public boolean stopsAtProvenOptimum() {
        return !Boolean.FALSE.equals(stopAtProvenOptimum);
    }

    /** The call's theme vocabulary: its own, or the IUC topics. */
    public List<String> themes() {
        return call != null && call.themes() != null ? call.themes() : CallRules.DEFAULT_THEMES;
    }

    public PairingRunRequest withPairs(List<PairDto> newPinnedPairs, List<PairDto> newExcludedPairs) {
        return new PairingRunRequest(name, call, applicants, weights, termination, newPinnedPairs, newExcludedPairs,
                stopAtProvenOptimum, mode, fillFromReference, callId);
    }

    public PairingRunRequest withName(String newName) {
        return new PairingRunRequest(newName, call, applicants, weights, termination, pinnedPairs, excludedPairs,
                stopAtProvenOptimum, mode, fillFromReference, callId);
    }

    /** The same request made for a call, with the call's rules when it has none of its own. */
    public PairingRunRequest withCall(CallRulesDto rules, UUID newCallId) {
        return new PairingRunRequest(name, rules, applicants, weights, termination, pinnedPairs, excludedPairs,
                stopAtProvenOptimum, mode, fillFromReference, newCallId);
    }

    public PairingRunRequest withTermination(TerminationDto newTermination) {
        return new PairingRunRequest(name, call, applicants, weights, newTermination, pinnedPairs, excludedPairs,
                stopAtProvenOptimum, mode, fillFromReference, callId);
    }

    /** Every challenge's theme is one of the call's themes (themes are data of each call). */
    @Documented
    @Constraint(validatedBy = ThemesValidator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface ThemesOfTheCall {

        String message() default "a challenge names a theme the call does not have";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** Checks each applicant's challenges against the call's theme vocabulary. */
    public static class ThemesValidator implements ConstraintValidator<ThemesOfTheCall, PairingRunRequest> {

        @Override
        public boolean isValid(PairingRunRequest request, ConstraintValidatorContext context) {
            List<String> themes = request.themes();
            boolean valid = true;
            context.disableDefaultConstraintViolation();
            List<ApplicantDto> applicants = request.applicantsOrEmpty();
            for (int i = 0; i < applicants.size(); i++) {
                ApplicantDto applicant = applicants.get(i);
                if (applicant == null || applicant.challenges() == null) {
                    continue;
                }
                for (int k = 0; k < applicant.challenges().size(); k++) {
                    ApplicantDto.ChallengeDto challenge = applicant.challenges().get(k);
                    if (challenge == null || challenge.theme() == null || challenge.theme().isBlank()
                            || themes.contains(challenge.theme())) {
                        continue;
                    }
                    valid = false;
                    context.buildConstraintViolationWithTemplate(Messages.literal(Messages.quote(challenge.theme())
                            + " is not a theme of the call; the call's themes are " + Messages.list(themes)))
                            .addPropertyNode("applicants")
                            .addPropertyNode("challenges").inIterable().atIndex(i)
                            .addPropertyNode("theme").inIterable().atIndex(k)
                            .addConstraintViolation();
                }
            }
            return valid;
        }
    }
}
