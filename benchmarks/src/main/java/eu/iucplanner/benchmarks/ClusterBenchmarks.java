package eu.iucplanner.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import eu.iucplanner.demo.DemoPoolSize;
import eu.iucplanner.demo.DemoPools;
import eu.iucplanner.pairing.domain.Applicant;
import eu.iucplanner.pairing.domain.ApplicantProfile;
import eu.iucplanner.pairing.domain.ClusterCoherence;
import eu.iucplanner.pairing.domain.PairScores;
import eu.iucplanner.pairing.domain.PairingProblem;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.domain.PartnerSlot;
import eu.iucplanner.pairing.solver.PairingProblemFactory;

/**
 * Issue 15's cluster pool ({@code -Dbenchmark.args=clusters}): the MEDIUM demo pool (seed 1, regional balance off)
 * with every applicant taking 2 or 3 partners (alternately, in pool order), solved by the service default in 30 s
 * with the cluster coherence NONE, SOFT and HARD: score, bound and gap, clusters formed (applicants with two partners
 * or more, either side), incoherent clusters (members sharing no theme of the call), time. Writes
 * {@code results/clusters.md}.
 */
public final class ClusterBenchmarks {

    private static final Duration BUDGET = Duration.ofSeconds(30);

    private ClusterBenchmarks() {
    }

    public static void main(String[] args) throws IOException {
        PairingProblem medium = DemoPools.generate(DemoPoolSize.MEDIUM, DemoPools.DEFAULT_SEED, false);
        List<ApplicantProfile> applicants = new ArrayList<>();
        for (int k = 0; k < medium.applicants().size(); k++) {
            applicants.add(withPlaces(medium.applicants().get(k), 2 + k % 2));
        }
        List<String> out = new ArrayList<>();
        out.add("# Cluster pool (" + OffsetDateTime.now().withNano(0) + ")");
        out.add("");
        out.add("Machine: " + Runtime.getRuntime().availableProcessors() + " cores available to the JVM, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", Java "
                + System.getProperty("java.version") + "; load average at the start "
                + ThemeSpreadBenchmarks.loadAverage() + ". MEDIUM demo pool (seed 1, balance off), every applicant "
                + "taking 2 or 3 partners; service default, " + BUDGET + " budget; single runs.");
        out.add("");
        out.add("| cluster coherence | score | bound (kind) | gap | pairs | clusters formed | incoherent clusters "
                + "| time |");
        out.add("|---|---|---|---|---|---|---|---|");
        for (ClusterCoherence rule : ClusterCoherence.values()) {
            PairingProblem problem = new PairingProblem(medium.call().withClusterCoherence(rule), applicants,
                    medium.pinnedPairs(), medium.excludedPairs(), medium.weightOverrides());
            long start = System.nanoTime();
            PairingSolution best = ThemeSpreadBenchmarks.solve(PairingProblemFactory.create(problem), BUDGET);
            double seconds = ThemeSpreadBenchmarks.seconds(start);
            Map<Applicant, List<Applicant>> clusters = new HashMap<>();
            for (PartnerSlot slot : best.getSlots()) {
                if (slot.getPartner() != null) {
                    clusters.computeIfAbsent(slot.getOwner(), a -> new ArrayList<>()).add(slot.getPartner());
                    clusters.computeIfAbsent(slot.getPartner(), a -> new ArrayList<>()).add(slot.getOwner());
                }
            }
            long formed = clusters.values().stream().filter(partners -> partners.size() >= 2).count();
            long incoherent = clusters.entrySet().stream().filter(cluster -> cluster.getValue().size() >= 2
                    && !PairScores.isCoherent(cluster.getKey(), cluster.getValue())).count();
            Double gap = best.getProvenBound().gapPercent(best.getScore());
            out.add(String.format(Locale.ROOT, "| %s | %s | %s (%s) | %s | %d | %d | %d | %.1f s |", rule,
                    best.getScore(), best.bestBound(), best.getProvenBound().exact() ? "optimum" : "relaxation",
                    gap == null ? "n/a" : String.format(Locale.ROOT, "%.3f %%", gap),
                    ThemeSpreadBenchmarks.pairs(best), formed, incoherent, seconds));
            System.out.println(out.get(out.size() - 1));
        }
        out.add("");
        out.add("Load average at the end: " + ThemeSpreadBenchmarks.loadAverage() + ".");
        Path file = Path.of("results", "clusters.md");
        Files.createDirectories(file.getParent());
        Files.write(file, out);
        out.forEach(System.out::println);
    }

    private static ApplicantProfile withPlaces(ApplicantProfile a, int maxPartners) {
        return new ApplicantProfile(a.id(), a.name(), a.country(), a.region(), a.kind(), a.population(), a.members(),
                a.leadAuthorityContact(), a.languages(), a.challenges(), a.preferredPartnerRegions(),
                a.committedMonths(), maxPartners, a.covenantSignatory(), a.excludedPartnerIds(), a.coordinates(),
                a.declaredPopulations(), a.earlierPartnerIds(), a.previousParticipant(), a.subdivision());
    }
}
