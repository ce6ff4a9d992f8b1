package eu.iucplanner.pairing.service;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The pairing service's own settings ({@code iuc.pairing.*}); the limits every run shares are
 * {@link eu.iucplanner.run.service.RunProperties}.
 *
 * @param maxApplicants the largest pool accepted at submission; larger ones answer 413. Stored runs are not checked
 *                      again when it is lowered.
 */
@ConfigurationProperties("iuc.pairing")
public record PairingProperties(@DefaultValue("20000") int maxApplicants) {
}
