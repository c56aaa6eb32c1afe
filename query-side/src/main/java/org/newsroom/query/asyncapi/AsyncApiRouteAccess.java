package org.newsroom.query.asyncapi;

import java.util.List;

import org.newsroom.platform.security.AccessRule;
import org.newsroom.platform.security.RouteAccess;
import org.springframework.stereotype.Component;

/** The AsyncAPI document is public, like the OpenAPI description: it describes the routes, it reveals no data. */
@Component
class AsyncApiRouteAccess implements RouteAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(AccessRule.open("/asyncapi.yaml"));
    }
}
