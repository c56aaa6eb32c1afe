package org.newsroom.query.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A query that cannot be answered as asked, with the HTTP status, the stable problem code and, where useful, extra
 * properties for the {@code problem+json} body.
 */
public class QueryProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final transient Map<String, Object> properties;

    public QueryProblem(HttpStatus status, String code, String detail) {
        this(status, code, detail, Map.of());
    }

    public QueryProblem(HttpStatus status, String code, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.code = code;
        this.properties = Map.copyOf(properties);
    }

    public static QueryProblem notFound(String code, String detail) {
        return new QueryProblem(HttpStatus.NOT_FOUND, code, detail);
    }

    public static QueryProblem invalid(String detail) {
        return new QueryProblem(HttpStatus.BAD_REQUEST, "invalid-request", detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
