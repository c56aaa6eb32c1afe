package org.newsroom.query.feed.web;

import java.net.URI;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 7807 answers of the integration routes: {@code type} {@code https://newsroom.example/problems/<code>},
 * {@code title}, {@code status}, {@code detail} and a {@code code} property; Spring MVC's own client errors keep their
 * status and get a code from it; anything unexpected is a 500 without details, logged.
 */
public abstract class ProblemAdvice extends ResponseEntityExceptionHandler {

    public static final String TYPE_BASE = "https://newsroom.example/problems/";
    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    public static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE_BASE + code));
        body.setTitle(status.getReasonPhrase());
        body.setProperty("code", code);
        return body;
    }

    @ExceptionHandler
    ResponseEntity<Object> on(Exception e) {
        log.error("an integration request failed", e);
        return answer(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Unexpected error"),
                new HttpHeaders());
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (body == null && ex instanceof ErrorResponse errorResponse) {
            body = errorResponse.getBody();
        }
        if (body instanceof ProblemDetail problem && problem.getProperties() != null
                && problem.getProperties().containsKey("code")) {
            return answer(problem, headers);
        }
        HttpStatus status = HttpStatus.valueOf(statusCode.value());
        String detail = body instanceof ProblemDetail problem && problem.getDetail() != null
                ? problem.getDetail() : status.getReasonPhrase();
        String code = status == HttpStatus.BAD_REQUEST ? "invalid-request"
                : status.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '-');
        return answer(problem(status, code, detail), headers);
    }

    private static ResponseEntity<Object> answer(ProblemDetail body, HttpHeaders headers) {
        return ResponseEntity.status(body.getStatus()).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
