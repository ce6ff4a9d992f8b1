package eu.iucplanner.identity.rest;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;

/** Which identity providers the login page offers (none unless one is configured); public, like the login page. */
@Hidden
@RestController
public class LoginProvidersController {

    /** An identity provider and where its login starts. */
    public record Provider(String id, String name, String loginUrl) {
    }

    private final ObjectProvider<ClientRegistrationRepository> registrations;

    public LoginProvidersController(ObjectProvider<ClientRegistrationRepository> registrations) {
        this.registrations = registrations;
    }

    @GetMapping("/auth/providers")
    public List<Provider> providers() {
        List<Provider> providers = new ArrayList<>();
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        if (repository instanceof Iterable<?> all) {
            for (Object item : all) {
                ClientRegistration registration = (ClientRegistration) item;
                providers.add(new Provider(registration.getRegistrationId(), registration.getClientName(),
                        "/oauth2/authorization/" + registration.getRegistrationId()));
            }
        }
        return providers;
    }
}
