package org.newsroom.platform.security;

import java.util.Locale;

/**
 * Who may do what: reporters and editors write, auditors read the audit trail, integrators follow the feed, operators
 * run the installation (export the log), the ingest delivers agency copy, partners follow the syndication feed. In users, tokens and URLs they are written in lower case.
 */
public enum Role {
    REPORTER,
    EDITOR,
    AUDITOR,
    INTEGRATOR,
    /** Runs the service: metrics, health details, projection rebuilds and dead-letter retries. */
    OPERATOR,
    /** Delivers agency items (a wire service's feed, a drop-folder relay) to {@code POST /api/ingest}. */
    INGEST,
    /** A partner that republishes our public copy: reads the syndication feed only. */
    PARTNER;

    /** As written in configuration and tokens: {@code reporter}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority: {@code ROLE_reporter}. */
    public String authority() {
        return "ROLE_" + id();
    }
}
