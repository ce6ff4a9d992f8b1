package eu.iucplanner.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's HTTP API as the tool uses it (JDK {@link HttpClient}, HTTP/1.1, no code of the {@code api} module):
 * the API port for runs and demo pools, the management port for health and metrics. Every request but health carries
 * the administrator's personal API token ({@code Authorization: Bearer iuc_...}), which the tool chooses for each
 * run and gives the service at its first start; health and info answer without credentials, and the probes ask for
 * health without them, as a load balancer would.
 */
final class Api {

    static final String RUNS = "/api/v1/pairing-runs";
    /** What every personal API token starts with. */
    static final String TOKEN_PREFIX = "iuc_";

    /** An answer, or why there was none. */
    record Answer(long atNanos, long latencyNanos, int status, String body, Throwable failure) {

        Sample toSample(IntPredicate expected) {
            if (failure == null) {
                return Sample.answered(atNanos, latencyNanos, status, expected.test(status));
            }
            Sample.Outcome outcome = failure instanceof HttpTimeoutException ? Sample.Outcome.TIMEOUT
                    : Sample.Outcome.ERROR;
            return new Sample(atNanos, latencyNanos, outcome, 0);
        }

        boolean is(int expected) {
            return failure == null && status == expected;
        }

        /** The status, or the failure with its message (and its cause's). */
        String describe() {
            if (failure == null) {
                return String.valueOf(status);
            }
            String text = failure.getClass().getSimpleName() + " \"" + failure.getMessage() + "\"";
            Throwable cause = failure.getCause();
            return cause == null || cause == failure ? text
                    : text + " (caused by " + cause.getClass().getSimpleName() + " \"" + cause.getMessage() + "\")";
        }
    }

    private final HttpClient client;
    private final URI api;
    private final URI management;
    private final String authorization;

    Api(int apiPort, int managementPort, String token) {
        this.client = newClient();
        this.api = URI.create("http://127.0.0.1:" + apiPort);
        this.management = URI.create("http://127.0.0.1:" + managementPort);
        this.authorization = "Bearer " + token;
    }

    /** A new personal API token: {@code iuc_} and 43 characters of 32 random bytes, as the service makes them. */
    static String newToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The value of the {@code Authorization} header every request but health carries. */
    String authorization() {
        return authorization;
    }

    static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HttpClient client() {
        return client;
    }

    URI api(String path) {
        return api.resolve(path);
    }

    URI management(String path) {
        return management.resolve(path);
    }

    /** A request with the token. */
    HttpRequest.Builder authorized(URI uri, Duration timeout) {
        return HttpRequest.newBuilder(uri).timeout(timeout).header("Authorization", authorization);
    }

    /** {@code GET} of a path on the API port, with the token. */
    HttpRequest get(String path, Duration timeout) {
        return authorized(api(path), timeout).header("Accept", "application/json").GET().build();
    }

    /** {@code POST} of a JSON body to a path on the API port, with the token. */
    HttpRequest postJson(String path, String json, Duration timeout) {
        return authorized(api(path), timeout).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    /** {@code DELETE} of a path on the API port, with the token. */
    HttpRequest delete(String path, Duration timeout) {
        return authorized(api(path), timeout).header("Accept", "application/json").DELETE().build();
    }

    /** {@code GET} without credentials: health, which must answer whoever asks. */
    static HttpRequest anonymousGet(URI uri, Duration timeout) {
        return HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET().build();
    }

    CompletableFuture<Answer> sendAsync(HttpRequest request) {
        return sendAsync(client, request);
    }

    static CompletableFuture<Answer> sendAsync(HttpClient client, HttpRequest request) {
        long at = System.nanoTime();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    long latency = System.nanoTime() - at;
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        return new Answer(at, latency, 0, null, cause);
                    }
                    return new Answer(at, latency, response.statusCode(), response.body(), null);
                });
    }

    Answer send(HttpRequest request) {
        return sendAsync(request).join();
    }

    /** A demo pool as a request body, as the service serves it. */
    String demoRequest(String size) throws IOException {
        Answer answer = send(get("/api/v1/demo-data/" + size, Duration.ofSeconds(60)));
        if (!answer.is(200)) {
            throw new IOException("GET /api/v1/demo-data/" + size + " answered " + answer.describe());
        }
        return answer.body();
    }

    /** A demo pool as a request body, with its termination replaced. */
    String demoRequest(String size, String terminationJson) throws IOException {
        String body = demoRequest(size);
        String replaced = body.replaceFirst("\"termination\":\\{[^}]*\\}",
                Matcher.quoteReplacement("\"termination\":" + terminationJson));
        if (replaced.equals(body)) {
            throw new IOException("The demo pool " + size + " has no termination to replace");
        }
        return replaced;
    }

    /** The run's status; empty when it does not exist (404); {@code ?} when there is no clear answer. */
    Optional<String> runStatus(String id) {
        Answer answer = send(get(RUNS + "/" + id + "/metadata", Duration.ofSeconds(10)));
        if (answer.is(404)) {
            return Optional.empty();
        }
        if (!answer.is(200)) {
            return Optional.of("?");
        }
        return Optional.of(stringField(answer.body(), "status").orElse("?"));
    }

    /** Whether {@code /actuator/health} answers 200 with status UP. */
    boolean healthUp() {
        return isUp(health());
    }

    /** {@code /actuator/health} without credentials, with a 2 s timeout. */
    Answer health() {
        return send(anonymousGet(management("/actuator/health"), Duration.ofSeconds(2)));
    }

    /**
     * Whether {@code /actuator/health/readiness} answers 200 with status UP: what a load balancer asks of a replica
     * (migrations ran, the database answers, its job runner started).
     */
    boolean readinessUp() {
        return isUp(send(anonymousGet(management("/actuator/health/readiness"), Duration.ofSeconds(2))));
    }

    /** Whether the token is accepted ({@code GET /api/v1/me} answers 200). */
    boolean tokenAccepted() {
        return send(get("/api/v1/me", Duration.ofSeconds(5))).is(200);
    }

    static boolean isUp(Answer health) {
        return health.is(200) && stringField(health.body(), "status").map("UP"::equals).orElse(false);
    }

    /** JVM heap in use (bytes), from the management port's metrics (ADMIN only); empty without an answer. */
    OptionalDouble heapUsed() {
        Answer answer = send(authorized(management("/actuator/metrics/jvm.memory.used?tag=area:heap"),
                Duration.ofSeconds(2)).header("Accept", "application/json").GET().build());
        if (!answer.is(200)) {
            return OptionalDouble.empty();
        }
        Matcher matcher = Pattern.compile("\"value\"\\s*:\\s*([0-9.Ee+-]+)").matcher(answer.body());
        return matcher.find() ? OptionalDouble.of(Double.parseDouble(matcher.group(1))) : OptionalDouble.empty();
    }

    /** The first whole-number value of a field in a JSON text; empty when absent or not a whole number. */
    static OptionalLong longField(String json, String name) {
        if (json == null) {
            return OptionalLong.empty();
        }
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(-?\\d+)(?![.\\deE])")
                .matcher(json);
        return matcher.find() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
    }

    /** The first string value of a field in a JSON text (enough for the metadata and health documents). */
    static Optional<String> stringField(String json, String name) {
        if (json == null) {
            return Optional.empty();
        }
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
