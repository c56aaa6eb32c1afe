package org.newsroom.platform.security;

import java.io.IOException;

import org.newsroom.platform.web.ProblemWriter;
import org.newsroom.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What Spring Security's firewall refuses (a path with {@code //}, {@code ;}, an encoded {@code .} or {@code /}, a
 * header with control characters) answers 400 {@code rejected-request}, a problem like every other refusal.
 */
final class RejectedRequests implements RequestRejectedHandler {

    private final ProblemWriter writer;

    RejectedRequests(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        writer.write(
                request,
                response,
                Problems.problem(
                        HttpStatus.BAD_REQUEST,
                        "rejected-request",
                        "Request rejected",
                        "The request's path or headers are not in a form this server accepts (an empty segment, a"
                                + " ';', an encoded '.', '/' or '%', a control character)"));
    }
}
