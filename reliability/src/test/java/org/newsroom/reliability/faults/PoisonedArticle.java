package org.newsroom.reliability.faults;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;

/**
 * The poison fault: every handler of every live projection fails on the events of the article that
 * {@value #PROPERTY} names, as a handler with a bug would, so that its events go to the dead-letter queue while the
 * other articles keep flowing. A handler enhancer, so that the failure happens inside the dead-letter queue's reach (a
 * handler interceptor's failure would stop the whole projection instead); the rebuilds' handlers are not wrapped.
 */
public final class PoisonedArticle implements HandlerEnhancerDefinition {

    static final String PROPERTY = "newsroom.faults.poison-article";

    private final String articleId;

    PoisonedArticle(String articleId) {
        this.articleId = articleId.trim();
    }

    String articleId() {
        return articleId;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.declaringClass().isAnnotationPresent(ProcessingGroup.class)) {
            return original; // aggregates and anything else that is not a projection
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (message instanceof DomainEventMessage<?> event
                        && articleId.equals(event.getAggregateIdentifier())) {
                    throw new IllegalStateException("test fault " + PROPERTY + ": "
                            + event.getPayloadType().getSimpleName() + " of article " + articleId
                            + " fails on purpose");
                }
                return super.handle(message, target);
            }
        };
    }
}
