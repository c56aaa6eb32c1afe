package org.newsroom.platform.security;

import static org.newsroom.platform.security.Role.AUDITOR;
import static org.newsroom.platform.security.Role.EDITOR;
import static org.newsroom.platform.security.Role.INTEGRATOR;
import static org.newsroom.platform.security.Role.REPORTER;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The complete route table of DESIGN.md and who may call each route, first match wins. It drives the security filter
 * chain and the role-matrix test; a route that no row names needs an authenticated user and otherwise answers 404.
 */
public final class AccessRules {

    public static final List<AccessRule> TABLE = List.of(
            open("/site/**"),
            open("/actuator/health/**"),
            open("/actuator/info"),
            open("/actuator/prometheus"),
            open("/v3/api-docs/**"),
            open("/swagger-ui/**"),
            open("/swagger-ui.html"),
            open("/ui/**"),
            open("/"),

            roles(POST, "/api/articles", REPORTER, EDITOR),
            roles(PATCH, "/api/articles/*", REPORTER, EDITOR),
            roles(POST, "/api/articles/*/photos/**", REPORTER, EDITOR),
            roles(PATCH, "/api/articles/*/photos/**", REPORTER, EDITOR),
            roles(DELETE, "/api/articles/*/photos/**", REPORTER, EDITOR),
            roles(PUT, "/api/articles/*/byline", REPORTER, EDITOR),
            roles(POST, "/api/articles/*/submit", REPORTER, EDITOR),
            roles(POST, "/api/articles/*/request-changes", EDITOR),
            roles(POST, "/api/articles/*/publish", EDITOR),
            roles(POST, "/api/articles/*/unpublish", EDITOR),
            roles(POST, "/api/articles/*/kill", EDITOR),
            roles(GET, "/api/articles", REPORTER, EDITOR),
            roles(GET, "/api/articles/*", REPORTER, EDITOR),

            authenticated(GET, "/api/me"),

            roles(null, "/audit/**", AUDITOR),
            // the web UI's live updates: each of these roles may already read every article the stream describes
            roles(GET, "/feed/stream", REPORTER, EDITOR, AUDITOR, INTEGRATOR),
            roles(null, "/feed/**", INTEGRATOR),
            roles(null, "/api/webhooks/**", INTEGRATOR),
            roles(null, "/actuator/**", EDITOR),
            new AccessRule(null, "/**", AccessRule.Access.AUTHENTICATED, Set.of()));

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

    private AccessRules() {
    }

    /** The first row that applies to this request. The last row matches everything. */
    public static AccessRule ruleFor(HttpMethod method, String path) {
        return find(method, path).orElseThrow();
    }

    private static Optional<AccessRule> find(HttpMethod method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        return TABLE.stream()
                .filter(rule -> rule.method() == null || rule.method().equals(method))
                .filter(rule -> PARSER.parse(rule.pattern()).matches(container))
                .findFirst();
    }

    private static AccessRule open(String pattern) {
        return new AccessRule(null, pattern, AccessRule.Access.PUBLIC, Set.of());
    }

    private static AccessRule authenticated(HttpMethod method, String pattern) {
        return new AccessRule(method, pattern, AccessRule.Access.AUTHENTICATED, Set.of());
    }

    private static AccessRule roles(HttpMethod method, String pattern, Role... roles) {
        return new AccessRule(method, pattern, AccessRule.Access.ROLES, Set.copyOf(Arrays.asList(roles)));
    }
}
