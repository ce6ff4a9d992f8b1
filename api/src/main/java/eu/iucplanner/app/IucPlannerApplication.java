package eu.iucplanner.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/** The IUC Planner service. */
@SpringBootApplication(scanBasePackages = "eu.iucplanner")
@EnableJdbcRepositories(basePackages = "eu.iucplanner")
public class IucPlannerApplication {

    /** Starts the service; {@code backup ...} and {@code restore ...} run the {@link BackupTool} instead. */
    public static void main(String[] args) throws Exception {
        if (BackupTool.handles(args)) {
            BackupTool.main(args);
            return;
        }
        SpringApplication.run(IucPlannerApplication.class, args);
    }
}
