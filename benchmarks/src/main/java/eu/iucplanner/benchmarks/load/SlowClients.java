package eu.iucplanner.benchmarks.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Clients that send a request's headers at once and then its body one byte at a time, each byte within Tomcat's
 * connection timeout of the previous one, so only a limit on the whole body's time can cut them (the service's
 * {@code iuc.request-body-timeout}). Raw sockets, one thread each. They send the token like any client: without it
 * the service answers 401 before it reads a byte of the body (and, with {@code server.tomcat.max-swallow-size} 0,
 * never reads it), so a slow body would never be tested.
 */
final class SlowClients {

    private SlowClients() {
    }

    /**
     * Runs the clients until each is answered or cut, or {@code cap} has passed (then it counts as timed out: the
     * service let it hold its connection).
     *
     * @param authorization  the {@code Authorization} header's value, {@code null} for none
     * @param expectedStatus the status each client should get (408 with credentials, 401 without)
     * @return one sample per client: its status and when it came, from the client's start
     */
    static List<Sample> run(int port, int clients, String path, String authorization, byte[] body,
            Duration byteInterval, Duration cap, int expectedStatus) throws InterruptedException {
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(null, () -> {
                try {
                    samples.add(client(port, path, authorization, body, byteInterval, cap, expectedStatus));
                } finally {
                    done.countDown();
                }
            }, "slow-client-" + i, 128 * 1024);
            thread.setDaemon(true);
            thread.start();
        }
        done.await(cap.toMillis() + 15_000, java.util.concurrent.TimeUnit.MILLISECONDS);
        return List.copyOf(samples);
    }

    private static Sample client(int port, String path, String authorization, byte[] body, Duration byteInterval,
            Duration cap, int expectedStatus) {
        long start = System.nanoTime();
        long deadline = start + cap.toNanos();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout((int) byteInterval.toMillis());
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            String headers = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + "Content-Type: application/json\r\nAccept: application/json\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                    + "Content-Length: " + body.length + "\r\n\r\n";
            out.write(headers.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            int sent = 0;
            while (System.nanoTime() < deadline) {
                try {
                    int first = in.read();
                    long latency = System.nanoTime() - start;
                    if (first < 0) {
                        return new Sample(start, latency, Sample.Outcome.ERROR, 0);
                    }
                    int status = status(first, in);
                    return Sample.answered(start, latency, status, status == expectedStatus);
                } catch (SocketTimeoutException quiet) {
                    if (sent < body.length) {
                        out.write(body[sent++]);
                        out.flush();
                    }
                }
            }
            return new Sample(start, System.nanoTime() - start, Sample.Outcome.TIMEOUT, 0);
        } catch (IOException e) {
            // refused, reset or a broken pipe: cut without an answer
            return new Sample(start, System.nanoTime() - start, Sample.Outcome.ERROR, 0);
        }
    }

    /** The status code of a status line ("HTTP/1.1 408 ..."), whose first byte was read already. */
    private static int status(int first, InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        line.write(first);
        int next;
        while ((next = in.read()) >= 0 && next != '\n' && line.size() < 200) {
            line.write(next);
        }
        String[] parts = line.toString(StandardCharsets.US_ASCII).split(" ");
        try {
            return parts.length > 1 ? Integer.parseInt(parts[1].strip()) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
