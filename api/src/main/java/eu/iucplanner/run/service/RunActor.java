package eu.iucplanner.run.service;

import java.util.Optional;

/**
 * Who is acting on runs right now, as the identity feature knows it: the run feature records the submitter of each
 * run and names the actor in its {@link RunEvent}s without depending on how users log in.
 */
public interface RunActor {

    /** The user acting in this thread, if any (none for the service's own work, such as recovery). */
    Optional<String> current();

    /** Whether runs the current user submits are analysis runs (an analyst's what-ifs). */
    boolean submitsAnalysisRuns();

    /** Whether the current user may see personal data (applicants' lead-authority contacts). */
    boolean seesPersonalData();

    /**
     * Admits a submission of the current user, or refuses it ({@code ProblemException} 429) when the user submits
     * too often or has too many runs waiting or solving. Called before anything is stored.
     */
    default void admit(String kind) {
    }

    /** No logins: nobody is named, nothing is analysis, everything is visible. */
    RunActor NOBODY = new RunActor() {
        @Override
        public Optional<String> current() {
            return Optional.empty();
        }

        @Override
        public boolean submitsAnalysisRuns() {
            return false;
        }

        @Override
        public boolean seesPersonalData() {
            return true;
        }
    };
}
