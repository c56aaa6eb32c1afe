package org.newsroom.command.media.web;

import static org.newsroom.platform.security.AccessRule.roles;
import static org.newsroom.platform.security.Role.EDITOR;
import static org.newsroom.platform.security.Role.REPORTER;
import static org.springframework.http.HttpMethod.POST;

import java.util.List;

import org.newsroom.platform.security.AccessRule;
import org.newsroom.platform.security.RouteAccess;
import org.springframework.stereotype.Component;

/** Reporters and editors upload images. */
@Component
class MediaRouteAccess implements RouteAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(roles(POST, "/api/media", REPORTER, EDITOR));
    }
}
