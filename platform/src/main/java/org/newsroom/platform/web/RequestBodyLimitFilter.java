package org.newsroom.platform.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers 413 to a body over {@code newsroom.api.max-body-size}: at once when the declared length is over it, and
 * after reading at most one byte more than the limit when the length is not declared (chunked). A body within the
 * limit is buffered, so that later filters (idempotency) can read it again. The whole body must arrive within
 * {@code newsroom.api.body-timeout} (10 s), else 408: a client that trickles its body cannot hold a request thread
 * for longer. Runs after Spring Security, so that no body of an unauthenticated request is ever read. A
 * {@link StreamedBody} route has its own limit, checked here against the declared length only, and its body is left
 * unread for its handler.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final DataSize limit;
    private final Duration deadline;
    private final ProblemWriter problems;
    private final List<StreamedBody> streamed;

    RequestBodyLimitFilter(DataSize limit, Duration deadline, ProblemWriter problems) {
        this(limit, deadline, problems, List.of());
    }

    RequestBodyLimitFilter(DataSize limit, Duration deadline, ProblemWriter problems, List<StreamedBody> streamed) {
        this.limit = limit;
        this.deadline = deadline;
        this.problems = problems;
        this.streamed = List.copyOf(streamed);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        boolean chunked = request.getHeader("Transfer-Encoding") != null;
        if (declared <= 0 && !chunked) {
            chain.doFilter(request, response);
            return;
        }
        for (StreamedBody route : streamed) {
            if (route.matches(request)) {
                if (declared > route.limit().toBytes()) {
                    reject(request, response, route.limit());
                    return;
                }
                route.mark(request);
                chain.doFilter(request, response);
                return;
            }
        }
        if (declared > limit.toBytes()) {
            reject(request, response);
            return;
        }
        int max = (int) Math.min(Integer.MAX_VALUE - 8, limit.toBytes() + 1);
        byte[] body = read(request.getInputStream(), declared > 0 ? (int) declared : max);
        if (body == null) {
            problems.write(
                    request,
                    response,
                    Problems.problem(
                            HttpStatus.REQUEST_TIMEOUT,
                            "request-timeout",
                            "Request body too slow",
                            "The request body did not arrive within " + deadline.toSeconds() + " s"));
            return;
        }
        if (body.length > limit.toBytes()) {
            reject(request, response);
            return;
        }
        chain.doFilter(new BufferedBody(request, body), response);
    }

    /**
     * The body, at most {@code max} bytes (its declared length, else one more than the limit), or null when the deadline passed first. Each read returns as soon as some bytes have
     * arrived (or the server's per-read timeout, {@code server.tomcat.connection-timeout}, ends it), so the deadline is
     * checked at least that often.
     */
    private byte[] read(InputStream in, int max) throws IOException {
        long until = System.nanoTime() + deadline.toNanos();
        ByteArrayOutputStream body = new ByteArrayOutputStream(Math.min(max, 8192));
        byte[] buffer = new byte[8192];
        while (body.size() < max) {
            int read = in.read(buffer, 0, Math.min(buffer.length, max - body.size()));
            if (read < 0) {
                break;
            }
            body.write(buffer, 0, read);
            if (body.size() < max && System.nanoTime() - until > 0) {
                return null;
            }
        }
        return body.toByteArray();
    }

    private void reject(HttpServletRequest request, HttpServletResponse response) throws IOException {
        reject(request, response, limit);
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, DataSize limit) throws IOException {
        problems.write(
                request,
                response,
                Problems.problem(
                        HttpStatus.PAYLOAD_TOO_LARGE,
                        "payload-too-large",
                        "Request body too large",
                        "The request body is larger than the limit of " + describe(limit)));
    }

    static String describe(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + " MB";
        }
        return bytes % 1024 == 0 ? size.toKilobytes() + " KB" : bytes + " bytes";
    }
}
