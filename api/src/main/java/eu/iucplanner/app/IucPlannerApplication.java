package eu.iucplanner.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/** The IUC Planner service. */
@SpringBootApplication(scanBasePackages = "eu.iucplanner")
@EnableJdbcRepositories(basePackages = "eu.iucplanner")
public class IucPlannerApplication {

    public static void main(String[] args) {
        SpringApplication.run(IucPlannerApplication.class, args);
    }
}
