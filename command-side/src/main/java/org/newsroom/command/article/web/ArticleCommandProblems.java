package org.newsroom.command.article.web;

import java.util.List;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.newsroom.command.article.ArticleRuleViolation;
import org.newsroom.command.article.InvalidArticleContent;
import org.newsroom.command.article.LanguageList;
import org.newsroom.platform.web.ProblemDetailsAdvice;
import org.newsroom.platform.web.Problems;
import org.newsroom.platform.web.Problems.FieldProblem;
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
 * Why a command was not recorded, as a problem answer: content no article may hold (400 {@code validation-failed},
 * the field named), a rule of the workflow (409 with the rule's code and its details, such as an embargo's
 * {@code until}), an unknown article (404
 * {@code article-not-found}, as on reads) or photo (404 {@code not-found}), a stale
 * {@code If-Match} (412 with {@code currentVersion}), a write that lost a race in the event log (409
 * {@code concurrent-change}).
 */
@RestControllerAdvice(basePackageClasses = ArticleCommandController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ArticleCommandProblems {

    private static final String PHOTO_NOT_FOUND = "photo-not-found";
    private static final String NOT_FOUND = "not-found";
    private static final String INVALID_LANGUAGE = "invalid-language";

    @ExceptionHandler
    ResponseEntity<Object> on(ArticleRuleViolation violation, HttpServletRequest request) {
        if (PHOTO_NOT_FOUND.equals(violation.code())) {
            return answer(notFound(NOT_FOUND, violation.getMessage()), request);
        }
        ProblemDetail problem =
                Problems.problem(HttpStatus.CONFLICT, violation.code(), "Rule violated", violation.getMessage());
        violation.details().forEach(problem::setProperty);
        return answer(problem, request);
    }

    /** A language outside the list also names where the list is ({@code languages}). */
    @ExceptionHandler
    ResponseEntity<Object> on(InvalidArticleContent invalid, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetailsAdvice.validationFailed(
                List.of(new FieldProblem(invalid.field(), invalid.code(), invalid.getMessage())));
        if (INVALID_LANGUAGE.equals(invalid.code())) {
            problem.setProperty("languages", LanguageList.ROUTE);
        }
        return answer(problem, request);
    }

    @ExceptionHandler
    ResponseEntity<Object> on(PhotoSourceRefused refused, HttpServletRequest request) {
        return answer(
                ProblemDetailsAdvice.validationFailed(
                        List.of(new FieldProblem(refused.field(), refused.code(), refused.getMessage()))),
                request);
    }

    @ExceptionHandler
    ResponseEntity<Object> on(AggregateNotFoundException unknown, HttpServletRequest request) {
        return answer(
                notFound(Problems.ARTICLE_NOT_FOUND, "There is no article " + unknown.getAggregateIdentifier()),
                request);
    }

    @ExceptionHandler
    ResponseEntity<Object> on(ArticleCommandController.UnknownArticle unknown, HttpServletRequest request) {
        return answer(notFound(Problems.ARTICLE_NOT_FOUND, unknown.getMessage()), request);
    }

    @ExceptionHandler
    ResponseEntity<Object> on(ArticleCommandController.UnknownPhoto unknown, HttpServletRequest request) {
        return answer(notFound(NOT_FOUND, unknown.getMessage()), request);
    }

    @ExceptionHandler
    ResponseEntity<Object> on(ConflictingAggregateVersionException conflict, HttpServletRequest request) {
        long current = conflict.getActualVersion() + 1;
        ProblemDetail problem = Problems.problem(
                HttpStatus.PRECONDITION_FAILED,
                "version-mismatch",
                "Version mismatch",
                "The article is at version " + current + ", not "
                        + (conflict.getExpectedVersion() + 1) + " as If-Match says; nothing was recorded."
                        + " Fetch it again, then retry.");
        problem.setProperty("currentVersion", current);
        HttpHeaders headers = new HttpHeaders();
        headers.setETag("\"" + current + "\"");
        return Problems.response(Problems.forRequest(problem, request), headers);
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<Object> onConcurrentChange(RuntimeException race, HttpServletRequest request) {
        return answer(
                Problems.problem(
                        HttpStatus.CONFLICT,
                        "concurrent-change",
                        "Concurrent change",
                        "Someone else changed the article at the same moment; nothing was recorded. Retry."),
                request);
    }

    @ExceptionHandler
    ResponseEntity<Object> on(IfMatch.Invalid invalid, HttpServletRequest request) {
        return answer(
                Problems.problem(HttpStatus.BAD_REQUEST, "invalid-if-match", "Invalid If-Match", invalid.getMessage()),
                request);
    }

    @ExceptionHandler
    ResponseEntity<Object> on(IfMatch.NoVersionYet noVersion, HttpServletRequest request) {
        return answer(
                Problems.problem(
                        HttpStatus.PRECONDITION_FAILED, "version-mismatch", "Version mismatch", noVersion.getMessage()),
                request);
    }

    /** Only a distributed command bus wraps failures; unwrap to answer for the cause. */
    @ExceptionHandler
    ResponseEntity<Object> on(CommandExecutionException wrapped, HttpServletRequest request) {
        Throwable cause = wrapped.getCause();
        if (cause instanceof ArticleRuleViolation violation) {
            return on(violation, request);
        } else if (cause instanceof InvalidArticleContent invalid) {
            return on(invalid, request);
        } else if (cause instanceof AggregateNotFoundException unknown) {
            return on(unknown, request);
        } else if (cause instanceof ConflictingAggregateVersionException conflict) {
            return on(conflict, request);
        } else if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
            return onConcurrentChange((RuntimeException) cause, request);
        }
        return ProblemDetailsAdvice.unexpected(wrapped, request);
    }

    /** Titled as the query side's 404s, so that the same code has the same title on both sides. */
    private static ProblemDetail notFound(String code, String detail) {
        return Problems.problem(HttpStatus.NOT_FOUND, code, HttpStatus.NOT_FOUND.getReasonPhrase(), detail);
    }

    private static ResponseEntity<Object> answer(ProblemDetail problem, HttpServletRequest request) {
        return Problems.response(Problems.forRequest(problem, request), HttpHeaders.EMPTY);
    }
}
