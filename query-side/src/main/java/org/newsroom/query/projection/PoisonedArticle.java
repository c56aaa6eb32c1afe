package org.newsroom.query.projection;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A test fault, off unless {@value #PROPERTY} names an article: every live projection then fails on that article's
 * events, as a handler with a bug would, so that the reliability suite can watch them go to the dead-letter queue
 * while the other articles keep flowing, and be retried once the process runs without it. Read once at startup;
 * never set it in production.
 */
final class PoisonedArticle {

    static final String PROPERTY = "newsroom.faults.poison-article";
    static final PoisonedArticle NONE = new PoisonedArticle(null);
    private static final Logger log = LoggerFactory.getLogger(PoisonedArticle.class);

    private final String articleId;

    private PoisonedArticle(String articleId) {
        this.articleId = articleId;
    }

    static PoisonedArticle of(String articleId) {
        if (articleId == null || articleId.isBlank()) {
            return NONE;
        }
        log.warn("TEST FAULT {}={}: every live projection fails on this article's events", PROPERTY, articleId);
        return new PoisonedArticle(articleId.trim());
    }

    void check(Message<?> message) {
        if (articleId != null
                && message instanceof DomainEventMessage<?> event
                && articleId.equals(event.getAggregateIdentifier())) {
            throw new Fault(articleId, event.getPayloadType().getSimpleName());
        }
    }

    /** What a poisoned article's event fails with. */
    static final class Fault extends IllegalStateException {
        Fault(String articleId, String type) {
            super("test fault " + PROPERTY + ": " + type + " of article " + articleId + " fails on purpose");
        }
    }
}
