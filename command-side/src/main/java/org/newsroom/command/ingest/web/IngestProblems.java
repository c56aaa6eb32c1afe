package org.newsroom.command.ingest.web;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.newsroom.command.article.ArticleRuleViolation;
import org.newsroom.command.ingest.InvalidAgencyItem;
import org.newsroom.platform.web.ProblemDetailsAdvice;
import org.newsroom.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Why an agency item was not ingested: not well-formed (400 {@code invalid-agency-item}), not valid against its
 * schema or not something an article may hold (422 {@code invalid-agency-item}), both naming {@code where} the first
 * violation is; a version older than one the article took (409 with the article's rule code); a race with another
 * delivery of the same item (409 {@code concurrent-change}: deliver again).
 */
@RestControllerAdvice(basePackageClasses = IngestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class IngestProblems {

    static final String INVALID = "invalid-agency-item";

    @ExceptionHandler
    ResponseEntity<Object> on(InvalidAgencyItem invalid, HttpServletRequest request) {
        HttpStatus status = invalid.unreadable() ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_ENTITY;
        ProblemDetail problem = Problems.problem(status, INVALID, "Invalid agency item", invalid.getMessage());
        problem.setProperty("where", invalid.where());
        return Problems.response(Problems.forRequest(problem, request), HttpHeaders.EMPTY);
    }

    @ExceptionHandler
    ResponseEntity<Object> on(ArticleRuleViolation violation, HttpServletRequest request) {
        ProblemDetail problem =
                Problems.problem(HttpStatus.CONFLICT, violation.code(), "Rule violated", violation.getMessage());
        violation.details().forEach(problem::setProperty);
        return Problems.response(Problems.forRequest(problem, request), HttpHeaders.EMPTY);
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<Object> onRace(RuntimeException race, HttpServletRequest request) {
        return Problems.response(
                Problems.forRequest(
                        Problems.problem(
                                HttpStatus.CONFLICT,
                                "concurrent-change",
                                "Concurrent change",
                                "Another delivery of the item changed its article at the same moment; nothing of this one"
                                        + " was marked ingested. Deliver it again."),
                        request),
                HttpHeaders.EMPTY);
    }

    @ExceptionHandler
    ResponseEntity<Object> on(CommandExecutionException wrapped, HttpServletRequest request) {
        if (wrapped.getCause() instanceof ArticleRuleViolation violation) {
            return on(violation, request);
        }
        return ProblemDetailsAdvice.unexpected(wrapped, request);
    }
}
