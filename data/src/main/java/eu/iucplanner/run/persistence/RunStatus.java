package eu.iucplanner.run.persistence;

/** The lifecycle of a run, whatever it solves. */
public enum RunStatus {
    /** Stored and waiting for a solver thread, in submission order. */
    SCHEDULED,
    SOLVING,
    /** The solver stopped on its own termination. */
    COMPLETED,
    /** A user stopped it early; the best solution found is kept. */
    TERMINATED,
    /** The solver failed; the best solution found before the failure, if any, is kept. */
    FAILED,
    /** The service stopped while the run was solving; the last stored best solution is kept. */
    INCOMPLETE;

    public boolean isFinal() {
        return this != SCHEDULED && this != SOLVING;
    }
}
