package eu.iucplanner.demo;

/**
 * The named sizes of demo pools, by number of applicants. XL is above the service's default pool limit
 * ({@code iuc.pairing.max-applicants}, 10,000); it exists for the scale benchmark.
 */
public enum DemoPoolSize {
    SMALL(40),
    MEDIUM(200),
    LARGE(1_000),
    HUGE(5_000),
    XL(20_000);

    private final int applicants;

    DemoPoolSize(int applicants) {
        this.applicants = applicants;
    }

    public int applicants() {
        return applicants;
    }
}
