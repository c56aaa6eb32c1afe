package org.newsroom.query.feed.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A client's mistake or a refused request, answered as an RFC 7807 problem with a stable code. */
public class ProblemException extends ErrorResponseException {

    public ProblemException(HttpStatus status, String code, String detail) {
        super(status, ProblemAdvice.problem(status, code, detail), null);
    }

    public String code() {
        return (String) getBody().getProperties().get("code");
    }
}
