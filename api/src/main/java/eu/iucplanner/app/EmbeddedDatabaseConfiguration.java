package eu.iucplanner.app;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

/**
 * With no {@code spring.datasource.url} configured, the service starts a real PostgreSQL server
 * ({@link EmbeddedDatabase}: data directory that survives restarts, loopback only, password required, supervised).
 * Setting {@code SPRING_DATASOURCE_URL} (and username and password) uses that database instead and starts no server.
 * Either way the connection pool is Hikari, configured by {@code spring.datasource.hikari.*}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(@Value("${iuc.embedded-db.data-dir:var/postgres}") Path dataDirectory,
            @Value("${iuc.embedded-db.port:0}") int port,
            @Value("${iuc.embedded-db.supervision-interval:PT1S}") java.time.Duration supervisionInterval) {
        return EmbeddedDatabase.start(dataDirectory, port, supervisionInterval.toMillis());
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    DataSource dataSource(EmbeddedDatabase database) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.jdbcUrl());
        dataSource.setUsername(database.user());
        dataSource.setPassword(database.password());
        return dataSource;
    }
}
