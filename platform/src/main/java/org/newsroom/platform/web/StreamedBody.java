package org.newsroom.platform.web;

import java.util.Optional;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A route whose request bodies go to its handler as a stream, with a limit of their own, instead of being buffered
 * within {@code newsroom.api.max-body-size} (an upload of images). A feature declares one as a bean. The body limit
 * filter still answers 413 at once to a declared length over {@code limit}; a body of undeclared length is the
 * handler's to stop reading at the limit. Such a request is not made idempotent by an {@code Idempotency-Key}, whose
 * check hashes the buffered body: the header is ignored there.
 */
public record StreamedBody(HttpMethod method, String pattern, DataSize limit) {

    private static final String ATTRIBUTE = StreamedBody.class.getName();

    public StreamedBody {
        PathPatternParser.defaultInstance.parse(pattern);
    }

    boolean matches(HttpServletRequest request) {
        PathPattern parsed = PathPatternParser.defaultInstance.parse(pattern);
        return method.matches(request.getMethod()) && parsed.matches(PathContainer.parsePath(request.getRequestURI()));
    }

    void mark(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    /** The streamed route this request was let through on, if any. */
    public static Optional<StreamedBody> of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof StreamedBody route ? Optional.of(route) : Optional.empty();
    }
}
