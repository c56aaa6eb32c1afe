package org.newsroom.platform.server;

import java.util.Map;

import org.newsroom.platform.security.AccessRule;
import org.newsroom.platform.security.Role;
import org.newsroom.platform.security.RouteAccess;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform alone on a real Tomcat: its filters, security and problem answers around two routes of a test's own,
 * {@code POST /api/notes} (a JSON body, for reporters) and {@code GET /api/notes} (for reporters), on an in-memory
 * MongoDB-compatible server.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class PlatformServer {

    record Note(String text) {}

    @RestController
    static class Notes {

        @PostMapping(path = "/api/notes", produces = "application/json")
        Map<String, Object> write(@RequestBody Note note, Authentication user) {
            return Map.of("text", note.text(), "by", user.getName());
        }

        @GetMapping(path = "/api/notes", produces = "application/json")
        Map<String, Object> read() {
            return Map.of("items", java.util.List.of());
        }
    }

    @Bean
    RouteAccess noteAccess() {
        return () -> java.util.List.of(
                AccessRule.roles(HttpMethod.GET, "/api/notes", Role.REPORTER),
                AccessRule.roles(HttpMethod.POST, "/api/notes", Role.REPORTER));
    }
}
