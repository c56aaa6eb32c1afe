package org.newsroom.query.transparency.web;

import java.util.List;

import org.newsroom.platform.security.AccessRule;
import org.newsroom.platform.security.RouteAccess;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The transparency log's checkpoint, keys and proofs are public (witnesses and auditors fetch them without an
 * account; they reveal hashes only). Ordered first, ahead of the auditors' {@code /audit/**}.
 */
@Component
@Order(0)
class TransparencyRouteAccess implements RouteAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(AccessRule.open("/audit/log/**"));
    }
}
