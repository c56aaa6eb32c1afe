package org.newsroom.platform.security;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

import org.newsroom.platform.web.ProblemWriter;
import org.newsroom.platform.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The first filter of the security chain, for what browsers send. A write that a page of another origin sent is
 * refused (403 {@code cross-origin-request}) whatever credentials it carries: a browser adds cookies and remembered
 * HTTP Basic credentials to a form another site submits. A request without an {@code Authorization} header but with
 * the session cookie is signed in as the session's user; a write signed in that way must also name its origin,
 * which every browser does for writes (an API client uses HTTP Basic or a bearer token instead).
 */
final class BrowserRequestFilter extends OncePerRequestFilter {

    private final BrowserOrigins origins;
    private final SignInSessions sessions;
    private final UserDetailsService users;
    private final ProblemWriter problems;
    private final SecurityContextRepository contexts = new RequestAttributeSecurityContextRepository();

    BrowserRequestFilter(
            BrowserOrigins origins, SignInSessions sessions, UserDetailsService users, ProblemWriter problems) {
        this.origins = origins;
        this.sessions = sessions;
        this.users = users;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean write = BrowserOrigins.changesState(request);
        if (write && origins.isForeign(request)) {
            refuse(
                    request,
                    response,
                    "This write was sent by a page of another origin ("
                            + Optional.ofNullable(request.getHeader("Origin"))
                                    .orElse("Sec-Fetch-Site: " + request.getHeader("Sec-Fetch-Site"))
                            + "); nothing was done");
            return;
        }
        Optional<String> token = sessions == null || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                ? Optional.empty()
                : sessionCookie(request);
        Optional<UserDetails> user = token.flatMap(sessions::user).flatMap(this::load);
        if (user.isPresent()) {
            if (write && !BrowserOrigins.namesItsOrigin(request)) {
                refuse(
                        request,
                        response,
                        "A write signed in by the session cookie must carry the Origin of its page;"
                                + " API clients send HTTP Basic credentials or a bearer token instead");
                return;
            }
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    user.get().getUsername(), null, user.get().getAuthorities()));
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
        }
        chain.doFilter(request, response);
    }

    static Optional<String> sessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null
                ? Optional.empty()
                : Arrays.stream(cookies)
                        .filter(cookie -> cookie.getName().equals(SignInSessions.COOKIE))
                        .map(Cookie::getValue)
                        .filter(value -> value != null && !value.isEmpty())
                        .findFirst();
    }

    private Optional<UserDetails> load(String name) {
        try {
            UserDetails user = users.loadUserByUsername(name);
            return user.isEnabled() && user.isAccountNonLocked() ? Optional.of(user) : Optional.empty();
        } catch (UsernameNotFoundException gone) {
            return Optional.empty();
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        problems.write(
                request,
                response,
                Problems.problem(HttpStatus.FORBIDDEN, "cross-origin-request", "Cross-origin request refused", detail));
    }
}
