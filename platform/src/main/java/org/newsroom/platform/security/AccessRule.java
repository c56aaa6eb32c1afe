package org.newsroom.platform.security;

import java.util.Arrays;
import java.util.Set;

import org.springframework.http.HttpMethod;

/**
 * One row of the access table: requests with this method (any method when {@code null}) whose path matches this
 * pattern ({@code *} one segment, {@code /**} any number) are open to everyone, to any authenticated user, or to the
 * given roles only.
 */
public record AccessRule(HttpMethod method, String pattern, Access access, Set<Role> roles) {

    public enum Access {
        PUBLIC,
        AUTHENTICATED,
        ROLES
    }

    public AccessRule {
        roles = Set.copyOf(roles);
    }

    /** Open to everyone, signed in or not. */
    public static AccessRule open(String pattern) {
        return new AccessRule(null, pattern, Access.PUBLIC, Set.of());
    }

    /** Open to any signed-in user; {@code method} null for every method. */
    public static AccessRule authenticated(HttpMethod method, String pattern) {
        return new AccessRule(method, pattern, Access.AUTHENTICATED, Set.of());
    }

    /** Open to users with one of {@code roles}; {@code method} null for every method. */
    public static AccessRule roles(HttpMethod method, String pattern, Role... roles) {
        return new AccessRule(method, pattern, Access.ROLES, Set.copyOf(Arrays.asList(roles)));
    }

    /** Whether a user with these roles may pass; {@code null} roles means anonymous. */
    public boolean allows(Set<Role> userRoles) {
        return switch (access) {
            case PUBLIC -> true;
            case AUTHENTICATED -> userRoles != null;
            case ROLES -> userRoles != null && userRoles.stream().anyMatch(roles::contains);
        };
    }

    @Override
    public String toString() {
        return (method == null ? "*" : method.name()) + " " + pattern + " -> "
                + (access == Access.ROLES ? roles : access);
    }
}
