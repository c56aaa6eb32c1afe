package org.newsroom.platform.security;

import java.util.Locale;

/** The roles of DESIGN.md; in users, tokens and URLs they are written in lower case. */
public enum Role {
    REPORTER,
    EDITOR,
    AUDITOR,
    INTEGRATOR,
    /** Runs the service: metrics, health details, projection rebuilds and dead-letter retries. */
    OPERATOR;

    /** As written in configuration and tokens: {@code reporter}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority: {@code ROLE_reporter}. */
    public String authority() {
        return "ROLE_" + id();
    }
}
