package org.newsroom.platform.security;

import java.util.Set;

import org.springframework.http.HttpMethod;

/**
 * One row of the access table: requests with this method (any method when {@code null}) whose path matches this
 * pattern ({@code *} one segment, {@code /**} any number) are open to everyone, to any authenticated user, or to the
 * given roles only.
 */
public record AccessRule(HttpMethod method, String pattern, Access access, Set<Role> roles) {

    public enum Access { PUBLIC, AUTHENTICATED, ROLES }

    public AccessRule {
        roles = Set.copyOf(roles);
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
