package eu.iucplanner.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The IUC Planner service. */
@SpringBootApplication(scanBasePackages = "eu.iucplanner")
public class IucPlannerApplication {

    public static void main(String[] args) {
        SpringApplication.run(IucPlannerApplication.class, args);
    }
}
