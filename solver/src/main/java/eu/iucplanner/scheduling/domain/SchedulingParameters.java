package eu.iucplanner.scheduling.domain;

/**
 * The numbers the scheduling constraints use.
 *
 * @param studyVisitsApartDays the two study visits of a pair start at least this many days apart
 * @param spreadDays           two events of a pair starting closer than this count as bunched
 */
public record SchedulingParameters(int studyVisitsApartDays, int spreadDays) {

    public static SchedulingParameters defaults() {
        return new SchedulingParameters(90, 21);
    }
}
