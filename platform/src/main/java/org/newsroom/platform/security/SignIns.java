package org.newsroom.platform.security;

import org.jspecify.annotations.Nullable;
import org.newsroom.platform.web.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Signing in to and out of a browser session ({@link SignInSessions}): the credentials, from the JSON body or HTTP
 * Basic, are checked under the {@link SignInGuard}'s throttle; the session's token goes to the browser in a cookie
 * that scripts cannot read ({@code HttpOnly}), that no other site's request carries ({@code SameSite=Strict}) and,
 * over TLS, that travels only over TLS ({@code Secure}).
 */
final class SignIns {

    private final SignInSessions sessions;
    private final SignInGuard guard;
    private final AuthenticationManager passwords;

    SignIns(SignInSessions sessions, SignInGuard guard, AuthenticationManager passwords) {
        this.sessions = sessions;
        this.guard = guard;
        this.passwords = passwords;
    }

    CurrentUser signIn(
            @Nullable Credentials credentials,
            @Nullable Authentication current,
            HttpServletRequest request,
            HttpServletResponse response) {
        Authentication user;
        if (credentials != null && credentials.user() != null && credentials.password() != null) {
            user = check(credentials.user(), credentials.password(), request.getRemoteAddr());
        } else if (current instanceof UsernamePasswordAuthenticationToken basic && basic.isAuthenticated()) {
            user = basic;
        } else {
            throw new ProblemException(
                    HttpStatus.UNAUTHORIZED,
                    "unauthenticated",
                    "Send a user name and password: {\"user\", \"password\"} as JSON, or HTTP Basic credentials");
        }
        String token = sessions.open(user.getName());
        response.addHeader(
                HttpHeaders.SET_COOKIE,
                ResponseCookie.from(SignInSessions.COOKIE, token)
                        .path("/")
                        .httpOnly(true)
                        .secure(request.isSecure())
                        .sameSite("Strict")
                        .maxAge(sessions.lifetime())
                        .build()
                        .toString());
        return CurrentUser.of(user);
    }

    void signOut(HttpServletRequest request, HttpServletResponse response) {
        BrowserRequestFilter.sessionCookie(request).ifPresent(sessions::close);
        response.addHeader(
                HttpHeaders.SET_COOKIE,
                ResponseCookie.from(SignInSessions.COOKIE, "")
                        .path("/")
                        .httpOnly(true)
                        .secure(request.isSecure())
                        .sameSite("Strict")
                        .maxAge(0)
                        .build()
                        .toString());
    }

    private Authentication check(String user, String password, String address) {
        guard.refusal(user, password, address).ifPresent(wait -> {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw new ProblemException(
                            HttpStatus.TOO_MANY_REQUESTS,
                            "too-many-sign-in-attempts",
                            "Too many failed sign-ins for this user or from this address; try again in " + seconds
                                    + " s")
                    .withHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        });
        try {
            return passwords.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, password));
        } catch (AuthenticationException refused) {
            guard.failed(user, address);
            throw new ProblemException(
                    HttpStatus.UNAUTHORIZED, "unauthenticated", "The user name or password is not valid");
        }
    }
}
