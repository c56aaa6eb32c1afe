package org.newsroom.query.feed.web;

import static org.newsroom.platform.security.AccessRule.roles;
import static org.newsroom.platform.security.Role.AUDITOR;
import static org.newsroom.platform.security.Role.EDITOR;
import static org.newsroom.platform.security.Role.INTEGRATOR;
import static org.newsroom.platform.security.Role.REPORTER;
import static org.springframework.http.HttpMethod.GET;

import java.util.List;

import org.newsroom.platform.security.AccessRule;
import org.newsroom.platform.security.RouteAccess;
import org.springframework.stereotype.Component;

/**
 * The integration feed for integrators; its live stream also for the roles of the web UI (its live updates), each of
 * which may already read every article the stream describes.
 */
@Component
class FeedRouteAccess implements RouteAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                roles(GET, "/feed/stream", REPORTER, EDITOR, AUDITOR, INTEGRATOR), roles(null, "/feed/**", INTEGRATOR));
    }
}
