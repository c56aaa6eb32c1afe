package org.newsroom.platform.web;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes a problem answer from a servlet filter or a security handler, where no controller advice is reached. When
 * the request's body was not read, the answer closes the connection instead of leaving the body to be drained.
 */
public class ProblemWriter {

    private final ObjectMapper objectMapper;

    public ProblemWriter(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public void write(
            HttpServletRequest request, HttpServletResponse response, ProblemDetail problem, HttpHeaders headers)
            throws IOException {
        Problems.forRequest(problem, request);
        response.setStatus(problem.getStatus());
        if (bodyUnread(request)) {
            // nobody will read this body: the connection ends with this answer (see UnreadBodyValve)
            response.setHeader(HttpHeaders.CONNECTION, "close");
        }
        headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        byte[] body = objectMapper.writeValueAsBytes(problem);
        // a length rather than chunks: the connection may be closed right after this answer (an unread body)
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** A filter answers before anything read the body, unless the body limit filter buffered it. */
    private static boolean bodyUnread(HttpServletRequest request) {
        boolean body = request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        return body && BufferedBody.of(request).isEmpty();
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        write(request, response, problem, HttpHeaders.EMPTY);
    }
}
