package org.newsroom.platform.security;

import org.jspecify.annotations.Nullable;

/** The body of {@code POST /api/session}: a user name and password, as the web UI's sign-in form sends them. */
public record Credentials(@Nullable String user, @Nullable String password) {

    @Override
    public String toString() {
        return "Credentials[user=" + user + ", password=(hidden)]";
    }
}
