package eu.iucplanner.pairing.service;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The pairing service's settings ({@code iuc.pairing.*}).
 *
 * @param parallelRuns              how many runs solve at once; the others wait as SCHEDULED in submission order
 * @param maxApplicants             the largest pool accepted; larger ones answer 413
 * @param maxSpentLimit             the longest a run may solve, whatever its termination says
 * @param bestSolutionWriteInterval how often a solving run's best solution is written to the database at most
 * @param shutdownGrace             how long a stopping service waits for solving runs to store their best solution
 */
@ConfigurationProperties("iuc.pairing")
public record PairingProperties(@DefaultValue("1") int parallelRuns, @DefaultValue("10000") int maxApplicants,
        @DefaultValue("PT30M") Duration maxSpentLimit, @DefaultValue("PT2S") Duration bestSolutionWriteInterval,
        @DefaultValue("PT20S") Duration shutdownGrace) {
}
