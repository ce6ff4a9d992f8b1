package eu.iucplanner.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Prints where the service answers once it is ready. */
@Component
class ReadyBanner {

    private static final Logger LOG = LoggerFactory.getLogger(ReadyBanner.class);

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web) {
            String base = "http://localhost:" + web.getWebServer().getPort();
            String management = "http://localhost:" + web.getEnvironment().getProperty("local.management.port",
                    String.valueOf(web.getWebServer().getPort()));
            LOG.info("IUC Planner is ready at {}/ (API documentation at {}/swagger-ui.html, health at "
                    + "{}/actuator/health)", base, base, management);
        }
    }
}
