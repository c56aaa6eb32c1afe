package org.newsroom.platform.security;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me}: the signed-in user and their roles, for any authenticated user. */
@RestController
class CurrentUserController {

    @GetMapping(path = "/api/me", produces = MediaType.APPLICATION_JSON_VALUE)
    CurrentUser me(Authentication authentication) {
        return CurrentUser.of(authentication);
    }
}
