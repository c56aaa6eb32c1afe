package org.newsroom.platform.web;

import static org.newsroom.platform.web.Problems.FieldProblem;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The problem answers of every route for what Spring MVC itself detects (malformed JSON, unknown properties, Bean
 * Validation, unsupported media type or method, unknown route), for an unreachable database (503) and for anything
 * unexpected (500, with no internal text and a log line carrying the correlation id). Feature-specific advice (e.g.
 * the command API's) runs before this one.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> onUnexpected(Exception failure, HttpServletRequest request) throws Exception {
        if (failure instanceof AccessDeniedException || failure instanceof AuthenticationException) {
            throw failure; // Spring Security answers these
        }
        return unexpected(failure, request);
    }

    /** 503 when the database is unreachable, else 500 with no internal text and a log line. */
    public static ResponseEntity<Object> unexpected(Exception failure, HttpServletRequest request) {
        String correlationId = CorrelationId.of(request).orElse("-");
        if (MongoUnavailable.outcomeUnknown(failure)) {
            log.warn(
                    "MongoDB stopped answering during a write of {} {} (correlation id {}): {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    correlationId,
                    failure.toString());
            return outcomeUnknown(request);
        }
        if (MongoUnavailable.causedBy(failure)) {
            log.warn(
                    "MongoDB unavailable for {} {} (correlation id {}): {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    correlationId,
                    failure.toString());
            return unavailable(request);
        }
        log.error(
                "Unexpected failure of {} {} (correlation id {})",
                request.getMethod(),
                request.getRequestURI(),
                correlationId,
                failure);
        return Problems.response(Problems.forRequest(internalError(), request), HttpHeaders.EMPTY);
    }

    static ResponseEntity<Object> unavailable(HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return Problems.response(
                Problems.forRequest(
                        Problems.problem(
                                HttpStatus.SERVICE_UNAVAILABLE,
                                "service-unavailable",
                                "Service unavailable",
                                "The database cannot be reached right now; nothing was recorded. Retry later."),
                        request),
                headers);
    }

    static ResponseEntity<Object> outcomeUnknown(HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return Problems.response(
                Problems.forRequest(
                        Problems.problem(
                                HttpStatus.SERVICE_UNAVAILABLE,
                                "outcome-unknown",
                                "Outcome unknown",
                                "The database stopped answering while this write was being stored: it may or may not have been"
                                        + " recorded. Retry with the same Idempotency-Key, or read the article before retrying."),
                        request),
                headers);
    }

    private static ProblemDetail internalError() {
        return Problems.problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "Internal error",
                "An unexpected error occurred. Quote the correlation id when reporting it.");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException failure, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(failure, unreadable(failure), headers, HttpStatus.BAD_REQUEST, request);
    }

    static ProblemDetail unreadable(HttpMessageNotReadableException failure) {
        Throwable cause = failure.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return Problems.withErrors(
                    Problems.problem(
                            HttpStatus.BAD_REQUEST,
                            "unknown-property",
                            "Unknown property",
                            "The request has a property that this route does not know: '" + field + "'"),
                    List.of(new FieldProblem(
                            field,
                            "unknown-property",
                            "'" + unknown.getPropertyName() + "' is not a property of this request; known ones: "
                                    + known(unknown))));
        }
        if (cause instanceof StreamConstraintsException tooMuch) {
            return malformed("The JSON body exceeds a parser limit: " + tooMuch.getOriginalMessage());
        }
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            return Problems.withErrors(
                    malformed("Property '" + field + "' has the wrong type or value"),
                    List.of(new FieldProblem(field, "wrong-type", expected(mismatch))));
        }
        if (cause instanceof MismatchedInputException) {
            return malformed("The request body must be a JSON object");
        }
        if (cause instanceof JsonProcessingException json) {
            JsonLocation at = json.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return malformed("The request body is not valid JSON" + where + ": " + json.getOriginalMessage());
        }
        if (cause instanceof java.nio.charset.CharacterCodingException) {
            return malformed("The request body is not valid UTF-8");
        }
        if (cause instanceof IllegalArgumentException
                && failure.getMessage() != null
                && failure.getMessage().startsWith("The charset")) {
            return malformed(failure.getMessage());
        }
        if (failure.getMessage() != null && failure.getMessage().startsWith("Required request body is missing")) {
            return malformed("This route needs a JSON request body");
        }
        return malformed("The request body could not be read");
    }

    private static ProblemDetail malformed(String detail) {
        return Problems.problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail);
    }

    private static String path(JsonMappingException failure) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : failure.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String known(UnrecognizedPropertyException unknown) {
        return unknown.getKnownPropertyIds() == null
                ? "none"
                : unknown.getKnownPropertyIds().stream()
                        .map(String::valueOf)
                        .sorted()
                        .collect(Collectors.joining(", "));
    }

    private static String expected(MismatchedInputException mismatch) {
        Class<?> target = mismatch.getTargetType();
        if (target == null) {
            return "has the wrong type";
        }
        if (target.isEnum()) {
            return "must be one of "
                    + Arrays.stream(target.getEnumConstants())
                            .map(constant -> jsonName((Enum<?>) constant))
                            .collect(Collectors.joining(", "));
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (List.class.isAssignableFrom(target) || target.isArray()) {
            return "must be an array";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
            return "must be a " + target.getSimpleName().toLowerCase(Locale.ROOT);
        }
        return "must be a JSON object";
    }

    private static String jsonName(Enum<?> constant) {
        try {
            var annotation = constant.getDeclaringClass()
                    .getField(constant.name())
                    .getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
            return annotation != null ? annotation.value() : constant.name();
        } catch (NoSuchFieldException impossible) {
            return constant.name();
        }
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException failure, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : failure.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), constraintCode(error.getCode()), error.getDefaultMessage()));
        }
        failure.getBindingResult()
                .getGlobalErrors()
                .forEach(error -> errors.add(new FieldProblem(
                        error.getObjectName(), constraintCode(error.getCode()), error.getDefaultMessage())));
        return handleExceptionInternal(failure, validationFailed(errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException failure, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        failure.getParameterValidationResults()
                .forEach(result -> result.getResolvableErrors()
                        .forEach(error -> errors.add(new FieldProblem(
                                result.getMethodParameter().getParameterName(),
                                constraintCode(
                                        error.getCodes() == null
                                                ? null
                                                : error.getCodes()[error.getCodes().length - 1]),
                                error.getDefaultMessage()))));
        return handleExceptionInternal(failure, validationFailed(errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    /** 400 {@code validation-failed} with field-level errors. */
    public static ProblemDetail validationFailed(List<FieldProblem> errors) {
        String fields = errors.stream().map(FieldProblem::field).distinct().collect(Collectors.joining(", "));
        return Problems.withErrors(
                Problems.problem(
                        HttpStatus.BAD_REQUEST,
                        "validation-failed",
                        "Validation failed",
                        "The request is invalid: " + (fields.isEmpty() ? "see errors" : fields)),
                errors);
    }

    private static final Map<String, String> CONSTRAINT_CODES = Map.of(
            "NotNull",
            "required",
            "NotBlank",
            "required",
            "NotEmpty",
            "required",
            "Size",
            "size",
            "Pattern",
            "pattern",
            "Max",
            "too-large",
            "Min",
            "too-small");

    private static String constraintCode(String constraint) {
        if (constraint == null) {
            return "invalid";
        }
        return CONSTRAINT_CODES.getOrDefault(
                constraint, constraint.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception failure, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpServletRequest servletRequest = ((ServletWebRequest) request).getRequest();
        if (((ServletWebRequest) request).getResponse() != null
                && ((ServletWebRequest) request).getResponse().isCommitted()) {
            return null;
        }
        ProblemDetail problem;
        if (body instanceof ProblemDetail detail) {
            problem = detail;
        } else if (failure instanceof ErrorResponse errorResponse) {
            problem = errorResponse.getBody();
        } else {
            problem = ProblemDetail.forStatus(status);
        }
        if (problem.getDetail() == null) {
            HttpStatus known = HttpStatus.resolve(status.value());
            problem.setDetail(known == null ? "HTTP " + status.value() : known.getReasonPhrase());
        }
        if (problem.getProperties() == null || !problem.getProperties().containsKey(Problems.CODE)) {
            String code = Problems.defaultCode(status.value());
            problem.setType(URI.create(Problems.TYPE_BASE + code));
            problem.setProperty(Problems.CODE, code);
        }
        if (status.is5xxServerError() && status.value() != HttpStatus.SERVICE_UNAVAILABLE.value()) {
            log.error(
                    "Failure of {} {} (correlation id {})",
                    servletRequest.getMethod(),
                    servletRequest.getRequestURI(),
                    CorrelationId.of(servletRequest).orElse("-"),
                    failure);
            problem = internalError();
        }
        return Problems.response(Problems.forRequest(problem, servletRequest), headers);
    }
}
