package org.newsroom.query.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.newsroom.query.Integrator;

import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook endpoint on the JDK's HTTP server, on loopback: it answers each delivery with the next scripted status (200
 * once the script is used up, or what {@link #answerAlways} set) and records every request as it came.
 */
final class Receiver implements AutoCloseable {

    record Delivery(Map<String, List<String>> headers, String body, int answeredWith, long arrivedNanos) {

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        String webhookId() {
            return header("webhook-id");
        }

        JsonNode json() {
            try {
                return Integrator.JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        long position() {
            return json().get("position").asLong();
        }

        boolean accepted() {
            return answeredWith >= 200 && answeredWith < 300;
        }

        /** Throws unless the Standard Webhooks library accepts the signature for {@code secret}. */
        void verify(String secret) throws Exception {
            new Webhook(secret).verify(body, headers);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final Deque<Integer> script = new ArrayDeque<>();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicInteger arrivals = new AtomicInteger();
    private volatile int otherwise = 200;
    private volatile Map<String, String> responseHeaders = Map.of();
    private volatile int holdNth;
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    Receiver() throws IOException {
        this("127.0.0.1", 0);
    }

    /** A receiver on another loopback address, or on a given port. */
    Receiver(String address, int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(address, port), 0);
        server.createContext("/hook", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    URI url() {
        return URI.create("http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort() + "/hook");
    }

    /** Answers the next deliveries with these statuses, then with the default. */
    synchronized Receiver answer(int... statuses) {
        for (int status : statuses) {
            script.add(status);
        }
        return this;
    }

    Receiver answerAlways(int status) {
        otherwise = status;
        return this;
    }

    Receiver withResponseHeaders(Map<String, String> headers) {
        responseHeaders = Map.copyOf(headers);
        return this;
    }

    /**
     * Holds the {@code nth} request (1 for the first) without an answer until {@link #release()}, as an endpoint that
     * has taken a delivery in but not yet acknowledged it; it is then recorded as accepted.
     */
    Receiver hold(int nth) {
        holdNth = nth;
        return this;
    }

    /** Waits until the request to hold has arrived. */
    boolean awaitHeld(Duration patience) throws InterruptedException {
        return held.await(patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    void release() {
        released.countDown();
    }

    private synchronized int nextStatus() {
        Integer scripted = script.poll();
        return scripted != null ? scripted : otherwise;
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int status = nextStatus();
        if (arrivals.incrementAndGet() == holdNth) {
            held.countDown();
            try {
                released.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        deliveries.add(new Delivery(Map.copyOf(exchange.getRequestHeaders()), body, status, arrived));
        responseHeaders.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    List<Delivery> accepted() {
        return deliveries.stream().filter(Delivery::accepted).toList();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        threads.shutdownNow();
    }
}
