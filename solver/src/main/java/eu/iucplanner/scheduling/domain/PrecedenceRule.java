package eu.iucplanner.scheduling.domain;

/**
 * Within one pair, the {@code after} event starts at least {@code minimumGapDays} days after the {@code before} event
 * ends.
 */
public record PrecedenceRule(EventKind before, EventKind after, int minimumGapDays) {
}
