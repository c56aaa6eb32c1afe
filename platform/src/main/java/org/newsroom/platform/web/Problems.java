package org.newsroom.platform.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import jakarta.servlet.http.HttpServletRequest;

/**
 * RFC 7807 answers as every route gives them: {@code application/problem+json} with {@code type}
 * {@value #TYPE_BASE}{@code <code>}, {@code title}, {@code status}, {@code detail}, a stable kebab-case {@code code},
 * the request's {@code correlationId} and, for input errors, {@code errors: [{field, code, message}]}.
 */
public final class Problems {

    public static final String TYPE_BASE = "https://newsroom.example/problems/";
    public static final String CODE = "code";
    public static final String CORRELATION_ID = "correlationId";
    public static final String ERRORS = "errors";

    /** The code of every 404 for an article that does not exist, from writes and reads alike. */
    public static final String ARTICLE_NOT_FOUND = "article-not-found";

    /** One input error: the request field (e.g. {@code bylines[0].name}), a stable code and a message for people. */
    public record FieldProblem(String field, String code, String message) {}

    private Problems() {}

    public static ProblemDetail problem(HttpStatusCode status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setTitle(title);
        problem.setProperty(CODE, code);
        return problem;
    }

    public static ProblemDetail withErrors(ProblemDetail problem, List<FieldProblem> errors) {
        problem.setProperty(ERRORS, List.copyOf(errors));
        return problem;
    }

    /** Adds what only the request knows: its correlation id and path. */
    public static ProblemDetail forRequest(ProblemDetail problem, HttpServletRequest request) {
        CorrelationId.of(request).or(CorrelationId::current).ifPresent(id -> problem.setProperty(CORRELATION_ID, id));
        if (problem.getInstance() == null) {
            try {
                problem.setInstance(URI.create(request.getRequestURI()));
            } catch (IllegalArgumentException notAUri) {
                // a request the firewall or the server refused for its malformed path: no instance to name
            }
        }
        return problem;
    }

    public static ResponseEntity<Object> response(ProblemDetail problem, HttpHeaders headers) {
        HttpHeaders all = new HttpHeaders();
        all.addAll(headers);
        all.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(problem.getStatus()).headers(all).body(problem);
    }

    /** The code a problem of this status gets when nothing more specific is known. */
    public static String defaultCode(int status) {
        return switch (status) {
            case 400 -> "malformed-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 412 -> "version-mismatch";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 408 -> "request-timeout";
            case 414 -> "uri-too-long";
            case 422 -> "unprocessable";
            case 429 -> "too-many-requests";
            case 431 -> "headers-too-large";
            case 500 -> "internal-error";
            case 503 -> "service-unavailable";
            default -> "http-" + status;
        };
    }
}
