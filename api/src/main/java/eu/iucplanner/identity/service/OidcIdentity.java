package eu.iucplanner.identity.service;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

import eu.iucplanner.identity.persistence.AppUser;

/**
 * Users of the organisation's OpenID Connect provider: their roles come from a configurable claim of the provider's
 * tokens ({@code iuc.security.oidc-roles-claim}, a dotted path such as {@code realm_access.roles}); they get a local
 * account at their first login (which an administrator can disable), for the web app's login and for API clients
 * with the provider's JWTs alike.
 */
@Component
public class OidcIdentity {

    private final Users users;
    private final IdentityProperties properties;

    public OidcIdentity(Users users, IdentityProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    /** The roles a token's claims give, by the configured claim; names are matched without case. */
    public Set<Role> roles(Map<String, Object> claims) {
        Object value = claims;
        for (String part : properties.oidcRolesClaim().split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(part) : null;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (value instanceof Collection<?> values) {
            values.forEach(item -> Role.parse(String.valueOf(item)).ifPresent(roles::add));
        } else if (value instanceof String text) {
            for (String item : text.split("[ ,]+")) {
                Role.parse(item).ifPresent(roles::add);
            }
        }
        return roles;
    }

    /** An API call with the provider's JWT (signature, issuer, audience and expiry already checked). */
    public Converter<Jwt, AbstractAuthenticationToken> jwtConverter() {
        return jwt -> {
            Set<Role> roles = roles(jwt.getClaims());
            AppUser user = users.provision(String.valueOf(jwt.getIssuer()), jwt.getSubject(),
                    jwt.getClaimAsString("preferred_username"), jwt.getClaimAsString("name"), roles);
            return new JwtAuthenticationToken(jwt, authorities(roles), user.username());
        };
    }

    /** The web app's login through the provider. */
    public OAuth2UserService<OidcUserRequest, OidcUser> userService() {
        OidcUserService delegate = new OidcUserService();
        return request -> {
            OidcUser oidcUser = delegate.loadUser(request);
            Set<Role> roles = roles(oidcUser.getClaims());
            AppUser user = users.provision(String.valueOf(oidcUser.getIssuer()), oidcUser.getSubject(),
                    oidcUser.getPreferredUsername(), oidcUser.getFullName(), roles);
            return new ProvisionedOidcUser(authorities(roles), oidcUser, user.username());
        };
    }

    private static List<GrantedAuthority> authorities(Set<Role> roles) {
        return roles.stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority())).toList();
    }

    /** An OIDC user known by the name of its local account. */
    static final class ProvisionedOidcUser extends DefaultOidcUser {
        private static final long serialVersionUID = 1L;
        private final String username;

        ProvisionedOidcUser(Collection<? extends GrantedAuthority> authorities, OidcUser user, String username) {
            super(authorities, user.getIdToken(), user.getUserInfo());
            this.username = username;
        }

        @Override
        public String getName() {
            return username;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ProvisionedOidcUser that && super.equals(that) && username.equals(that.username);
        }

        @Override
        public int hashCode() {
            return super.hashCode() * 31 + username.hashCode();
        }
    }
}
