package eu.iucplanner.web;

import java.util.UUID;

import eu.iucplanner.pairing.persistence.RunStatus;

/** What the run event streams need of a run's metadata, pairing or scheduling. */
public interface RunMetadata {

    UUID id();

    RunStatus status();

    /** The {@code best-solution} event of the current best solution; {@code null} before the first one. */
    Object bestSolutionEvent();
}
