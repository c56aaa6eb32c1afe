package org.newsroom.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook endpoint on the JDK's HTTP server, on loopback, with a behaviour (answer at once, answer 500 for a while,
 * answer too slowly for a while, answer 410). Every request is recorded as it came, with its arrival time, what was
 * answered, and whether its Standard Webhooks signature verified with the subscription's secret.
 */
final class WebhookReceiver implements AutoCloseable {

    /** What to answer a request: a status, after a delay. */
    record Answer(int status, Duration delay) {}

    /** Decides each answer from the time since the receiver started. */
    @FunctionalInterface
    interface Behaviour {
        Answer answer(Duration sinceStart);
    }

    static Behaviour accepting() {
        return since -> new Answer(200, Duration.ZERO);
    }

    /** Answers {@code status} until {@code window} has passed, then 200. */
    static Behaviour failingFor(Duration window, int status) {
        return since -> new Answer(since.compareTo(window) < 0 ? status : 200, Duration.ZERO);
    }

    /** Answers 200 after {@code delay} until {@code window} has passed, then at once. */
    static Behaviour slowFor(Duration window, Duration delay) {
        return since -> new Answer(200, since.compareTo(window) < 0 ? delay : Duration.ZERO);
    }

    static Behaviour gone() {
        return since -> new Answer(410, Duration.ZERO);
    }

    /** One request as it came. */
    record Delivery(
            Instant arrived,
            Map<String, List<String>> headers,
            String body,
            int answered,
            Duration delay,
            boolean signatureValid,
            String signatureProblem) {

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

        FeedEvent event() {
            return FeedEvent.of(Http.parse(body));
        }

        /** Taken in by the receiver: answered 2xx in time. */
        boolean accepted(Duration senderTimeout) {
            return answered >= 200 && answered < 300 && delay.compareTo(senderTimeout) < 0;
        }
    }

    private final String name;
    private final Behaviour behaviour;
    private final HttpServer server;
    /** Handles requests, and sends a slow receiver's answers when their delay is over, without holding a thread. */
    private final ScheduledExecutorService threads = Executors.newScheduledThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "webhook-receiver");
        thread.setDaemon(true);
        return thread;
    });

    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final Instant started = Instant.now();
    private volatile String secret;

    WebhookReceiver(String name, Behaviour behaviour) {
        this.name = name;
        this.behaviour = behaviour;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String name() {
        return name;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The subscription's signing secret, from its registration. */
    void secret(String whsec) {
        this.secret = whsec;
    }

    private void handle(HttpExchange exchange) throws IOException {
        Instant arrived = Instant.now();
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((key, values) -> headers.put(key.toLowerCase(), List.copyOf(values)));
        String problem = null;
        try {
            new Webhook(secret).verify(body, headers);
        } catch (Exception e) {
            problem = e.toString();
        }
        Answer answer = behaviour.answer(Duration.between(started, arrived));
        deliveries.add(new Delivery(
                arrived, Map.copyOf(headers), body, answer.status(), answer.delay(), problem == null, problem));
        if (answer.delay().isZero()) {
            respond(exchange, answer.status());
        } else {
            threads.schedule(
                    () -> respond(exchange, answer.status()), answer.delay().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static void respond(HttpExchange exchange, int status) {
        try {
            exchange.sendResponseHeaders(status, -1);
        } catch (IOException senderGaveUp) {
            // the sender timed out and closed the connection while this receiver was being slow
        } finally {
            exchange.close();
        }
    }

    List<Delivery> deliveries() {
        return new ArrayList<>(deliveries);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
