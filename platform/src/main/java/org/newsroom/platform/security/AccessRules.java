package org.newsroom.platform.security;

import static org.newsroom.platform.security.Role.OPERATOR;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The access table the security filter chain is built from, first match wins: the platform's public rows (health
 * status, API description, signing in and out), the rows each part of the application contributes ({@link RouteAccess} beans, in bean order),
 * then the platform's own rows for {@code /api/me} and the actuator, and a catch-all: a route that no row names needs an
 * authenticated user and otherwise answers 404. A row for {@code GET} also applies to {@code HEAD}, which answers
 * the same headers.
 */
public final class AccessRules {

    static final List<AccessRule> PUBLIC = List.of(
            AccessRule.open("/actuator/health/**"),
            AccessRule.open("/actuator/info"),
            AccessRule.open(SignInSessions.PATH),
            AccessRule.open("/v3/api-docs/**"),
            AccessRule.open("/swagger-ui/**"),
            AccessRule.open("/swagger-ui.html"));

    static final List<AccessRule> LAST = List.of(
            AccessRule.authenticated(HttpMethod.GET, "/api/me"),
            AccessRule.roles(null, "/actuator/**", OPERATOR),
            AccessRule.authenticated(null, "/**"));

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

    private final List<AccessRule> table;
    private final List<PathPattern> patterns;

    private AccessRules(List<AccessRule> table) {
        this.table = List.copyOf(table);
        this.patterns =
                this.table.stream().map(rule -> PARSER.parse(rule.pattern())).toList();
    }

    /** The platform's rows around those of {@code contributions}. */
    public static AccessRules assemble(List<? extends RouteAccess> contributions) {
        List<AccessRule> table = new ArrayList<>(PUBLIC);
        contributions.forEach(contribution -> table.addAll(contribution.rules()));
        table.addAll(LAST);
        return new AccessRules(table);
    }

    /** Every row, in the order they are matched. */
    public List<AccessRule> table() {
        return table;
    }

    /** The first row that applies to this request. The last row matches everything. */
    public AccessRule ruleFor(HttpMethod method, String path) {
        return find(method, path).orElseThrow();
    }

    private Optional<AccessRule> find(HttpMethod method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        for (int i = 0; i < table.size(); i++) {
            AccessRule rule = table.get(i);
            if (appliesTo(rule, method) && patterns.get(i).matches(container)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** Whether a row for {@code rule.method()} covers a request of {@code method}: HEAD is answered as GET. */
    static boolean appliesTo(AccessRule rule, HttpMethod method) {
        return rule.method() == null
                || rule.method().equals(method)
                || (rule.method().equals(HttpMethod.GET) && HttpMethod.HEAD.equals(method));
    }
}
