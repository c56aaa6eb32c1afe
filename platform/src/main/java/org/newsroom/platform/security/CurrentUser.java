package org.newsroom.platform.security;

import java.util.List;

/**
 * Who is signed in, as {@code GET /api/me} answers it: the user name and the roles of DESIGN.md the user holds, in
 * lower case and in the order of {@link Role}. A client such as the web UI shows each user only what these roles
 * allow; the access table still decides every request.
 */
public record CurrentUser(String name, List<String> roles) {

    public CurrentUser {
        roles = List.copyOf(roles);
    }
}
