package org.newsroom.query.projection;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A parked event as operators see it: which article, which event, where in the log, why it failed, since when. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetterView(
        String articleId,
        String messageId,
        String type,
        Long position,
        String cause,
        Instant enqueuedAt,
        Instant lastTouched) {}
