package eu.iucplanner.identity.service;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import eu.iucplanner.problem.ProblemException;
import eu.iucplanner.run.persistence.RunRepository;
import eu.iucplanner.run.service.RunActor;

/**
 * The logged-in user as the run feature sees it: who submits, whether their runs are analysis runs, whether they see
 * personal data, and whether they may submit now (submission rate and runs in flight per user, counted in the
 * database, so the limits hold across replicas).
 */
@Component
public class CurrentUser implements RunActor {

    private final RunRepository runs;
    private final IdentityProperties properties;
    private final Clock clock;

    public CurrentUser(RunRepository runs, IdentityProperties properties, Clock clock) {
        this.runs = runs;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Optional<String> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.ofNullable(authentication.getName());
    }

    /** The current user's roles (none when nobody is logged in). */
    public Set<Role> roles() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return Set.of();
        }
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).map(Role::parse)
                .flatMap(Optional::stream).collect(Collectors.toSet());
    }

    @Override
    public boolean submitsAnalysisRuns() {
        Set<Role> roles = roles();
        return roles.contains(Role.ANALYST) && !roles.contains(Role.COORDINATOR) && !roles.contains(Role.ADMIN);
    }

    @Override
    public boolean seesPersonalData() {
        Set<Role> roles = roles();
        return roles.contains(Role.COORDINATOR) || roles.contains(Role.ADMIN);
    }

    @Override
    public void admit(String kind) {
        Optional<String> user = current();
        if (user.isEmpty()) {
            return;
        }
        long recent = runs.countSubmittedSince(user.get(), clock.instant().minusSeconds(60));
        if (recent >= properties.submissionsPerMinute()) {
            throw ProblemException.rateLimited("You submitted " + recent + " runs in the last minute; at most "
                    + properties.submissionsPerMinute() + " are accepted per minute (iuc.security"
                    + ".submissions-per-minute).", 60);
        }
        long inFlight = runs.countInFlight(user.get());
        if (inFlight >= properties.runsInFlightPerUser()) {
            throw ProblemException.rateLimited(inFlight + " of your runs wait or solve; at most "
                    + properties.runsInFlightPerUser() + " may at once (iuc.security.runs-in-flight-per-user). Stop "
                    + "one or wait for one to end.", 30);
        }
    }
}
