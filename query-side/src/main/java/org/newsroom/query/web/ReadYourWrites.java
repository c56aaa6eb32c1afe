package org.newsroom.query.web;

import java.time.Duration;

import org.newsroom.platform.web.ProblemException;
import org.newsroom.query.projection.ProjectedPositions;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code ?atLeast=<position>} on a query route: waits, at most {@code timeout}, until the projection serving the route
 * has processed that position (the {@code Newsroom-Position} a write answered with), else answers 503.
 */
final class ReadYourWrites implements HandlerInterceptor {

    static final String PARAMETER = "atLeast";

    private final String projection;
    private final ProjectedPositions positions;
    private final Duration timeout;

    ReadYourWrites(String projection, ProjectedPositions positions, Duration timeout) {
        this.projection = projection;
        this.positions = positions;
        this.timeout = timeout;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws InterruptedException {
        String method = request.getMethod();
        String value = request.getParameter(PARAMETER);
        if (value == null || !("GET".equals(method) || "HEAD".equals(method))) {
            return true;
        }
        long wanted = parse(value);
        if (!positions.await(projection, wanted, timeout)) {
            throw new ProjectionBehind(projection, wanted, positions.position(projection));
        }
        return true;
    }

    private static long parse(String value) {
        try {
            long position = Long.parseLong(value.trim());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid(
                "invalid-request", "atLeast must be a global position (a whole number ≥ 0), not '" + value + "'");
    }
}
