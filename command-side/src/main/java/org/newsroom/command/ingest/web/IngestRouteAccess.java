package org.newsroom.command.ingest.web;

import static org.newsroom.platform.security.AccessRule.roles;
import static org.newsroom.platform.security.Role.AUDITOR;
import static org.newsroom.platform.security.Role.EDITOR;
import static org.newsroom.platform.security.Role.INGEST;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.util.List;

import org.newsroom.platform.security.AccessRule;
import org.newsroom.platform.security.RouteAccess;
import org.springframework.stereotype.Component;

/** Agency input for the ingest role; the incoming list for editors; the originals for editors and auditors. */
@Component
class IngestRouteAccess implements RouteAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                roles(POST, IngestController.ROUTE, INGEST),
                roles(GET, IngestController.ROUTE, EDITOR),
                roles(GET, IngestController.ROUTE + "/originals/*", EDITOR, AUDITOR));
    }
}
