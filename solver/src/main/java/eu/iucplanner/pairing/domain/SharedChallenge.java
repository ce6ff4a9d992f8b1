package eu.iucplanner.pairing.domain;

/** A theme both applicants of a pair work on, with each one's priority. */
public record SharedChallenge(String theme, int firstPriority, int secondPriority) {

    public int points() {
        return firstPriority * secondPriority;
    }
}
