package org.newsroom.platform.idempotency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.newsroom.platform.web.BufferedBody;
import org.newsroom.platform.web.CorrelationId;
import org.newsroom.platform.web.MongoUnavailable;
import org.newsroom.platform.web.ProblemWriter;
import org.newsroom.platform.web.Problems;
import org.newsroom.platform.web.StreamedBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.MongoException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Makes a write with an {@value #HEADER} header happen at most once per (user, key): the first request executes and
 * its answer (status, headers, body; 4xx included) is stored; a retry of the same method, path and body gets that
 * answer again, marked {@code Idempotent-Replayed: true}; the same key on a different request is a 422. A concurrent
 * duplicate waits for the first answer (bounded), else gets 409. An answer that says "not now" rather than "no" is
 * never kept as the final answer: a 5xx (503s included), or a 409 whose problem {@code code} is one of
 * {@link #TRANSIENT_CONFLICTS} (a race lost to another write, which the retry may win). The key is released, and a
 * retry executes again.
 * <p>
 * The stored answer can be missing although the request recorded its events: the process died in between (its claim
 * is taken over once its lease ran out), or the write landed but its acknowledgement was lost (a 5xx, not stored).
 * So before executing, and again when execution ends in a 409 or a 5xx, the event log is asked whether it already
 * holds events of this {@link IdempotentRequest}; if it does, the answer is rebuilt from them ({@link RecordedAnswers}),
 * stored and given, and nothing is executed again. The log's unique index on the request makes a second recording
 * impossible even when two executions race.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    /**
     * Problem codes of a 409 that a retry of the same request may not get: {@code concurrent-change}, another write to
     * the same article won the race (or the event log found the request recorded by a concurrent execution).
     */
    static final Set<String> TRANSIENT_CONFLICTS = Set.of("concurrent-change");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Set<String> NOT_REPLAYED = Set.of(
            "x-correlation-id",
            "date",
            "content-length",
            "transfer-encoding",
            "connection",
            "keep-alive",
            "set-cookie",
            "content-type");

    private final IdempotencyStore store;
    private final ProblemWriter problems;
    private final Duration wait;
    private final RecordedAnswers recorded;

    IdempotencyFilter(IdempotencyStore store, ProblemWriter problems, Duration wait, RecordedAnswers recorded) {
        this.store = store;
        this.problems = problems;
        this.wait = wait;
        this.recorded = recorded;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WRITES.contains(request.getMethod())
                || request.getHeader(HEADER) == null
                || StreamedBody.of(request).isPresent();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || user instanceof AnonymousAuthenticationToken || !user.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER);
        if (!KEY.matcher(key).matches()) {
            problems.write(
                    request,
                    response,
                    Problems.problem(
                            HttpStatus.BAD_REQUEST,
                            "invalid-idempotency-key",
                            "Invalid Idempotency-Key",
                            "An Idempotency-Key is 1 to 255 visible ASCII characters"));
            return;
        }
        String id = user.getName() + ":" + key;
        String hash = requestHash(request);
        try {
            long deadline = System.nanoTime() + wait.toNanos();
            long pause = 10;
            while (true) {
                IdempotencyStore.Claim claim = store.claim(id, hash);
                if (claim instanceof IdempotencyStore.Claimed claimed) {
                    String idempotentRequest = IdempotentRequest.id(user.getName(), key, hash);
                    IdempotentRequest.mark(request, idempotentRequest);
                    Optional<StoredAnswer> answered;
                    try {
                        answered = recordedAnswer(request, idempotentRequest);
                    } catch (MongoException e) {
                        releaseQuietly(claimed);
                        throw e;
                    }
                    if (answered.isPresent()) {
                        log.info(
                                "Idempotency-Key {}: the event log already holds this request's events; answering"
                                        + " as it was answered",
                                id);
                        completeQuietly(claimed, answered.get());
                        replay(answered.get(), response);
                    } else {
                        execute(claimed, idempotentRequest, request, response, chain);
                    }
                    return;
                } else if (claim instanceof IdempotencyStore.Replay replay) {
                    replay(replay.answer(), response);
                    return;
                } else if (claim instanceof IdempotencyStore.Mismatch) {
                    problems.write(
                            request,
                            response,
                            Problems.problem(
                                    HttpStatus.UNPROCESSABLE_ENTITY,
                                    "idempotency-key-reused",
                                    "Idempotency-Key reused",
                                    "This Idempotency-Key was already used for a different request"));
                    return;
                } else if (System.nanoTime() > deadline) {
                    HttpHeaders headers = new HttpHeaders();
                    headers.set(HttpHeaders.RETRY_AFTER, "1");
                    problems.write(
                            request,
                            response,
                            Problems.problem(
                                    HttpStatus.CONFLICT,
                                    "idempotency-key-in-progress",
                                    "Request in progress",
                                    "A request with this Idempotency-Key is still being processed; retry later"),
                            headers);
                    return;
                }
                pause(pause);
                pause = Math.min(pause * 2, 200);
            }
        } catch (MongoException e) {
            if (!MongoUnavailable.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            log.warn(
                    "MongoDB unavailable for idempotent {} {} (correlation id {}): {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    CorrelationId.of(request).orElse("-"),
                    e.toString());
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, "5");
            problems.write(
                    request,
                    response,
                    Problems.problem(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "service-unavailable",
                            "Service unavailable",
                            "The database cannot be reached right now; nothing was recorded." + " Retry later."),
                    headers);
        }
    }

    private void execute(
            IdempotencyStore.Claimed claim,
            String idempotentRequest,
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain)
            throws IOException, ServletException {
        List<String[]> outerHeaders = headersOf(response);
        ContentCachingResponseWrapper recorder = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, recorder);
        } catch (IOException | ServletException | RuntimeException | Error failure) {
            releaseQuietly(claim);
            throw failure;
        }
        int status = recorder.getStatus();
        if ((status == HttpStatus.CONFLICT.value() || status >= 500) && !response.isCommitted()) {
            Optional<StoredAnswer> answered = recordedAnswerQuietly(request, idempotentRequest);
            if (answered.isPresent()) {
                log.info(
                        "Idempotency-Key {}: answered {}, but the event log holds this request's events; answering"
                                + " as they were answered",
                        claim.id(),
                        status);
                completeQuietly(claim, answered.get());
                response.reset();
                outerHeaders.forEach(header -> response.addHeader(header[0], header[1]));
                replay(answered.get(), response);
                return;
            }
        }
        if (status >= 500 || isTransientConflict(status, recorder)) {
            releaseQuietly(claim);
        } else {
            try {
                store.complete(claim, answer(recorder));
            } catch (MongoException e) {
                log.warn("could not store the answer for Idempotency-Key {}: {}", claim.id(), e.toString());
                releaseQuietly(claim);
            }
        }
        recorder.copyBodyToResponse();
    }

    /** A 409 problem answer whose {@code code} names a race lost, not a rule broken. */
    private static boolean isTransientConflict(int status, ContentCachingResponseWrapper answer) {
        if (status != HttpStatus.CONFLICT.value()) {
            return false;
        }
        try {
            JsonNode problem = JSON.readTree(answer.getContentAsByteArray());
            return problem != null
                    && TRANSIENT_CONFLICTS.contains(problem.path("code").asText());
        } catch (IOException notJson) {
            return false;
        }
    }

    private Optional<StoredAnswer> recordedAnswer(HttpServletRequest request, String idempotentRequest) {
        if (recorded == null) {
            return Optional.empty();
        }
        return recorded.answer(request, idempotentRequest)
                .map(answer -> new StoredAnswer(
                        answer.status(),
                        answer.headers().stream()
                                .map(header -> new StoredAnswer.Header(header[0], header[1]))
                                .toList(),
                        answer.body()));
    }

    private Optional<StoredAnswer> recordedAnswerQuietly(HttpServletRequest request, String idempotentRequest) {
        try {
            return recordedAnswer(request, idempotentRequest);
        } catch (MongoException e) {
            log.warn("could not ask the event log about idempotent request {}: {}", idempotentRequest, e.toString());
            return Optional.empty();
        }
    }

    private void completeQuietly(IdempotencyStore.Claimed claim, StoredAnswer answer) {
        try {
            store.complete(claim, answer);
        } catch (MongoException e) {
            log.warn("could not store the answer for Idempotency-Key {}: {}", claim.id(), e.toString());
            releaseQuietly(claim);
        }
    }

    /** The headers outer filters set before this one (the correlation id, ...): kept when the answer is replaced. */
    private static List<String[]> headersOf(HttpServletResponse response) {
        List<String[]> headers = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
            response.getHeaders(name).forEach(value -> headers.add(new String[] {name, value}));
        }
        return headers;
    }

    private void releaseQuietly(IdempotencyStore.Claimed claim) {
        try {
            store.release(claim);
        } catch (MongoException e) {
            log.warn("could not release Idempotency-Key {}: {}", claim.id(), e.toString());
        }
    }

    private static StoredAnswer answer(ContentCachingResponseWrapper recorder) {
        List<StoredAnswer.Header> headers = new ArrayList<>();
        for (String name : recorder.getHeaderNames()) {
            if (!NOT_REPLAYED.contains(name.toLowerCase(Locale.ROOT))) {
                recorder.getHeaders(name).forEach(value -> headers.add(new StoredAnswer.Header(name, value)));
            }
        }
        if (recorder.getContentType() != null) {
            headers.add(new StoredAnswer.Header(HttpHeaders.CONTENT_TYPE, recorder.getContentType()));
        }
        return new StoredAnswer(recorder.getStatus(), headers, recorder.getContentAsByteArray());
    }

    private static void replay(StoredAnswer answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        Set<String> written = new java.util.HashSet<>();
        for (StoredAnswer.Header header : answer.headers()) {
            if (header.name().equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                response.setContentType(header.value());
            } else if (written.add(header.name().toLowerCase(Locale.ROOT))) {
                response.setHeader(header.name(), header.value());
            } else {
                response.addHeader(header.name(), header.value());
            }
        }
        response.setHeader(REPLAYED, "true");
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
        response.flushBuffer();
    }

    /** Same method, path, query and body bytes: the same request. */
    static String requestHash(HttpServletRequest request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String target = request.getMethod() + " " + request.getRequestURI()
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString()) + "\n";
            digest.update(target.getBytes(StandardCharsets.UTF_8));
            digest.update(BufferedBody.of(request).orElse(new byte[0]));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JVM", impossible);
        }
    }

    private static void pause(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a concurrent idempotent request", e);
        }
    }
}
