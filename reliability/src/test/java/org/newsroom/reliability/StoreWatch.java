package org.newsroom.reliability;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.axonframework.eventhandling.Segment;
import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * What the instances sharing a store say about each other in it, read by the test from the store itself: who holds
 * each projection segment's token claim ({@code projection_tokens}, polled every 250 ms, so that a read can be told
 * apart as one on the instance processing the article's segment or on another), and who holds each webhook's
 * delivery lease ({@code webhook_subscriptions}, read at the moment of a kill). Reads only; nothing is written.
 */
final class StoreWatch implements AutoCloseable {

    private static final Set<String> PROJECTIONS = Set.of("site", "editorial", "audit");

    private final MongoClient client;
    private final MongoDatabase database;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "store-watch");
        thread.setDaemon(true);
        return thread;
    });
    /** Projection → segment id → the claim's owner (null when released), as last polled. */
    private volatile Map<String, Map<Integer, String>> claims = Map.of();

    StoreWatch(String uri) {
        this.client = MongoClients.create(uri);
        this.database = client.getDatabase("newsroom");
        poller.scheduleWithFixedDelay(this::pollClaims, 0, 250, TimeUnit.MILLISECONDS);
    }

    private void pollClaims() {
        try {
            Map<String, Map<Integer, String>> found = new HashMap<>();
            for (Document token : database.getCollection("projection_tokens").find()) {
                String processor = token.getString("processorName");
                if (PROJECTIONS.contains(processor)) {
                    found.computeIfAbsent(processor, name -> new TreeMap<>())
                            .put(token.get("segment", Number.class).intValue(), token.getString("owner"));
                }
            }
            claims = found;
        } catch (RuntimeException e) {
            // the next poll tries again; a stale view only misfiles a read as owner or not
        }
    }

    /**
     * The instance id holding the claim of the segment that processes {@code articleId}'s events in
     * {@code projection} (Axon's segment of the article id, the sequence of {@code SequentialPerAggregatePolicy}), or
     * null when nobody claims it.
     */
    String claimOwner(String projection, String articleId) {
        Map<Integer, String> segments = claims.getOrDefault(projection, Map.of());
        if (segments.isEmpty()) {
            return null;
        }
        int[] ids = segments.keySet().stream().mapToInt(Integer::intValue).toArray();
        for (int id : ids) {
            if (Segment.computeSegment(id, ids).matches(articleId)) {
                return segments.get(id);
            }
        }
        return null;
    }

    /** How many segments each projection has, as last polled. */
    Map<String, Integer> segmentCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        claims.forEach((projection, segments) -> counts.put(projection, segments.size()));
        return counts;
    }

    /**
     * The webhooks whose lease the process {@code pid} holds now: a webhook lease's owner is the JVM's name
     * ({@code pid@host}) and a suffix unique per start.
     */
    Set<String> leasesHeldBy(long pid) {
        Set<String> held = new TreeSet<>();
        Date now = Date.from(Instant.now());
        for (Document webhook : database.getCollection("webhook_subscriptions").find()) {
            String owner = webhook.getString("leaseOwner");
            Date until = webhook.getDate("leaseUntil");
            if (owner != null && owner.startsWith(pid + "@") && until != null && until.after(now)) {
                held.add(webhook.getString("_id"));
            }
        }
        return held;
    }

    @Override
    public void close() {
        poller.shutdownNow();
        client.close();
    }
}
