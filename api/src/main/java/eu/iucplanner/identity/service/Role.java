package eu.iucplanner.identity.service;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The roles of the service's users; a user may hold several. */
public enum Role {
    /** Users, tokens of anyone, settings, the audit log; and everything the other roles may do. */
    ADMIN,
    /** Pairing runs: submit, rerun, recommendations, stop, remove; reads everything, personal data included. */
    COORDINATOR,
    /** Schedule runs: submit, re-plan, stop, remove; reads pairing results and the experts. */
    PLANNER,
    /** Reads everything but personal data; may submit pairing runs marked as analysis. */
    ANALYST,
    /** Reads, without personal data. */
    VIEWER;

    /** The Spring Security authority, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<Role> parse(String value) {
        String name = value == null ? "" : value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        if (name.startsWith("ROLE_")) {
            name = name.substring("ROLE_".length());
        }
        if (name.startsWith("IUC_")) {
            name = name.substring("IUC_".length());
        }
        String candidate = name;
        return Arrays.stream(values()).filter(role -> role.name().equals(candidate)).findFirst();
    }

    /** Roles from their stored comma-separated form; unknown names are ignored. */
    public static Set<Role> fromCsv(String csv) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (csv != null) {
            for (String part : csv.split(",")) {
                parse(part).ifPresent(roles::add);
            }
        }
        return roles;
    }

    public static String toCsv(Collection<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }
}
