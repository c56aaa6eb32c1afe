package org.newsroom.query.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.newsroom.query.feed.ArticleCloudEvents;
import org.newsroom.query.feed.FeedEvent;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;

import io.cloudevents.CloudEvent;

/**
 * Publishes every event of the log to one Kafka topic, in position order, keyed by article id (so each article's
 * events keep their order in its partition).
 * <p>
 * It is the work of an Axon pooled streaming processor, {@value #PROCESSOR}, with one segment, reading the log through
 * the projections' message source and keeping its token in Axon's token store in MongoDB. The token's claim makes one
 * instance at a time the publisher; when it dies, another takes the claim over once it times out
 * ({@code newsroom.query.claim-timeout}). The events of a batch are sent as they are handled and, after its last one,
 * acknowledged by every in-sync replica before the processor stores the batch's token, which Axon only ever moves
 * forward. A failed send fails the batch, which is tried again from the last token: nothing is skipped, and at worst
 * the batch that was not acknowledged is sent again.
 */
public class KafkaFeedPublisher implements DisposableBean {

    /** The processing group, and the processor's name in the token store. */
    public static final String PROCESSOR = "kafka";

    private static final String PENDING = KafkaFeedPublisher.class.getName() + ".pending";

    private final KafkaTemplate<String, CloudEvent> kafka;
    private final KafkaSettings settings;
    private final ArticleCloudEvents envelopes;
    /**
     * What this instance last saw acknowledged, for tests and logs; the token in MongoDB is what counts, so nothing
     * here needs sharing with other instances.
     */
    private volatile long published;

    private final Object handler = new EveryEvent();

    public KafkaFeedPublisher(
            KafkaTemplate<String, CloudEvent> kafka, KafkaSettings settings, ArticleCloudEvents envelopes) {
        this.kafka = kafka;
        this.settings = settings;
        this.envelopes = envelopes;
    }

    /** The position of the last event this instance saw acknowledged by Kafka (0 before the first batch). */
    public long published() {
        return published;
    }

    /** The processor's event handler: it takes every event; the sending is {@link #interceptor()}'s. */
    Object handler() {
        return handler;
    }

    /** Sends each event of a batch, and waits for Kafka to acknowledge them all after the last one. */
    MessageHandlerInterceptor<EventMessage<?>> interceptor() {
        return this::intercept;
    }

    private Object intercept(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        Pending pending = unitOfWork.root().getOrComputeResource(PENDING, key -> new Pending());
        FeedEvent event = envelopes.toFeedEvent((TrackedEventMessage<?>) unitOfWork.getMessage());
        pending.sends.add(kafka.send(settings.topic(), event.subject(), event.cloudEvent()));
        pending.last = event.position();
        Object result = chain.proceed();
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batching) || batching.isLastMessage()) {
            kafka.flush();
            CompletableFuture.allOf(pending.sends.toArray(CompletableFuture[]::new))
                    .get(60, TimeUnit.SECONDS);
            published = pending.last;
        }
        return result;
    }

    @Override
    public void destroy() {
        kafka.getProducerFactory().reset();
    }

    private static final class Pending {

        private final List<CompletableFuture<?>> sends = new ArrayList<>();
        private long last;
    }

    @ProcessingGroup(PROCESSOR)
    static final class EveryEvent {

        @EventHandler
        void on(Object event) {
            // published by the interceptor, which sees the whole batch
        }
    }
}
