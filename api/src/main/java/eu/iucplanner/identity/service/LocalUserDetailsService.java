package eu.iucplanner.identity.service;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

import eu.iucplanner.identity.persistence.AppUser;

/** Local accounts for form login and HTTP Basic: password hash, roles, disabled, locked by the login throttle. */
@Service
public class LocalUserDetailsService implements UserDetailsService {

    private final Users users;
    private final LoginThrottle throttle;

    public LocalUserDetailsService(Users users, LoginThrottle throttle) {
        this.users = users;
        this.throttle = throttle;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        AppUser user = users.byUsername(username).filter(found -> found.passwordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("No local user " + username));
        return User.withUsername(user.username()).password(user.passwordHash())
                .authorities(Role.fromCsv(user.roles()).stream().map(Role::authority).toArray(String[]::new))
                .disabled(!user.enabled()).accountLocked(throttle.lockedUntil(user.username()).isPresent()).build();
    }
}
