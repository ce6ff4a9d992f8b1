package eu.iucplanner.benchmarks.load;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's output across its starts (one file per process), read back per scenario for the warnings and errors
 * it logged and for a run's timeline: the evidence the report quotes.
 */
final class ServiceLog {

    /** A position in the log: a file (by start) and a byte offset in it. */
    record Mark(int file, long offset) {
    }

    /**
     * Log lines alike but for times, ids and numbers, counted.
     *
     * @param count   how many lines were alike
     * @param example the first of them, as logged (shortened)
     */
    record Group(int count, String example) {
    }

    /**
     * A run's solving as the service logged it: when its worker logged it solving, when Timefold logged "Solving
     * started" and "Custom phase (0) ended" (the exact warm start, the solver's first phase) on that worker, and when
     * the first stop was asked for; each {@code null} when not in the lines.
     *
     * @param warmStartMillis the warm start's "time spent" as Timefold logged it at its end (from the solver's start)
     */
    record Timeline(String runId, String worker, Instant solving, Instant solvingStarted, Instant warmStartEnded,
            Long warmStartMillis, Instant stopAsked) {

        /** Where the first stop fell in the run's solving, as a sentence with the times from the log. */
        String describeStop() {
            if (stopAsked == null) {
                return "no stop of run " + runId + " was logged";
            }
            if (solvingStarted == null || stopAsked.isBefore(solvingStarted)) {
                return "the first stop was logged before Timefold's \"Solving started\": before the solver ran";
            }
            String stop = String.format(Locale.ROOT, "the first stop was logged %.2f s after Timefold's \"Solving "
                    + "started\"", seconds(solvingStarted, stopAsked));
            if (warmStartEnded == null) {
                return stop + "; the warm start's end (\"Custom phase (0) ended\") was not logged";
            }
            String end = String.format(Locale.ROOT, "\"Custom phase (0) ended\" (the warm start) %.2f s after it"
                    + (warmStartMillis == null ? "" : ", time spent %d ms"), seconds(solvingStarted, warmStartEnded),
                    warmStartMillis);
            if (!warmStartEnded.isAfter(stopAsked)) {
                return stop + ", after the warm start: " + end;
            }
            return stop + ", during the warm start: " + end + String.format(Locale.ROOT, ", %.2f s after the stop",
                    seconds(stopAsked, warmStartEnded));
        }

        private static double seconds(Instant from, Instant to) {
            return Duration.between(from, to).toNanos() / 1e9;
        }
    }

    private static final Pattern LINE = Pattern.compile(
            "^(\\S+)\\s+[A-Z]+\\s+\\d+\\s+---\\s+\\[[^\\]]*\\]\\s+\\[\\s*([^\\]]*?)\\]\\s+\\S+\\s+:\\s(.*)$");
    private static final Pattern TIME_SPENT = Pattern.compile("time spent \\((\\d+)\\)");

    /** The timeline of one run in these lines (the service logs each run as {@code <kind> <id> ...}). */
    static Timeline timeline(List<String> lines, String runId) {
        String worker = null;
        Instant solving = null;
        Instant started = null;
        Instant warmEnded = null;
        Long warmMillis = null;
        Instant stop = null;
        for (String line : lines) {
            Matcher matcher = LINE.matcher(line);
            if (!matcher.matches()) {
                continue;
            }
            Instant at;
            try {
                at = Instant.parse(matcher.group(1));
            } catch (DateTimeParseException e) {
                continue;
            }
            String thread = matcher.group(2).strip();
            String message = matcher.group(3);
            if (message.contains(runId)) {
                if (solving == null && isSolving(message, runId)) {
                    solving = at;
                    worker = thread;
                } else if (stop == null && message.endsWith(runId + " asked to stop")) {
                    stop = at;
                }
            } else if (worker != null && thread.equals(worker)) {
                if (started == null && message.startsWith("Solving started")) {
                    started = at;
                } else if (started != null && warmEnded == null && message.startsWith("Custom phase (0) ended")) {
                    warmEnded = at;
                    Matcher spent = TIME_SPENT.matcher(message);
                    warmMillis = spent.find() ? Long.valueOf(spent.group(1)) : null;
                }
            }
        }
        return new Timeline(runId, worker, solving, started, warmEnded, warmMillis, stop);
    }

    /** When the first line whose message passes the test was logged; empty when none did. */
    static Optional<Instant> firstAt(List<String> lines, Predicate<String> message) {
        for (String line : lines) {
            Matcher matcher = LINE.matcher(line);
            if (matcher.matches() && message.test(matcher.group(3))) {
                try {
                    return Optional.of(Instant.parse(matcher.group(1)));
                } catch (DateTimeParseException e) {
                    // not a line of the service's format
                }
            }
        }
        return Optional.empty();
    }

    /** The whole of a log file as lines; none when it cannot be read. */
    static List<String> readAll(Path file) {
        return read(file, 0, size(file));
    }

    /** "pairing ID solving", or since the replicas "pairing ID solving on replica NAME". */
    static boolean isSolving(String message, String runId) {
        int at = message.indexOf(runId + " solving");
        if (at < 0) {
            return false;
        }
        String rest = message.substring(at + runId.length() + " solving".length());
        return rest.isEmpty() || rest.startsWith(" on replica ");
    }

    private static final Pattern NOTABLE = Pattern.compile("^\\S+\\s+(WARN|ERROR)\\s.*");
    private static final Pattern TIMESTAMP = Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern OBJECT = Pattern.compile("@[0-9a-f]+\\b");
    private static final int EXAMPLE_LENGTH = 400;

    private final List<Path> files = new ArrayList<>();

    synchronized void add(Path file) {
        files.add(file);
    }

    synchronized Mark mark() {
        if (files.isEmpty()) {
            return new Mark(0, 0);
        }
        int last = files.size() - 1;
        return new Mark(last, size(files.get(last)));
    }

    /** The lines logged between two marks, across restarts. */
    synchronized List<String> lines(Mark from, Mark to) {
        List<String> lines = new ArrayList<>();
        for (int i = from.file(); i <= to.file() && i < files.size(); i++) {
            long start = i == from.file() ? from.offset() : 0;
            long end = i == to.file() ? to.offset() : size(files.get(i));
            lines.addAll(read(files.get(i), start, end));
        }
        return lines;
    }

    /**
     * The WARN and ERROR lines (with the exception line that follows a message, if any), grouped by what they say.
     */
    static List<Group> notable(List<String> lines) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, String> examples = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!NOTABLE.matcher(line).matches()) {
                continue;
            }
            String text = line;
            if (i + 1 < lines.size()) {
                String next = lines.get(i + 1);
                if (!next.isBlank() && !TIMESTAMP.matcher(next).find() && !next.startsWith("\t")) {
                    text = line + " | " + next.strip();
                }
            }
            String key = key(text);
            counts.computeIfAbsent(key, k -> new int[1])[0]++;
            examples.putIfAbsent(key, text.length() > EXAMPLE_LENGTH ? text.substring(0, EXAMPLE_LENGTH) + " …" : text);
        }
        List<Group> groups = new ArrayList<>();
        counts.forEach((key, count) -> groups.add(new Group(count[0], examples.get(key))));
        return groups;
    }

    /** A line without its time, process and thread, ids and numbers: lines that differ only there are alike. */
    static String key(String line) {
        int message = line.indexOf(" : ");
        String level = line.contains(" ERROR ") ? "ERROR" : "WARN";
        String rest = message < 0 ? line : line.substring(message + 3);
        int logger = line.lastIndexOf(']', message < 0 ? line.length() - 1 : message);
        String source = logger < 0 || message < 0 ? "" : line.substring(logger + 1, message).strip();
        return level + " " + source + " " + OBJECT.matcher(UUID.matcher(rest).replaceAll("<id>"))
                .replaceAll("@<object>").replaceAll("\\d+", "#");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static List<String> read(Path file, long start, long end) {
        if (end <= start) {
            return List.of();
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            byte[] bytes = new byte[(int) Math.min(end - start, 64L << 20)];
            in.seek(start);
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
