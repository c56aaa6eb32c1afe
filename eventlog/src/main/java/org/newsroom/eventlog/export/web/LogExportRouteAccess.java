package org.newsroom.eventlog.export.web;

import static org.newsroom.platform.security.AccessRule.roles;
import static org.newsroom.platform.security.Role.OPERATOR;

import java.util.List;

import org.newsroom.platform.security.AccessRule;
import org.newsroom.platform.security.RouteAccess;
import org.springframework.http.HttpMethod;

/** The export holds everything ever recorded, unpublished drafts included: operators only. */
class LogExportRouteAccess implements RouteAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(roles(HttpMethod.GET, "/admin/log/export", OPERATOR));
    }
}
