package org.newsroom.query.editorial.web;

import static org.newsroom.platform.security.AccessRule.roles;
import static org.newsroom.platform.security.Role.EDITOR;
import static org.newsroom.platform.security.Role.REPORTER;
import static org.springframework.http.HttpMethod.GET;

import java.util.List;

import org.newsroom.platform.security.AccessRule;
import org.newsroom.platform.security.RouteAccess;
import org.springframework.stereotype.Component;

/** Editorial copies and work lists, for the desk. */
@Component
class EditorialRouteAccess implements RouteAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                roles(GET, "/api/articles", REPORTER, EDITOR),
                roles(GET, "/api/articles/*", REPORTER, EDITOR),
                roles(GET, "/api/articles/*/preview", REPORTER, EDITOR));
    }
}
