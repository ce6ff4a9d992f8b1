package eu.iucplanner.pairing.service;

import eu.iucplanner.validation.FreeText;
import eu.iucplanner.validation.Limits;
import eu.iucplanner.validation.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A call to create, or a call's new name, description and rules (PUT replaces all three).
 *
 * @param name        the call's name, e.g. "IURC 2024, Asia round"
 * @param description what the call is, for the coordination unit
 * @param rules       the call's rules, as a pairing request's {@code call}; left out: the current IURC call's defaults
 */
@Schema(description = "A call: its name, an optional description and its rules.")
public record CallRequest(
        @Schema(example = "IURC 2024, Asia round", maxLength = Limits.NAME, requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank(message = "is required") @Size(max = Limits.NAME, message = "must be at most " + Limits.NAME
                + " characters") @PlainText String name,
        @Schema(example = "Second round; cities above 50,000 inhabitants are preferred.", maxLength = Limits.TEXT)
        @Size(max = Limits.TEXT, message = "must be at most " + Limits.TEXT + " characters") @FreeText
        String description,
        @Valid CallRulesDto rules) {
}
