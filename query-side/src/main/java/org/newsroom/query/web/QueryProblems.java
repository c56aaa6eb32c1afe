package org.newsroom.query.web;

import java.net.URI;

import org.newsroom.query.projection.Projections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 7807 answers for the query routes only ({@code org.newsroom.query}), ahead of any application-wide advice:
 * {@code type} = {@code https://newsroom.example/problems/<code>}, a {@code code} property, never a stack trace.
 * Spring MVC's own client errors (a parameter of the wrong type, a method not allowed…) keep their status.
 */
@RestControllerAdvice(basePackages = "org.newsroom.query")
@Order(Ordered.HIGHEST_PRECEDENCE)
class QueryProblems extends ResponseEntityExceptionHandler {

    static final String TYPE_BASE = "https://newsroom.example/problems/";
    private static final Logger log = LoggerFactory.getLogger(QueryProblems.class);

    @ExceptionHandler
    ResponseEntity<Object> on(QueryProblem problem) {
        ProblemDetail body = problem(problem.status(), problem.code(), problem.getMessage());
        problem.properties().forEach(body::setProperty);
        HttpHeaders headers = new HttpHeaders();
        if (problem instanceof ProjectionBehind behind) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(behind.retryAfterSeconds()));
        }
        return answer(body, headers);
    }

    @ExceptionHandler
    ResponseEntity<Object> on(Projections.UnknownProjection e) {
        return answer(problem(HttpStatus.NOT_FOUND, "unknown-projection", e.getMessage()), new HttpHeaders());
    }

    @ExceptionHandler
    ResponseEntity<Object> on(Exception e) {
        log.error("query failed", e);
        return answer(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Unexpected error"),
                new HttpHeaders());
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        HttpStatus status = HttpStatus.valueOf(statusCode.value());
        String detail = body instanceof ProblemDetail problem && problem.getDetail() != null
                ? problem.getDetail() : status.getReasonPhrase();
        String code = status == HttpStatus.BAD_REQUEST ? "invalid-request"
                : status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        return answer(problem(status, code, detail), headers);
    }

    private static ResponseEntity<Object> answer(ProblemDetail body, HttpHeaders headers) {
        return ResponseEntity.status(body.getStatus()).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE_BASE + code));
        body.setTitle(status.getReasonPhrase());
        body.setProperty("code", code);
        return body;
    }
}
