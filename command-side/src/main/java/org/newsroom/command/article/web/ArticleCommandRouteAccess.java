package org.newsroom.command.article.web;

import static org.newsroom.platform.security.AccessRule.authenticated;
import static org.newsroom.platform.security.AccessRule.roles;
import static org.newsroom.platform.security.Role.EDITOR;
import static org.newsroom.platform.security.Role.REPORTER;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.List;

import org.newsroom.command.article.LanguageList;
import org.newsroom.platform.security.AccessRule;
import org.newsroom.platform.security.RouteAccess;
import org.springframework.stereotype.Component;

/**
 * The commands of the Article workflow: reporters and editors write and comment; the editor alone decides, schedules
 * and embargoes. The list of languages is for anyone signed in.
 */
@Component
class ArticleCommandRouteAccess implements RouteAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                roles(POST, "/api/articles", REPORTER, EDITOR),
                roles(PATCH, "/api/articles/*", REPORTER, EDITOR),
                roles(POST, "/api/articles/*/photos/**", REPORTER, EDITOR),
                roles(PATCH, "/api/articles/*/photos/**", REPORTER, EDITOR),
                roles(DELETE, "/api/articles/*/photos/**", REPORTER, EDITOR),
                roles(PUT, "/api/articles/*/photos/order", REPORTER, EDITOR),
                roles(PUT, "/api/articles/*/byline", REPORTER, EDITOR),
                roles(POST, "/api/articles/*/submit", REPORTER, EDITOR),
                roles(POST, "/api/articles/*/comments", REPORTER, EDITOR),
                roles(POST, "/api/articles/*/request-changes", EDITOR),
                roles(POST, "/api/articles/*/publish", EDITOR),
                roles(POST, "/api/articles/*/unpublish", EDITOR),
                roles(POST, "/api/articles/*/kill", EDITOR),
                roles(PUT, "/api/articles/*/schedule", EDITOR),
                roles(DELETE, "/api/articles/*/schedule", EDITOR),
                roles(PUT, "/api/articles/*/embargo", EDITOR),
                roles(DELETE, "/api/articles/*/embargo", EDITOR),
                authenticated(GET, LanguageList.ROUTE));
    }
}
