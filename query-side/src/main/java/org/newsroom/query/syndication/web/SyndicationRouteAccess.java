package org.newsroom.query.syndication.web;

import static org.newsroom.platform.security.AccessRule.roles;
import static org.newsroom.platform.security.Role.PARTNER;

import java.util.List;

import org.newsroom.platform.security.AccessRule;
import org.newsroom.platform.security.RouteAccess;
import org.springframework.stereotype.Component;

/**
 * The syndication feed is the partners' only door: they read nothing else. Its webhooks have their own row, so that
 * the access table names every route partners manage.
 */
@Component
class SyndicationRouteAccess implements RouteAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(roles(null, "/syndication/webhooks/**", PARTNER), roles(null, "/syndication/**", PARTNER));
    }
}
