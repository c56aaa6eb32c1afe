package org.newsroom.platform.idempotency;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Rebuilds, from what the event log recorded for an {@link IdempotentRequest}, the answer that request was given:
 * implemented by the routes that record events, which alone know the shape of their answers.
 */
public interface RecordedAnswers {

    /**
     * The answer {@code request} got when it recorded events under {@code idempotentRequest}; empty when the log holds
     * nothing for it (it was never executed, or it was refused).
     */
    Optional<Answer> answer(HttpServletRequest request, String idempotentRequest);

    /** Status, headers (name, value) and body, as the route answered them. */
    record Answer(int status, List<String[]> headers, byte[] body) {

        public Answer {
            headers = List.copyOf(headers);
        }
    }
}
