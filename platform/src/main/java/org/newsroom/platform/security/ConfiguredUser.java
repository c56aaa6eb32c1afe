package org.newsroom.platform.security;

import java.util.List;

/**
 * A user from {@code newsroom.users[i].name/password/roles}. The password carries its encoding, as Spring Security's
 * DelegatingPasswordEncoder reads it: {@code {bcrypt}$2a$10$...} or, for trials only, {@code {noop}secret}.
 */
public record ConfiguredUser(String name, String password, List<String> roles) {

    public ConfiguredUser {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
