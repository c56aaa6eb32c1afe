package org.newsroom.platform.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Builds the HTTP Basic users: the demo users of the embedded default and the configured ones. */
final class NewsroomUsers {

    private NewsroomUsers() {}

    /** One user per role, named after it, all with the demo password (encoded here, never kept in clear). */
    static List<UserDetails> demo(String password, PasswordEncoder encoder) {
        List<UserDetails> users = new ArrayList<>();
        for (Role role : Role.values()) {
            users.add(User.withUsername(role.id())
                    .password(encoder.encode(password))
                    .roles(role.id())
                    .build());
        }
        return users;
    }

    static List<UserDetails> configured(List<ConfiguredUser> configured) {
        List<UserDetails> users = new ArrayList<>();
        for (int i = 0; i < configured.size(); i++) {
            ConfiguredUser user = configured.get(i);
            String where = "newsroom.users[" + i + "]";
            if (user.name() == null || user.name().isBlank()) {
                throw new IllegalStateException(where + ".name is required");
            }
            if (user.password() == null || !user.password().matches("^\\{[a-z0-9]+}.+")) {
                throw new IllegalStateException(where + ".password must name its encoding, e.g. {bcrypt}$2a$10$...");
            }
            users.add(User.withUsername(user.name())
                    .password(user.password())
                    .roles(roles(user.roles(), where).stream().map(Role::id).toArray(String[]::new))
                    .build());
        }
        return users;
    }

    private static Set<Role> roles(List<String> names, String where) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            try {
                roles.add(Role.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                throw new IllegalStateException(
                        where + ".roles: unknown role '" + name + "'; known: "
                                + Arrays.stream(Role.values()).map(Role::id).collect(Collectors.joining(", ")),
                        unknown);
            }
        }
        return roles;
    }
}
