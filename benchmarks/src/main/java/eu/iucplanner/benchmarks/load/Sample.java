package eu.iucplanner.benchmarks.load;

/**
 * One request and how it ended.
 *
 * @param atNanos   when it was sent, {@link System#nanoTime()}
 * @param latencyNanos how long until its answer (or its failure)
 * @param outcome   how it ended
 * @param status    the HTTP status, 0 without an answer
 */
record Sample(long atNanos, long latencyNanos, Outcome outcome, int status) {

    /** How a request ended. */
    enum Outcome {
        /** an answer with the expected status */
        OK,
        /** an answer with another status */
        BAD_STATUS,
        /** no answer within the client's timeout */
        TIMEOUT,
        /** the connection was refused, reset or closed without an answer */
        ERROR
    }

    static Sample answered(long atNanos, long latencyNanos, int status, boolean expected) {
        return new Sample(atNanos, latencyNanos, expected ? Outcome.OK : Outcome.BAD_STATUS, status);
    }

    boolean ok() {
        return outcome == Outcome.OK;
    }

    /** Whether the server answered at all (any status). */
    boolean answered() {
        return outcome == Outcome.OK || outcome == Outcome.BAD_STATUS;
    }

    double latencyMillis() {
        return latencyNanos / 1e6;
    }

    /** A short label for histograms: the status, or the kind of failure. */
    String label() {
        return switch (outcome) {
            case OK, BAD_STATUS -> String.valueOf(status);
            case TIMEOUT -> "timeout";
            case ERROR -> "no answer";
        };
    }
}
