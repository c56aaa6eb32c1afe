package org.newsroom.platform.web;

import java.io.IOException;
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
 * limit is buffered, so that later filters (idempotency) can read it again. A {@link StreamedBody} route has its own
 * limit, checked here against the declared length only, and its body is left unread for its handler.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final DataSize limit;
    private final ProblemWriter problems;
    private final List<StreamedBody> streamed;

    RequestBodyLimitFilter(DataSize limit, ProblemWriter problems) {
        this(limit, problems, List.of());
    }

    RequestBodyLimitFilter(DataSize limit, ProblemWriter problems, List<StreamedBody> streamed) {
        this.limit = limit;
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
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit.toBytes() + 1));
        if (body.length > limit.toBytes()) {
            reject(request, response);
            return;
        }
        chain.doFilter(new BufferedBody(request, body), response);
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
