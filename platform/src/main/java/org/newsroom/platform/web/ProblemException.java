package org.newsroom.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A request refused with a stable problem code: any route may throw it, and {@link ProblemDetailsAdvice} answers it
 * as {@code application/problem+json} with the request's correlation id, like every other problem.
 */
public class ProblemException extends ErrorResponseException {

    public ProblemException(HttpStatus status, String code, String detail) {
        super(status, Problems.problem(status, code, status.getReasonPhrase(), detail), null);
    }

    public static ProblemException notFound(String code, String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, code, detail);
    }

    public static ProblemException invalid(String code, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, code, detail);
    }

    /** Adds a property to the problem body. */
    public ProblemException with(String property, Object value) {
        getBody().setProperty(property, value);
        return this;
    }

    /** Adds a header to the answer, e.g. {@code Retry-After}. */
    public ProblemException withHeader(String name, String value) {
        getHeaders().set(name, value);
        return this;
    }

    public String code() {
        return (String) getBody().getProperties().get(Problems.CODE);
    }
}
