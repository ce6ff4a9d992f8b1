package eu.iucplanner.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.springframework.boot.test.web.server.LocalServerPort;

import eu.iucplanner.TestCredentials;
import eu.iucplanner.app.IucPlannerApplication;

/**
 * Uploads that trickle in hold no request thread while their body arrives (it is read without blocking and handed to
 * the application once complete): with three times more stalled uploads than the API has threads, the API still
 * answers, and a slow upload that does complete is handled as usual.
 */
@SpringBootTest(classes = IucPlannerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "iuc.embedded-db.data-dir=target/it-postgres-slow-uploads-${random.uuid}",
                "server.tomcat.threads.max=4", "server.tomcat.threads.min-spare=4",
                "server.tomcat.connection-timeout=120s", "iuc.request-body-timeout=PT90S" })
class SlowUploadsIT {

    @LocalServerPort
    int port;

    @Test
    void theApiAnswersWhileMoreUploadsTrickleInThanItHasThreads() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                Socket socket = new Socket("localhost", port);
                socket.getOutputStream().write(("POST /api/v1/pairing-runs HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: " + TestCredentials.admin() + "\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
                        .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                stalled.add(socket);
            }
            // Give the stalled uploads time to reach the application and take whatever they take.
            Thread.sleep(1_000);
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
            HttpResponse<String> list = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/v1/pairing-runs")).header("Authorization", TestCredentials.admin())
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(list.statusCode()).isEqualTo(200);
            for (Socket socket : stalled) {
                socket.setSoTimeout(50);
                assertThatThrownBy(() -> socket.getInputStream().read())
                        .as("the upload is still open, waiting for its body, unanswered")
                        .isInstanceOf(java.net.SocketTimeoutException.class);
            }
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    @Test
    void aSlowUploadThatCompletesIsHandledAsUsual() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            byte[] body = "{\"applicants\": []}".getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/pairing-runs HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: " + TestCredentials.admin() + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (byte b : body) {
                out.write(b);
                out.flush();
                Thread.sleep(20);
            }
            socket.setSoTimeout(60_000);
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(answer).contains("application/problem+json").contains("applicants");
        }
    }
}
