package org.newsroom.query.syndication.web;

import static org.newsroom.platform.security.AccessRule.roles;
import static org.newsroom.platform.security.Role.PARTNER;

import java.util.List;

import org.newsroom.platform.security.AccessRule;
import org.newsroom.platform.security.RouteAccess;
import org.springframework.stereotype.Component;

/** The syndication feed is the partners' only door: they read nothing else. */
@Component
class SyndicationRouteAccess implements RouteAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(roles(null, "/syndication/**", PARTNER));
    }
}
