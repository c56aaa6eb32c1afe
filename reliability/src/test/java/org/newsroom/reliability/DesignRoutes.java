package org.newsroom.reliability;

import java.util.List;
import java.util.Set;

/**
 * Every route and who may call it, written from DESIGN.md ("HTTP API" and the domain table's "who" column), not from
 * the application's own access table: a drift between the two fails the role matrix. Where DESIGN.md names a route
 * without its roles, the source is given: docs/command-api.md (editorial reads), docs/integrations.md (the webhook
 * list, the public AsyncAPI document), docs/query-api.md (operations, for the operator), docs/operations.md (the export), docs/ui.md (what the web UI adds: {@code /api/me}, signing
 * in and out of a session at {@code /api/session}, and the live stream opened to the roles of the web UI so that the
 * editorial screens update themselves), docs/ingest.md (agency copy in, for the ingest role; the incoming list and the
 * held agency updates for editors) and docs/syndication.md (the partners' feed and their webhooks).
 */
final class DesignRoutes {

    static final String ANONYMOUS = "anonymous";
    static final List<String> CALLERS =
            List.of(ANONYMOUS, "reporter", "editor", "auditor", "integrator", "operator", "ingest", "partner");
    private static final Set<String> EVERYONE =
            Set.of(ANONYMOUS, "reporter", "editor", "auditor", "integrator", "operator", "ingest", "partner");
    private static final Set<String> WRITERS = Set.of("reporter", "editor");
    private static final Set<String> EDITOR = Set.of("editor");
    private static final Set<String> AUDITOR = Set.of("auditor");
    private static final Set<String> INTEGRATOR = Set.of("integrator");
    private static final Set<String> OPERATOR = Set.of("operator");
    private static final Set<String> SIGNED_IN =
            Set.of("reporter", "editor", "auditor", "integrator", "operator", "ingest", "partner");
    private static final Set<String> INGEST = Set.of("ingest");
    private static final Set<String> PARTNER = Set.of("partner");
    private static final Set<String> ORIGINALS = Set.of("editor", "auditor");
    private static final Set<String> STREAM = Set.of("reporter", "editor", "auditor", "integrator");

    /** A route: method, path with placeholders, who may call it, what a permitted call answers. */
    record Route(String method, String path, Set<String> allowed, int success, String source) {

        boolean isPublic() {
            return allowed.contains(ANONYMOUS);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Route> ROUTES = List.of(
            // command side: DESIGN.md "HTTP API" and the domain table
            new Route("POST", "/api/articles", WRITERS, 201, "DESIGN.md"),
            new Route("PATCH", "/api/articles/{id}", WRITERS, 200, "DESIGN.md"),
            new Route("POST", "/api/articles/{id}/photos", WRITERS, 201, "DESIGN.md"),
            new Route("PATCH", "/api/articles/{id}/photos/{photoId}", WRITERS, 200, "DESIGN.md"),
            new Route("DELETE", "/api/articles/{id}/photos/{photoId}", WRITERS, 200, "DESIGN.md"),
            new Route("PUT", "/api/articles/{id}/byline", WRITERS, 200, "DESIGN.md"),
            new Route(
                    "PUT", "/api/articles/{id}/photos/order", WRITERS, 200, "the media contract (docs/command-api.md)"),
            new Route("POST", "/api/media", WRITERS, 201, "the media contract (docs/command-api.md)"),
            new Route("POST", "/api/articles/{id}/submit", WRITERS, 200, "DESIGN.md"),
            new Route("POST", "/api/articles/{id}/request-changes", EDITOR, 200, "DESIGN.md"),
            new Route("POST", "/api/articles/{id}/publish", EDITOR, 200, "DESIGN.md"),
            new Route("POST", "/api/articles/{id}/unpublish", EDITOR, 200, "DESIGN.md"),
            new Route("POST", "/api/articles/{id}/kill", EDITOR, 200, "DESIGN.md"),
            new Route("POST", "/api/articles/{id}/comments", WRITERS, 201, "the desk's contract (docs/command-api.md)"),
            new Route("PUT", "/api/articles/{id}/schedule", EDITOR, 200, "the desk's contract (docs/command-api.md)"),
            new Route(
                    "DELETE", "/api/articles/{id}/schedule", EDITOR, 200, "the desk's contract (docs/command-api.md)"),
            new Route("PUT", "/api/articles/{id}/embargo", EDITOR, 200, "the desk's contract (docs/command-api.md)"),
            new Route("DELETE", "/api/articles/{id}/embargo", EDITOR, 200, "the desk's contract (docs/command-api.md)"),
            new Route("GET", "/api/languages", SIGNED_IN, 200, "the desk's contract (docs/command-api.md)"),
            new Route("POST", "/api/articles/{id}/agency-update/apply", EDITOR, 200, "docs/ingest.md"),
            new Route("POST", "/api/articles/{id}/agency-update/dismiss", EDITOR, 200, "docs/ingest.md"),
            new Route("POST", "/api/ingest", INGEST, 201, "docs/ingest.md"),
            new Route("GET", "/api/ingest", EDITOR, 200, "docs/ingest.md"),
            new Route("GET", "/api/ingest/originals/{sha256}", ORIGINALS, 200, "docs/ingest.md"),
            new Route("GET", "/syndication/events", PARTNER, 200, "docs/syndication.md"),
            new Route("POST", "/syndication/webhooks", PARTNER, 201, "docs/syndication.md"),
            new Route("GET", "/syndication/webhooks", PARTNER, 200, "docs/syndication.md"),
            new Route("GET", "/syndication/webhooks/{webhookId}", PARTNER, 200, "docs/syndication.md"),
            new Route("DELETE", "/syndication/webhooks/{webhookId}", PARTNER, 204, "docs/syndication.md"),
            new Route("GET", "/syndication/webhooks/{webhookId}/deliveries", PARTNER, 200, "docs/syndication.md"),
            new Route("GET", "/asyncapi.yaml", EVERYONE, 200, "docs/integrations.md: public, like /v3/api-docs"),
            // query side
            new Route("GET", "/api/articles/{id}", WRITERS, 200, "DESIGN.md; roles from docs/command-api.md"),
            new Route("GET", "/api/articles", WRITERS, 200, "DESIGN.md; roles from docs/command-api.md"),
            new Route("GET", "/site/articles/{slug}", EVERYONE, 200, "DESIGN.md: /site/** is public"),
            new Route("GET", "/site/articles", EVERYONE, 200, "DESIGN.md: /site/** is public"),
            new Route("GET", "/site", EVERYONE, 200, "the reader's pages (docs/query-api.md): /site/** is public"),
            new Route("GET", "/site/", EVERYONE, 200, "the reader's pages (docs/query-api.md): /site/** is public"),
            new Route("GET", "/api/articles/{id}/preview", WRITERS, 200, "the reader's pages (docs/query-api.md)"),
            new Route(
                    "GET",
                    "/media/{mediaId}/{rendition}",
                    EVERYONE,
                    200,
                    "docs/query-api.md: public once a publication carries the image"),
            new Route("GET", "/audit/articles", AUDITOR, 200, "the desk's contract (docs/query-api.md)"),
            new Route("GET", "/audit/articles/{id}/history", AUDITOR, 200, "DESIGN.md"),
            new Route("GET", "/audit/articles/{id}/versions/{v}", AUDITOR, 200, "DESIGN.md"),
            new Route("GET", "/audit/articles/{id}/versions", AUDITOR, 200, "DESIGN.md (?at=<ISO instant>)"),
            new Route("GET", "/audit/articles/{id}/diff", AUDITOR, 200, "DESIGN.md"),
            new Route("GET", "/audit/articles/{id}/integrity", AUDITOR, 200, "DESIGN.md"),
            new Route("GET", "/audit/log/checkpoint", EVERYONE, 200, "docs/transparency.md: public"),
            new Route("GET", "/audit/log/public-key", EVERYONE, 200, "docs/transparency.md: public"),
            new Route("GET", "/audit/log/proof/inclusion", EVERYONE, 200, "docs/transparency.md: public"),
            new Route("GET", "/audit/log/proof/consistency", EVERYONE, 200, "docs/transparency.md: public"),
            new Route("GET", "/feed/events", INTEGRATOR, 200, "DESIGN.md"),
            new Route("GET", "/feed/stream", STREAM, 200, "DESIGN.md (integrator); docs/ui.md (the UI's roles)"),
            new Route("POST", "/api/webhooks", INTEGRATOR, 201, "DESIGN.md"),
            new Route("GET", "/api/webhooks", INTEGRATOR, 200, "docs/integrations.md"),
            new Route("GET", "/api/me", SIGNED_IN, 200, "docs/ui.md"),
            new Route("POST", "/api/session", SIGNED_IN, 200, "docs/ui.md (credentials as JSON or HTTP Basic)"),
            new Route("DELETE", "/api/session", EVERYONE, 204, "docs/ui.md"),
            new Route("GET", "/api/webhooks/{webhookId}", INTEGRATOR, 200, "DESIGN.md"),
            new Route("DELETE", "/api/webhooks/{webhookId}", INTEGRATOR, 204, "DESIGN.md"),
            new Route("GET", "/api/webhooks/{webhookId}/deliveries", INTEGRATOR, 200, "DESIGN.md"),
            new Route("POST", "/api/webhooks/{webhookId}/redeliver", INTEGRATOR, 202, "DESIGN.md"),
            // operations: DESIGN.md "Running"; roles from docs/query-api.md and docs/command-api.md
            new Route("GET", "/actuator/health", EVERYONE, 200, "DESIGN.md; public per docs/command-api.md"),
            new Route("GET", "/actuator/projections", OPERATOR, 200, "docs/query-api.md"),
            new Route("GET", "/admin/log/export", OPERATOR, 200, "docs/operations.md"));

    private DesignRoutes() {}
}
