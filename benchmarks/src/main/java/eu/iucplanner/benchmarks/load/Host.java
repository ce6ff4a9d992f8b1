package eu.iucplanner.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/** The machine the commands run on: what it is, how busy it is, free ports, and clean-up of temporary trees. */
final class Host {

    private Host() {
    }

    /** CPU model, cores, RAM, operating system and Java. */
    static String machine() {
        String cpu = "unknown CPU";
        String memory = "unknown memory";
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version");
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .findFirst().map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse(cpu);
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal"))
                    .findFirst().map(line -> String.format(Locale.ROOT, "%.1f GiB RAM", Long.parseLong(
                            line.replaceAll("[^0-9]", "")) / 1024.0 / 1024)).orElse(memory);
            String pretty = Files.readAllLines(Path.of("/etc/os-release")).stream()
                    .filter(line -> line.startsWith("PRETTY_NAME=")).findFirst()
                    .map(line -> line.substring(12).replace("\"", "")).orElse("");
            os = pretty + " (" + os + ")";
        } catch (IOException | RuntimeException e) {
            // not Linux: keep what the JVM says
        }
        return String.format(Locale.ROOT, "%s, nproc %d, %s, %s, Java %s (%s)", cpu,
                Runtime.getRuntime().availableProcessors(), memory, os, System.getProperty("java.version"),
                System.getProperty("java.vm.name"));
    }

    /** The load average over 1, 5 and 15 minutes, from {@code /proc/loadavg}. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not delete " + root + ": " + e);
        }
    }
}
