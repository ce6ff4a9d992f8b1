package eu.iucplanner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import eu.iucplanner.app.IucPlannerApplication;

/**
 * Careless or hostile clients cannot take the service down: a body that trickles in is cut off with a 408 problem
 * detail, and health answers on its own port while every API thread is held by a stalled client.
 */
@SpringBootTest(classes = IucPlannerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "iuc.embedded-db.data-dir=target/it-postgres-stays-up-${random.uuid}",
                "server.tomcat.threads.max=4", "server.tomcat.threads.min-spare=4",
                "server.tomcat.connection-timeout=60s", "iuc.request-body-timeout=PT2S" })
class ServiceStaysUpIT {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void aBodyThatTricklesInIsCutOffWithAProblemDetail() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/pairing-runs HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: " + eu.iucplanner.TestCredentials.admin() + "\r\n"
                    + "Content-Length: 100000\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            // One byte every 100 ms: the body would take almost three hours; the service gives up after 2 s.
            InputStream in = socket.getInputStream();
            socket.setSoTimeout(100);
            java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            boolean closed = false;
            for (int i = 0; i < 1_200 && !closed && received.size() == 0; i++) {
                try {
                    out.write(i == 0 ? '{' : ' ');
                    out.flush();
                } catch (java.io.IOException brokenPipe) {
                    break;
                }
                try {
                    int n = in.read(buffer);
                    if (n < 0) {
                        closed = true;
                    } else {
                        received.write(buffer, 0, n);
                    }
                } catch (java.net.SocketTimeoutException nothingYet) {
                    // keep trickling
                }
            }
            // The rest of the answer: until its last chunk (the connection itself may stay open a while).
            socket.setSoTimeout(30_000);
            while (!received.toString(StandardCharsets.UTF_8).contains("\r\n0\r\n\r\n")) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (java.io.IOException reset) {
                    break;
                }
                if (n < 0) {
                    break;
                }
                received.write(buffer, 0, n);
            }
            String answer = received.toString(StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 408");
            assertThat(answer.toLowerCase()).contains("content-type: application/problem+json");
            assertThat(answer).contains("iuc.request-body-timeout");
        }
    }

    @Test
    void healthAnswersOnItsOwnPortWhileEveryApiThreadIsHeld() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        List<Socket> stalled = new ArrayList<>();
        try {
            // More stalled uploads than the API has threads: each sends its headers and never its body.
            for (int i = 0; i < 8; i++) {
                Socket socket = new Socket("localhost", port);
                socket.getOutputStream().write(("POST /api/v1/pairing-runs HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: " + eu.iucplanner.TestCredentials.admin() + "\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
                        .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                stalled.add(socket);
            }
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                    + managementPort + "/actuator/health")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }
}
