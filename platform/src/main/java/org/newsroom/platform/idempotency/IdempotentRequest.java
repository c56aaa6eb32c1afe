package org.newsroom.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The identity of one idempotent request: who sent it, under which {@code Idempotency-Key}, asking for what (method,
 * path, body), as a SHA-256. Commands sent while serving the request carry it in their metadata under
 * {@value #METADATA}, their events too, and the event log stores it on their commit under a unique index: so the log
 * itself can tell whether a request was already recorded when its first answer was lost (a crash between storing the
 * events and storing the answer, a connection cut after the write landed), and can never record it twice.
 */
public final class IdempotentRequest {

    /** The metadata entry of commands and events recorded for an idempotent request. */
    public static final String METADATA = "idempotentRequest";

    static final String ATTRIBUTE = IdempotentRequest.class.getName();

    private IdempotentRequest() {}

    static String id(String user, String key, String requestHash) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((user + "\n" + key + "\n" + requestHash).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JVM", impossible);
        }
    }

    /** The idempotent request this thread is serving, if any. */
    public static Optional<String> current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes != null
                        && attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof String id
                ? Optional.of(id)
                : Optional.empty();
    }

    static void mark(HttpServletRequest request, String id) {
        request.setAttribute(ATTRIBUTE, id);
    }
}
