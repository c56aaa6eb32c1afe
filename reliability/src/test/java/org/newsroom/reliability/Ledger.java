package org.newsroom.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What the clients were told: every acknowledged write with the article, version and log position it was answered
 * with, and the correlation id that marks the one logical operation it belongs to (a retry keeps it). Also the
 * operations that were answered with something else, by outcome, so that a scenario can say what it attempted.
 */
final class Ledger {

    /** One acknowledged write. */
    record Ack(
            String command,
            String articleId,
            long version,
            long position,
            String correlationId,
            String idempotencyKey) {}

    /** An operation that got no acknowledgement: no answer, a 503 or another refusal. */
    record Refusal(String command, String articleId, String correlationId, int status, String body) {}

    private final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Refusal> refusals = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
    private final AtomicLong attempted = new AtomicLong();
    private volatile Consumer<Ack> onAck;

    void attempted() {
        attempted.incrementAndGet();
    }

    void acknowledged(Ack ack) {
        acks.add(ack);
        count("acknowledged");
        Consumer<Ack> listener = onAck;
        if (listener != null) {
            listener.accept(ack);
        }
    }

    /** Called on the client's thread the moment a write is acknowledged (e.g. to kill the server right then). */
    void onAcknowledged(Consumer<Ack> listener) {
        this.onAck = listener;
    }

    void refused(Refusal refusal) {
        refusals.add(refusal);
        count(refusal.status() == 0 ? "no answer" : String.valueOf(refusal.status()));
    }

    private void count(String outcome) {
        outcomes.computeIfAbsent(outcome, key -> new AtomicLong()).incrementAndGet();
    }

    List<Ack> acks() {
        return new ArrayList<>(acks);
    }

    List<Refusal> refusals() {
        return new ArrayList<>(refusals);
    }

    long attemptedCount() {
        return attempted.get();
    }

    /** Outcome → count: "acknowledged", "no answer", "503", ... */
    Map<String, Long> outcomes() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        outcomes.forEach((outcome, count) -> copy.put(outcome, count.get()));
        return copy;
    }
}
