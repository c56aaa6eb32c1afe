package org.newsroom.platform.web;

import java.net.URI;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * The servlet container's error path ({@code /error}), in place of Spring Boot's: an error that reached the container
 * (outside Spring MVC's own handling) answers a problem with its real status; a request for {@code /error} itself is
 * a 404 like any unknown path. Not a route of the API, so not in its description.
 */
@Hidden
@RestController
class ErrorAnswers implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<Object> error(HttpServletRequest request) {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code && code >= 400
                ? code
                : HttpStatus.NOT_FOUND.value();
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        String detail = status == HttpStatus.NOT_FOUND.value()
                ? "No such route"
                : status >= 500 ? "An unexpected error occurred. Quote the correlation id when reporting it." : title;
        ProblemDetail problem = Problems.problem(
                known == null ? HttpStatus.valueOf(status >= 500 ? 500 : 400) : known,
                Problems.defaultCode(status),
                title,
                detail);
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException notAUri) {
                // leave the instance out
            }
        }
        return Problems.response(Problems.forRequest(problem, request), HttpHeaders.EMPTY);
    }
}
