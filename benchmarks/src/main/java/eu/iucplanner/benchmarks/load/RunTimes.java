package eu.iucplanner.benchmarks.load;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A run's lifecycle as its metadata ({@code GET .../{id}/metadata}) tells it: the service's own timestamps, the
 * replica that solved it and how often it was taken up again. The service's clock is the tool's (one machine), so
 * these times compare with the tool's {@link Instant#now()}.
 *
 * @param startedAt           when a replica first took it from the queue; {@code null} before
 * @param completedAt         when it ended; {@code null} before
 * @param replica             the replica that solves it or solved it last; {@code null} before it was taken
 * @param resumes             how often it was taken up again (0 when the metadata has none)
 * @param moveEvaluationSpeed moves evaluated per second, once it ended; -1 when not given
 * @param solvingDuration     how long the solver ran (once it ended); {@code null} when not given
 * @param score               its best score so far; {@code null} before the first
 */
record RunTimes(String id, String status, Instant submittedAt, Instant startedAt, Instant completedAt,
        String replica, int resumes, long moveEvaluationSpeed, Duration solvingDuration, String score) {

    /** Reads the metadata document of a run. */
    static RunTimes parse(String json) {
        OptionalLong resumes = Api.longField(json, "resumes");
        OptionalLong speed = Api.longField(json, "moveEvaluationSpeed");
        return new RunTimes(Api.stringField(json, "id").orElse(null), Api.stringField(json, "status").orElse(null),
                instant(json, "submittedAt"), instant(json, "startedAt"), instant(json, "completedAt"),
                Api.stringField(json, "replica").orElse(null), (int) resumes.orElse(0), speed.orElse(-1),
                Api.stringField(json, "solvingDuration").map(Duration::parse).orElse(null),
                Api.stringField(json, "score").orElse(null));
    }

    boolean ended() {
        return status != null && Runs.FINAL.contains(status);
    }

    /** Seconds it waited in the queue before a replica took it; {@code NaN} before that. */
    double waitSeconds() {
        return startedAt == null ? Double.NaN : seconds(submittedAt, startedAt);
    }

    /** Seconds from its submission until it ended; {@code NaN} before that. */
    double turnaroundSeconds() {
        return completedAt == null ? Double.NaN : seconds(submittedAt, completedAt);
    }

    static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    private static Instant instant(String json, String field) {
        Optional<String> text = Api.stringField(json, field);
        try {
            return text.map(value -> OffsetDateTime.parse(value).toInstant()).orElse(null);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Compares two scores of the same shape, such as {@code 0hard/-8medium/8649soft}, level by level (hard first):
     * negative when {@code a} is worse than {@code b}.
     *
     * @throws IllegalArgumentException when they do not have the same levels
     */
    static int compareScores(String a, String b) {
        String[] left = a.split("/");
        String[] right = b.split("/");
        if (left.length != right.length) {
            throw new IllegalArgumentException("Scores of different shapes: " + a + ", " + b);
        }
        for (int i = 0; i < left.length; i++) {
            int compared = Long.compare(level(left[i]), level(right[i]));
            if (compared != 0) {
                return compared;
            }
        }
        return 0;
    }

    private static long level(String part) {
        int end = 0;
        while (end < part.length() && (Character.isDigit(part.charAt(end)) || end == 0 && part.charAt(0) == '-')) {
            end++;
        }
        return Long.parseLong(part.substring(0, end));
    }
}
