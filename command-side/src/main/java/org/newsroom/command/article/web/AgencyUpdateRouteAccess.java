package org.newsroom.command.article.web;

import static org.newsroom.platform.security.AccessRule.roles;
import static org.newsroom.platform.security.Role.EDITOR;
import static org.springframework.http.HttpMethod.POST;

import java.util.List;

import org.newsroom.platform.security.AccessRule;
import org.newsroom.platform.security.RouteAccess;
import org.springframework.stereotype.Component;

/** Whether an agency update replaces the desk's edits is the editor's decision. */
@Component
class AgencyUpdateRouteAccess implements RouteAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                roles(POST, "/api/articles/*/agency-update/apply", EDITOR),
                roles(POST, "/api/articles/*/agency-update/dismiss", EDITOR));
    }
}
