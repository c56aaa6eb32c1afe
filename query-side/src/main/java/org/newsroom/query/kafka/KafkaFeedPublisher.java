package org.newsroom.query.kafka;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.newsroom.query.feed.FeedEvent;
import org.newsroom.query.feed.LiveFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;

import io.cloudevents.CloudEvent;

/**
 * Publishes every event of the feed to one Kafka topic, in position order, keyed by article id (so each article's
 * events keep their order in its partition). Events are sent a batch at a time; once the broker has acknowledged the
 * whole batch, its last position is stored as the checkpoint ({@code kafka_checkpoints}, one document per topic). A
 * restart continues after the checkpoint: nothing is skipped, and at worst the one unacknowledged batch is sent again.
 */
public class KafkaFeedPublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaFeedPublisher.class);
    static final String CHECKPOINTS = "kafka_checkpoints";

    private final LiveFeed feed;
    private final KafkaTemplate<String, CloudEvent> kafka;
    private final KafkaSettings settings;
    private final MongoCollection<Document> checkpoints;
    private final Runnable onNewEvents = this::signal;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean dirty = new AtomicBoolean();
    private ScheduledExecutorService executor;
    private volatile boolean running;
    private volatile long published;

    public KafkaFeedPublisher(
            LiveFeed feed, KafkaTemplate<String, CloudEvent> kafka, KafkaSettings settings, MongoDatabase database) {
        this.feed = feed;
        this.kafka = kafka;
        this.settings = settings;
        this.checkpoints = database.getCollection(CHECKPOINTS);
    }

    @Override
    public synchronized void start() {
        Document checkpoint = checkpoints.find(eq("_id", settings.topic())).first();
        published = checkpoint == null
                ? 0
                : checkpoint.get("position", Number.class).longValue();
        CustomizableThreadFactory threads = new CustomizableThreadFactory("kafka-publisher-");
        threads.setDaemon(true);
        executor = new ScheduledThreadPoolExecutor(1, threads);
        running = true;
        feed.addListener(onNewEvents);
        log.info("Publishing the feed to Kafka topic '{}' after position {}", settings.topic(), published);
        signal();
    }

    /** Finishes the batch in flight, checkpoints it, then stops. */
    @Override
    public synchronized void stop() {
        running = false;
        feed.removeListener(onNewEvents);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        kafka.getProducerFactory().reset();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return LiveFeed.PHASE + 1;
    }

    /** The checkpoint: every event up to this position has been acknowledged by Kafka. */
    public long published() {
        return published;
    }

    private void signal() {
        dirty.set(true);
        if (running && scheduled.compareAndSet(false, true)) {
            try {
                executor.execute(this::run);
            } catch (RejectedExecutionException stopping) {
                scheduled.set(false);
            }
        }
    }

    private void run() {
        try {
            while (running && dirty.getAndSet(false)) {
                publishEverythingAfterCheckpoint();
            }
        } catch (RuntimeException | ExecutionException | TimeoutException e) {
            log.warn("Publishing to Kafka after position {} failed; trying again shortly", published, e);
            retryLater();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            scheduled.set(false);
        }
        if (running && dirty.get()) {
            signal();
        }
    }

    private void publishEverythingAfterCheckpoint() throws ExecutionException, InterruptedException, TimeoutException {
        while (running) {
            List<FeedEvent> batch = feed.after(published, Math.max(1, settings.batch()));
            if (batch.isEmpty()) {
                return;
            }
            List<CompletableFuture<?>> sends = new ArrayList<>(batch.size());
            for (FeedEvent event : batch) {
                sends.add(kafka.send(settings.topic(), event.subject(), event.cloudEvent()));
            }
            kafka.flush();
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            long last = batch.get(batch.size() - 1).position();
            checkpoints.replaceOne(
                    eq("_id", settings.topic()),
                    new Document("_id", settings.topic()).append("position", last),
                    new ReplaceOptions().upsert(true));
            published = last;
        }
    }

    private void retryLater() {
        try {
            executor.schedule(this::signal, 1, TimeUnit.SECONDS);
        } catch (RejectedExecutionException stopping) {
            log.debug("not retrying: stopping");
        }
    }
}
