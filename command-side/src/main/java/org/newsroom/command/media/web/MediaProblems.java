package org.newsroom.command.media.web;

import org.newsroom.command.media.MediaRejection;
import org.newsroom.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import jakarta.servlet.http.HttpServletRequest;

/** A refused upload as a problem answer: 413, 415 or 422 with the refusal's code; nothing was stored. */
@RestControllerAdvice(basePackageClasses = MediaController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class MediaProblems {

    @ExceptionHandler
    ResponseEntity<Object> on(MediaRejection rejection, HttpServletRequest request) {
        HttpStatus status = HttpStatus.valueOf(rejection.status());
        return Problems.response(
                Problems.forRequest(
                        Problems.problem(status, rejection.code(), status.getReasonPhrase(), rejection.getMessage()),
                        request),
                HttpHeaders.EMPTY);
    }
}
