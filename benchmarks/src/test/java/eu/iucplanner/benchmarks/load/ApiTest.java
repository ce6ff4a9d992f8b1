package eu.iucplanner.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The tool's credentials: a fresh token per run, sent on every request but health. */
class ApiTest {

    @Test
    void tokensLookLikeTheServicesOwnAndDifferEachTime() {
        String token = Api.newToken();

        // the service accepts an iuc_ token of at least 36 characters; its own have 43 after the prefix
        assertThat(token).startsWith("iuc_").hasSize(47).matches("iuc_[A-Za-z0-9_-]{43}");
        assertThat(Api.newToken()).isNotEqualTo(token);
    }

    @Test
    void everyRequestButHealthCarriesTheToken() {
        Api api = new Api(8080, 8081, "iuc_0123456789012345678901234567890123456789012");
        String bearer = "Bearer iuc_0123456789012345678901234567890123456789012";

        HttpRequest get = api.get("/api/v1/demo-data", Duration.ofSeconds(1));
        HttpRequest post = api.postJson(Api.RUNS, "{}", Duration.ofSeconds(1));
        HttpRequest delete = api.delete(Api.RUNS + "/1", Duration.ofSeconds(1));
        HttpRequest health = Api.anonymousGet(api.management("/actuator/health"), Duration.ofSeconds(1));

        assertThat(api.authorization()).isEqualTo(bearer);
        assertThat(get.headers().firstValue("Authorization")).contains(bearer);
        assertThat(post.headers().firstValue("Authorization")).contains(bearer);
        assertThat(delete.headers().firstValue("Authorization")).contains(bearer);
        assertThat(get.uri()).hasToString("http://127.0.0.1:8080/api/v1/demo-data");
        assertThat(health.headers().firstValue("Authorization")).isEmpty();
        assertThat(health.uri()).hasToString("http://127.0.0.1:8081/actuator/health");
    }

    @Test
    void wholeNumbersAreReadFromTheMetadataButNotFractionsOrStrings() {
        String metadata = "{\"status\":\"COMPLETED\",\"pairCount\":1995,\"resumes\":1,\"moveEvaluationSpeed\":"
                + "-3,\"ratio\":12.5,\"replica\":\"iuc-2\"}";

        assertThat(Api.longField(metadata, "pairCount")).hasValue(1995);
        assertThat(Api.longField(metadata, "resumes")).hasValue(1);
        assertThat(Api.longField(metadata, "moveEvaluationSpeed")).hasValue(-3);
        assertThat(Api.longField(metadata, "ratio")).isEmpty();
        assertThat(Api.longField(metadata, "replica")).isEmpty();
        assertThat(Api.longField(metadata, "absent")).isEmpty();
        assertThat(Api.longField(null, "resumes")).isEmpty();
    }
}
