package eu.iucplanner.benchmarks.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every run the service accepted (answered 202), and the check that none was lost: each must exist and end
 * COMPLETED, TERMINATED or INCOMPLETE; a missing or FAILED one is lost.
 */
final class Runs {

    /** A run the service accepted. */
    record Run(String id, String scenario, String label) {
    }

    /**
     * The runs of a check and what became of them.
     *
     * @param statuses how many ended how ({@code missing} for a 404)
     * @param lost     each lost run: id, label, status and the service's failure message
     */
    record Check(int accepted, Map<String, Long> statuses, List<String> lost) {

        String statusesText() {
            StringBuilder text = new StringBuilder();
            statuses.forEach((status, count) -> text.append(text.length() == 0 ? "" : ", ").append(status)
                    .append(" ").append(count));
            return text.toString();
        }
    }

    static final Set<String> FINAL = Set.of("COMPLETED", "TERMINATED", "INCOMPLETE", "FAILED");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final Supplier<Api> reader;
    private final List<Run> accepted = new ArrayList<>();

    Runs(Api api) {
        this(() -> api);
    }

    /** Runs read through whichever service {@code reader} names at the time (a replica that is up). */
    Runs(Supplier<Api> reader) {
        this.reader = reader;
    }

    /** Records an answer to a submission: a 202 is a run that must not be lost. */
    synchronized Optional<Run> accept(String scenario, String label, Api.Answer answer) {
        if (!answer.is(202)) {
            return Optional.empty();
        }
        Matcher matcher = ID.matcher(answer.body());
        if (!matcher.find()) {
            throw new IllegalStateException("A 202 without a run id: " + answer.body());
        }
        Run run = new Run(matcher.group(1), scenario, label);
        accepted.add(run);
        return Optional.of(run);
    }

    synchronized List<Run> all() {
        return List.copyOf(accepted);
    }

    synchronized List<Run> of(String scenario) {
        return accepted.stream().filter(run -> run.scenario().equals(scenario)).toList();
    }

    /** Submits a body and records the run when accepted. */
    Api.Answer submit(String scenario, String label, String body, Duration timeout) {
        Api api = reader.get();
        Api.Answer answer = api.send(api.postJson(Api.RUNS, body, timeout));
        accept(scenario, label, answer);
        return answer;
    }

    /** The ids of the runs that are SCHEDULED or SOLVING now; empty when the service did not answer. */
    Optional<Set<String>> unfinished() {
        Api api = reader.get();
        Api.Answer answer = api.send(api.get(Api.RUNS + "?status=SCHEDULED&status=SOLVING&size=200",
                Duration.ofSeconds(10)));
        if (!answer.is(200)) {
            return Optional.empty();
        }
        Set<String> ids = new HashSet<>();
        Matcher matcher = ID.matcher(answer.body());
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return Optional.of(ids);
    }

    /** Waits until none of these runs is SCHEDULED or SOLVING; false when some still are at the deadline. */
    boolean awaitEnded(Collection<Run> runs, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> ids = new HashSet<>();
        runs.forEach(run -> ids.add(run.id()));
        while (true) {
            Optional<Set<String>> open = unfinished();
            if (open.isPresent() && open.get().stream().noneMatch(ids::contains)) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(1_000);
        }
    }

    /** Waits until a run has this status (or has ended, when the status is a final one it did not reach). */
    Optional<String> awaitStatus(Run run, String status, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<String> current = Optional.empty();
        while (System.nanoTime() < deadline) {
            current = reader.get().runStatus(run.id());
            if (current.isPresent() && (current.get().equals(status) || FINAL.contains(current.get()))) {
                return current;
            }
            Thread.sleep(200);
        }
        return current;
    }

    /** What became of these runs. */
    Check check(Collection<Run> runs) {
        Map<String, Long> statuses = new TreeMap<>();
        List<String> lost = new ArrayList<>();
        Api api = reader.get();
        for (Run run : runs) {
            Api.Answer answer = api.send(api.get(Api.RUNS + "/" + run.id() + "/metadata",
                    Duration.ofSeconds(10)));
            String status;
            if (answer.is(404)) {
                status = "missing";
            } else if (answer.is(200)) {
                status = Api.stringField(answer.body(), "status").orElse("?");
            } else {
                status = "no answer (" + answer.describe() + ")";
            }
            statuses.merge(status, 1L, Long::sum);
            if (!status.equals("COMPLETED") && !status.equals("TERMINATED") && !status.equals("INCOMPLETE")) {
                String message = answer.body() == null ? "" : Api.stringField(answer.body(), "failureMessage")
                        .map(text -> ": " + text).orElse("");
                lost.add(run.id() + " (" + run.scenario() + ", " + run.label() + ") " + status + message);
            }
        }
        return new Check(runs.size(), statuses, lost);
    }
}
