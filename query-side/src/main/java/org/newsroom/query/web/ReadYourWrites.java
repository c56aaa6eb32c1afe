package org.newsroom.query.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.newsroom.platform.web.ProblemDetailsAdvice;
import org.newsroom.platform.web.ProblemException;
import org.newsroom.platform.web.ProblemWriter;
import org.newsroom.query.projection.ProjectedPositions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code ?atLeast=<position>} on a query route: the read goes on once the projection serving the route has written
 * that position (the {@code Newsroom-Position} a write answered with), whichever instance wrote it, else answers 503
 * {@code projection-behind} after {@code timeout}.
 * <p>
 * Waiting holds no thread: the request is suspended (servlet async) and dispatched again when the projection gets
 * there ({@link ProjectedPositions#await}). Waits are capped per remote address and in total ({@link WaitLimits});
 * beyond, 503 {@code too-many-waits}. A position beyond the log's head can never be reached by waiting: 400
 * {@code position-beyond-head} at once. Runs after security, so only those allowed to read wait.
 */
final class ReadYourWrites extends OncePerRequestFilter {

    static final String PARAMETER = "atLeast";
    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);
    /** The container's own deadline for a suspended read, a safety net behind the projection's timeout. */
    private static final Duration CONTAINER_GRACE = Duration.ofSeconds(5);

    /** Which projection serves which path. */
    record Route(PathPattern pattern, String projection) {
        static Route of(String pattern, String projection) {
            return new Route(PathPatternParser.defaultInstance.parse(pattern), projection);
        }
    }

    private final List<Route> routes;
    private final ProjectedPositions positions;
    private final EventLogStorageEngine eventLog;
    private final WaitLimits limits;
    private final Duration timeout;
    private final ProblemWriter problems;

    ReadYourWrites(
            List<Route> routes,
            ProjectedPositions positions,
            EventLogStorageEngine eventLog,
            WaitLimits limits,
            Duration timeout,
            ProblemWriter problems) {
        this.routes = List.copyOf(routes);
        this.positions = positions;
        this.eventLog = eventLog;
        this.limits = limits;
        this.timeout = timeout;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String value = request.getParameter(PARAMETER);
        String method = request.getMethod();
        String projection = value == null || !("GET".equals(method) || "HEAD".equals(method)) ? null : route(request);
        if (projection == null) {
            chain.doFilter(request, response);
            return;
        }
        long wanted;
        boolean there;
        try {
            wanted = parse(value);
            if (wanted > eventLog.knownHeadPosition() && wanted > eventLog.headPosition()) {
                throw new PositionBeyondHead(wanted, eventLog.knownHeadPosition());
            }
            there = positions.knownPosition(projection) >= wanted || positions.currentPosition(projection) >= wanted;
        } catch (ProblemException e) {
            answer(request, response, e);
            return;
        } catch (RuntimeException e) {
            ResponseEntity<Object> unexpected = ProblemDetailsAdvice.unexpected(e, request);
            problems.write(request, response, (ProblemDetail) unexpected.getBody(), unexpected.getHeaders());
            return;
        }
        if (there) {
            chain.doFilter(request, response);
            return;
        }
        String client = request.getRemoteAddr();
        if (!limits.acquire(client)) {
            answer(request, response, new TooManyWaits(limits));
            return;
        }
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(timeout.plus(CONTAINER_GRACE).toMillis());
        AtomicBoolean answered = new AtomicBoolean();
        CompletableFuture<Boolean> reached = positions.await(projection, wanted, timeout.toNanos());
        async.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                release();
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                if (release()) {
                    behind(async, projection, wanted);
                }
            }

            @Override
            public void onError(AsyncEvent event) {
                release();
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // not started again
            }

            private boolean release() {
                if (answered.compareAndSet(false, true)) {
                    limits.release(client);
                    reached.complete(false);
                    return true;
                }
                return false;
            }
        });
        reached.whenComplete((ok, error) -> {
            if (!answered.compareAndSet(false, true)) {
                return;
            }
            limits.release(client);
            if (Boolean.TRUE.equals(ok)) {
                async.dispatch();
            } else {
                async.start(() -> behind(async, projection, wanted));
            }
        });
    }

    private void behind(AsyncContext async, String projection, long wanted) {
        try {
            answer(
                    (HttpServletRequest) async.getRequest(),
                    (HttpServletResponse) async.getResponse(),
                    new ProjectionBehind(projection, wanted, positions.knownPosition(projection)));
        } catch (IOException | RuntimeException e) {
            log.debug("Could not answer a read that waited too long: {}", e.toString());
        } finally {
            async.complete();
        }
    }

    private @Nullable String route(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(
                request.getRequestURI().substring(request.getContextPath().length()));
        for (Route route : routes) {
            if (route.pattern().matches(path)) {
                return route.projection();
            }
        }
        return null;
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, ProblemException problem)
            throws IOException {
        problems.write(request, response, problem.getBody(), problem.getHeaders());
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
