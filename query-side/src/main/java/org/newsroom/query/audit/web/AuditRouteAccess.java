package org.newsroom.query.audit.web;

import static org.newsroom.platform.security.AccessRule.roles;
import static org.newsroom.platform.security.Role.AUDITOR;

import java.util.List;

import org.newsroom.platform.security.AccessRule;
import org.newsroom.platform.security.RouteAccess;
import org.springframework.stereotype.Component;

/** The audit trail, for auditors only; it is read-only for everyone. */
@Component
class AuditRouteAccess implements RouteAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(roles(null, "/audit/**", AUDITOR));
    }
}
