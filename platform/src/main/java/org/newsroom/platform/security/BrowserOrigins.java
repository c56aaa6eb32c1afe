package org.newsroom.platform.security;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a browser says a request comes from. A browser names the page that sends a write in {@code Origin} (and, in
 * current browsers, {@code Sec-Fetch-Site}); API clients send neither. A write is foreign when it names another
 * origin than this server's own (scheme, host and port as the request arrived) or one of
 * {@code newsroom.security.allowed-origins}, or when {@code Sec-Fetch-Site} says {@code cross-site} or
 * {@code same-site} and no {@code Origin} says more.
 */
final class BrowserOrigins {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Set<String> allowed;

    BrowserOrigins(Set<String> allowed) {
        this.allowed = allowed.stream()
                .map(origin -> origin.trim().replaceAll("/+$", "").toLowerCase(Locale.ROOT))
                .filter(origin -> !origin.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    static boolean changesState(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod());
    }

    /** A write that a page of another origin sent. */
    boolean isForeign(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin != null) {
            return !isOwnOrAllowed(origin, request);
        }
        String site = request.getHeader("Sec-Fetch-Site");
        return site != null && !site.equals("same-origin") && !site.equals("none");
    }

    /** Whether the request says which page sent it, as browsers do for writes: {@code Origin} or Sec-Fetch-Site. */
    static boolean namesItsOrigin(HttpServletRequest request) {
        return request.getHeader("Origin") != null || "same-origin".equals(request.getHeader("Sec-Fetch-Site"));
    }

    private boolean isOwnOrAllowed(String origin, HttpServletRequest request) {
        String normalized = origin.trim().toLowerCase(Locale.ROOT);
        if (allowed.contains(normalized)) {
            return true;
        }
        try {
            URI uri = URI.create(normalized);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return false; // "null", an opaque origin: a sandboxed frame, a file, a redirect across origins
            }
            return uri.getScheme().equals(request.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost().equals(request.getServerName().toLowerCase(Locale.ROOT))
                    && port(uri.getPort(), uri.getScheme()) == request.getServerPort();
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static int port(int port, String scheme) {
        if (port >= 0) {
            return port;
        }
        return scheme.equals("https") ? 443 : 80;
    }
}
