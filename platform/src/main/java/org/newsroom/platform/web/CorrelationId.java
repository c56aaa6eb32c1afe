package org.newsroom.platform.web;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.MDC;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The id that ties a request to the events it recorded and to its log lines: the caller's {@value #HEADER} when it is
 * a sane token (at most 100 characters of {@code [A-Za-z0-9._-]}), otherwise a new UUID. Echoed on every answer.
 */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    static final String ATTRIBUTE = CorrelationId.class.getName();

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private CorrelationId() {}

    static String acceptOrGenerate(String candidate) {
        return candidate != null && SANE.matcher(candidate).matches()
                ? candidate
                : UUID.randomUUID().toString();
    }

    /** The correlation id of this request, once {@link CorrelationIdFilter} has seen it. */
    public static Optional<String> of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof String id ? Optional.of(id) : Optional.empty();
    }

    /** The correlation id of the request this thread is serving, if any. */
    public static Optional<String> current() {
        return Optional.ofNullable(MDC.get(MDC_KEY));
    }
}
