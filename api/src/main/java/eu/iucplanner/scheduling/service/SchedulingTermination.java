package eu.iucplanner.scheduling.service;

import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

/** The default termination of scheduling runs (a distinct type, so it is not mistaken for the pairing one). */
public record SchedulingTermination(TerminationConfig config) {
}
