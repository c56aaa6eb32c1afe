package org.newsroom.platform.security;

import java.util.Locale;

/**
 * Who may do what: reporters and editors write, auditors read the audit trail, integrators follow the feed, operators
 * run the installation (export the log). In users, tokens and URLs they are written in lower case.
 */
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
