package org.newsroom.query.site.web;

import static org.newsroom.platform.security.AccessRule.open;

import java.util.List;

import org.newsroom.platform.security.AccessRule;
import org.newsroom.platform.security.RouteAccess;
import org.springframework.stereotype.Component;

/** The public site is open to everyone. */
@Component
class SiteRouteAccess implements RouteAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(open("/site/**"));
    }
}
