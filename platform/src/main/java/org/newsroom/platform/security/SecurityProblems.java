package org.newsroom.platform.security;

import java.io.IOException;

import org.jspecify.annotations.Nullable;
import org.newsroom.platform.web.ProblemWriter;
import org.newsroom.platform.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 401 {@code unauthenticated} and 403 {@code forbidden} as problem answers, like every other error. A wrong HTTP Basic
 * password is told to the {@link SignInGuard}. A refused request's body is never read, and its connection ends with
 * the answer ({@link ProblemWriter}): an anonymous client trickling a body cannot hold a request thread.
 */
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemWriter writer;
    private final boolean bearerTokens;
    private final @Nullable SignInGuard guard;

    SecurityProblems(ProblemWriter writer, boolean bearerTokens, @Nullable SignInGuard guard) {
        this.writer = writer;
        this.bearerTokens = bearerTokens;
        this.guard = guard;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        String detail;
        if (failure instanceof BadCredentialsException) {
            detail = "The user name or password is not valid";
            if (guard != null) {
                guard.failed(request);
            }
        } else if (failure instanceof InvalidBearerTokenException) {
            detail = "The bearer token is not valid";
        } else {
            detail = "This route needs an authenticated user: send HTTP Basic credentials"
                    + (bearerTokens ? " or a bearer token" : "");
        }
        HttpHeaders headers = new HttpHeaders();
        if (!fromABrowserScript(request)) {
            headers.add(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"newsroom\"");
        }
        if (bearerTokens) {
            headers.add(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        writer.write(
                request,
                response,
                Problems.problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required", detail),
                headers);
    }

    /**
     * A browser's script (the web UI) or subresource request: no Basic challenge, which would make the browser ask for
     * a password in a dialog of its own and then remember it, sending it with any later request to this origin,
     * another site's forms included. Browsers sign in to a session instead.
     */
    private static boolean fromABrowserScript(HttpServletRequest request) {
        String mode = request.getHeader("Sec-Fetch-Mode");
        return "XMLHttpRequest".equals(request.getHeader("X-Requested-With"))
                || (mode != null && !mode.equals("navigate"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        writer.write(
                request,
                response,
                Problems.problem(
                        HttpStatus.FORBIDDEN,
                        "forbidden",
                        "Forbidden",
                        "Your roles do not allow " + request.getMethod() + " " + request.getRequestURI()));
    }
}
