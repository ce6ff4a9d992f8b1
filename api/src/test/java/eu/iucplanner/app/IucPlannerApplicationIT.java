package eu.iucplanner.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Starts the service on its embedded defaults: a real PostgreSQL, the Flyway migrations, health UP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "iuc.embedded-db.data-dir=target/it-postgres")
class IucPlannerApplicationIT {

    @Autowired
    private TestRestTemplate rest;

    @org.springframework.boot.test.web.server.LocalManagementPort
    private int managementPort;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void startsOnTheEmbeddedDatabaseWithMigrationsApplied() {
        ResponseEntity<String> health = rest.getForEntity("http://localhost:" + managementPort + "/actuator/health",
                String.class);
        assertThat(health.getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(health.getBody()).contains("\"status\":\"UP\"").contains("\"db\"");
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        assertThat(jdbc.queryForList("select version from flyway_schema_history where success order by installed_rank",
                String.class)).startsWith("1", "2", "3", "4");
        assertThat(jdbc.queryForObject("select count(*) from run", Integer.class)).isZero();
    }

    @Test
    void publishesTheWebPageTheOpenApiDocumentAndSwaggerUi() {
        ResponseEntity<String> openApi = rest.getForEntity("/v3/api-docs", String.class);
        assertThat(openApi.getStatusCode().value()).isEqualTo(200);
        assertThat(openApi.getBody()).contains("\"/api/v1/pairing-runs\"")
                .contains("\"/api/v1/pairing-runs/{id}/recommendations\"")
                .contains("\"/api/v1/demo-data/{name}\"")
                .contains("PT30S");
        ResponseEntity<String> page = rest.getForEntity("/", String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("<title>IUC Planner</title>")
                .contains("<script type=\"module\" src=\"/js/app/main.js\"")
                .doesNotContain("<style").doesNotContain("style=").doesNotContain("onclick=");
        ResponseEntity<String> script = rest.getForEntity("/js/app/api.js", String.class);
        assertThat(script.getStatusCode().value()).isEqualTo(200);
        assertThat(script.getBody()).contains("/api/v1").contains("-runs/${id}/events");
        assertThat(rest.getForEntity("/webjars/leaflet/1.9.4/dist/leaflet.js", String.class).getStatusCode().value())
                .isEqualTo(200);
        assertThat(rest.getForEntity("/data/countries-110m.geojson", String.class).getBody())
                .startsWith("{\"type\":\"FeatureCollection\"");
        ResponseEntity<String> swagger = rest.getForEntity("/swagger-ui/index.html", String.class);
        assertThat(swagger.getStatusCode().value()).isEqualTo(200);
        assertThat(swagger.getBody()).contains("Swagger UI");
    }
}
