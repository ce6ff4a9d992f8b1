package eu.iucplanner.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The operators' files cannot be run here (no container runtime, no images to pull), so they are checked for what
 * can be: they parse, and they name what the service needs (the database settings, the management port's health
 * groups, two replicas, a grace period longer than the service's shutdown grace).
 */
class DeploymentFilesTest {

    private static final Path ROOT = Path.of("..");

    @Test
    @SuppressWarnings("unchecked")
    void theComposeFileStartsPostgresAndTwoReplicasThatWaitForIt() throws IOException {
        Map<String, Object> compose = (Map<String, Object>) load(ROOT.resolve("compose.yaml")).get(0);
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertThat(services).containsKeys("postgres", "replica-1", "replica-2");
        for (String name : List.of("replica-1", "replica-2")) {
            Map<String, Object> replica = (Map<String, Object>) services.get(name);
            Map<String, Object> environment = (Map<String, Object>) replica.get("environment");
            assertThat(environment).as(name).containsKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
                    "SPRING_DATASOURCE_PASSWORD", "IUC_ADMIN_PASSWORD", "IUC_REPLICA_NAME");
            assertThat(environment.get("IUC_REPLICA_NAME")).isEqualTo(name);
            assertThat(replica.get("depends_on").toString()).contains("service_healthy");
            assertThat(replica.get("healthcheck").toString()).contains("8081/actuator/health/readiness");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theKubernetesExampleProbesTheHealthGroupsAndReadsTheDatabaseFromASecret() throws IOException {
        List<Object> documents = load(ROOT.resolve("deploy/kubernetes/iuc-planner.yaml"));
        assertThat(documents).extracting(document -> ((Map<String, Object>) document).get("kind"))
                .containsExactly("Secret", "Deployment", "Service");
        Map<String, Object> deployment = (Map<String, Object>) documents.get(1);
        Map<String, Object> spec = (Map<String, Object>) deployment.get("spec");
        assertThat((Integer) spec.get("replicas")).isGreaterThanOrEqualTo(2);
        Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("spec");
        assertThat((Integer) pod.get("terminationGracePeriodSeconds")).as("longer than iuc.runs.shutdown-grace")
                .isGreaterThan(20);
        Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
        assertThat(container.get("readinessProbe").toString()).contains("/actuator/health/readiness", "management");
        assertThat(container.get("livenessProbe").toString()).contains("/actuator/health/liveness", "management");
        assertThat(container.get("envFrom").toString()).contains("iuc-planner-db");
        Map<String, Object> secret = (Map<String, Object>) documents.get(0);
        assertThat((Map<String, Object>) secret.get("stringData")).containsKeys("SPRING_DATASOURCE_URL",
                "SPRING_DATASOURCE_PASSWORD");
    }

    @Test
    void theServiceDefinesTheHealthGroupsTheProbesAsk() throws IOException {
        String configuration = Files.readString(Path.of("src/main/resources/application.yml"));
        assertThat(configuration).contains("readiness:\n          include: readinessState,db,runQueue")
                .contains("liveness:\n          include: livenessState");
    }

    private static List<Object> load(Path file) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (Reader reader = Files.newBufferedReader(file)) {
            List<Object> documents = new ArrayList<>();
            new Yaml(options).loadAll(reader).forEach(documents::add);
            return documents;
        }
    }
}
