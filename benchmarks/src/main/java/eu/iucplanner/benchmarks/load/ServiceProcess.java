package eu.iucplanner.benchmarks.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The service started from its jar as a child process, with its own ports and embedded-database data directory; its
 * output goes to a log file. Only this process and the PostgreSQL server it started on its data directory are ever
 * stopped or killed, by their process ids.
 */
final class ServiceProcess {

    /**
     * How the service is started: the same for every start of one fault-and-load run.
     *
     * @param dataDirectory the embedded PostgreSQL's data directory; {@code null} for a replica on an external
     *                      database (given in {@code serviceArguments})
     * @param environment   variables added to the tool's own for the service process: the secret ones (the token, a
     *                      database password), kept out of its command line, which every user of the machine can read
     */
    record Settings(Path jar, int apiPort, int managementPort, Path dataDirectory, List<String> jvmArguments,
            List<String> serviceArguments, Map<String, String> environment) {

        List<String> command() {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmArguments);
            command.add("-jar");
            command.add(jar.toString());
            command.add("--server.port=" + apiPort);
            command.add("--management.server.port=" + managementPort);
            if (dataDirectory != null) {
                command.add("--iuc.embedded-db.data-dir=" + dataDirectory);
            }
            command.addAll(serviceArguments);
            return command;
        }
    }

    private final Process process;
    private final Path log;

    private ServiceProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ServiceProcess start(Settings settings, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(settings.command())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(settings.environment());
        return new ServiceProcess(builder.start(), log);
    }

    /**
     * Waits until the service is up by {@code up} (health or readiness on its management port), then until it
     * accepts the tool's token (created once the application has started, which may be just after health first
     * answers UP). How long until it was up.
     *
     * @throws IllegalStateException when the process exits first, or is not up and accepting the token in time
     */
    Duration awaitUp(BooleanSupplier up, Api api, Duration timeout) throws InterruptedException {
        long at = System.nanoTime();
        long deadline = at + timeout.toNanos();
        while (!up.getAsBoolean()) {
            if (!isAlive()) {
                throw new IllegalStateException("The service exited while starting; see " + log.toAbsolutePath());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The service was not UP " + timeout.toSeconds() + " s after its "
                        + "start; see " + log.toAbsolutePath());
            }
            Thread.sleep(250);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - at);
        while (!api.tokenAccepted()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The service did not accept the administrator's token "
                        + timeout.toSeconds() + " s after its start; see " + log.toAbsolutePath());
            }
            Thread.sleep(100);
        }
        return took;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** kill -9. */
    void kill() {
        process.destroyForcibly();
    }

    /** SIGTERM: a graceful stop. */
    void terminate() {
        process.destroy();
    }

    /** Waits for the process to exit; false when it is still alive after the timeout. */
    boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The exit code once the process has exited. */
    int exitCode() {
        return process.exitValue();
    }

    /** Resident set size in bytes ({@code VmRSS} of /proc/pid/status), or -1 when it cannot be read. */
    long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).strip().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process has gone
        }
        return -1;
    }

    /** CPU time used so far (user and system) in clock ticks of /proc/pid/stat, or -1. */
    long cpuTicks() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state(3) ... utime is field 14, stime field 15 of the whole line
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU seconds used so far (user and system, at 100 clock ticks a second); {@code NaN} when unknown. */
    double cpuSeconds() {
        long ticks = cpuTicks();
        return ticks < 0 ? Double.NaN : ticks / 100.0;
    }

    /**
     * Waits until these processes together use fewer than {@code cores} cores over 2 s; false when they still do
     * after {@code cap}.
     */
    static boolean awaitIdle(Collection<ServiceProcess> processes, double cores, Duration cap)
            throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < cap.toNanos()) {
            double before = processes.stream().mapToDouble(ServiceProcess::cpuSeconds).sum();
            Thread.sleep(2_000);
            double now = processes.stream().mapToDouble(ServiceProcess::cpuSeconds).sum();
            if (!Double.isNaN(before) && !Double.isNaN(now) && (now - before) / 2 < cores) {
                return true;
            }
        }
        return false;
    }

    /** The embedded PostgreSQL's postmaster: the first line of {@code postmaster.pid} in the data directory. */
    static OptionalLong postmasterPid(Path dataDirectory) {
        Path file = dataDirectory.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(file)) {
                return OptionalLong.empty();
            }
            String first = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
            return OptionalLong.of(Long.parseLong(first));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The live postmaster of this data directory, if its lock file names a running {@code postgres}. */
    static java.util.Optional<ProcessHandle> livePostmaster(Path dataDirectory) {
        OptionalLong pid = postmasterPid(dataDirectory);
        if (pid.isEmpty()) {
            return java.util.Optional.empty();
        }
        return ProcessHandle.of(pid.getAsLong()).filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.endsWith("postgres"))
                        .orElse(false));
    }
}
