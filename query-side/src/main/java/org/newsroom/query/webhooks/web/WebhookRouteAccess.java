package org.newsroom.query.webhooks.web;

import static org.newsroom.platform.security.AccessRule.roles;
import static org.newsroom.platform.security.Role.INTEGRATOR;

import java.util.List;

import org.newsroom.platform.security.AccessRule;
import org.newsroom.platform.security.RouteAccess;
import org.springframework.stereotype.Component;

/** Webhook subscriptions, for integrators. */
@Component
class WebhookRouteAccess implements RouteAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(roles(null, "/api/webhooks/**", INTEGRATOR));
    }
}
