package org.newsroom.platform.security;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who is signed in, as {@code GET /api/me} answers it: the user name and the roles of DESIGN.md the user holds, in
 * lower case and in the order of {@link Role}. A client such as the web UI shows each user only what these roles
 * allow; the access table still decides every request.
 */
public record CurrentUser(String name, List<String> roles) {

    public CurrentUser {
        roles = List.copyOf(roles);
    }

    /** The principal's name (for a bearer token, its {@code newsroom.security.jwt.principal-claim}) and roles. */
    static CurrentUser of(Authentication authentication) {
        Set<String> authorities = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return new CurrentUser(
                authentication.getName(),
                Arrays.stream(Role.values())
                        .filter(role -> authorities.contains(role.authority()))
                        .map(Role::id)
                        .toList());
    }
}
