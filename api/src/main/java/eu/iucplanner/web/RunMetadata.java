package eu.iucplanner.web;

import java.util.UUID;

import eu.iucplanner.pairing.persistence.RunStatus;

/** What the run event streams need of a run's metadata, pairing or scheduling. */
public interface RunMetadata {

    UUID id();

    RunStatus status();
}
