package org.newsroom.query.media.web;

import static org.newsroom.platform.security.AccessRule.open;

import java.util.List;

import org.newsroom.platform.security.AccessRule;
import org.newsroom.platform.security.RouteAccess;
import org.springframework.stereotype.Component;

/**
 * Images are served to anyone who may see them: the controller tells a published image (public) from one not yet
 * published (reporters and editors), since the access table knows routes, not images.
 */
@Component
class MediaFileRouteAccess implements RouteAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(open("/media/**"));
    }
}
