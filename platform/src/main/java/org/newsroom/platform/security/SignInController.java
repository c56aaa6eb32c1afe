package org.newsroom.platform.security;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code POST /api/session} signs a browser in (credentials as JSON, or HTTP Basic) and answers who it is, as
 * {@code GET /api/me} would; {@code DELETE /api/session} signs it out. The session lives in a cookie.
 */
@RestController
class SignInController {

    private final SignIns signIns;

    SignInController(SignIns signIns) {
        this.signIns = signIns;
    }

    @PostMapping(path = SignInSessions.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    CurrentUser signIn(
            @RequestBody(required = false) @Nullable Credentials credentials,
            @Nullable Authentication user,
            HttpServletRequest request,
            HttpServletResponse response) {
        return signIns.signIn(credentials, user, request, response);
    }

    @DeleteMapping(SignInSessions.PATH)
    ResponseEntity<Void> signOut(HttpServletRequest request, HttpServletResponse response) {
        signIns.signOut(request, response);
        return ResponseEntity.noContent().build();
    }
}
