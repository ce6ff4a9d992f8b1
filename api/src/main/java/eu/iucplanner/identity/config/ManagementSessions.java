package eu.iucplanner.identity.config;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * The management port (health, info, metrics) knows the web sessions too, so an administrator logged in on the page
 * is an administrator there as well; Spring Boot brings only the security filters to that port's own server.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
class ManagementSessions {

    /** Enabled only in the management server's own (child) context; the component scan also finds this class. */
    @Bean
    FilterRegistrationBean<SessionRepositoryFilter<?>> managementSessionRepositoryFilter(
            SessionRepositoryFilter<?> sessions, ApplicationContext context) {
        FilterRegistrationBean<SessionRepositoryFilter<?>> registration = new FilterRegistrationBean<>(sessions);
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER);
        registration.setEnabled(context.getParent() != null);
        return registration;
    }
}
