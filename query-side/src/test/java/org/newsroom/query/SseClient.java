package org.newsroom.query;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Server-Sent Events client on the JDK's HttpClient that reads the stream line by line, as the SSE specification
 * parses it: {@code field:value} lines, comments starting with a colon, an empty line ending each event.
 */
public final class SseClient implements Flow.Subscriber<String>, AutoCloseable {

    public record Event(String id, String data) {}

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<Event> received = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private volatile String retry;
    private volatile Throwable failure;
    private volatile Flow.Subscription subscription;
    private final CompletableFuture<HttpResponse.ResponseInfo> headers = new CompletableFuture<>();
    private volatile CompletableFuture<HttpResponse<Void>> response;
    private String id;
    private StringBuilder data;

    private SseClient() {}

    public static SseClient open(Integrator integrator, String pathAndQuery, String lastEventId) {
        SseClient client = new SseClient();
        HttpRequest.Builder request =
                integrator.request(pathAndQuery).timeout(Duration.ofMinutes(10)).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        client.response = integrator.client().sendAsync(request.GET().build(), info -> {
            client.headers.complete(info);
            return HttpResponse.BodySubscribers.fromLineSubscriber(client);
        });
        client.response.whenComplete((response, error) -> {
            if (error != null && !(error instanceof java.util.concurrent.CancellationException)) {
                client.failure = error;
            }
        });
        return client;
    }

    /** The status and headers, as soon as they arrive: the body of a stream never ends. */
    public HttpResponse.ResponseInfo headers() throws Exception {
        return headers.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public synchronized void onNext(String line) {
        if (line.isEmpty()) {
            if (data != null) {
                Event event = new Event(id, data.toString());
                received.add(event);
                events.add(event);
            }
            data = null;
            return;
        }
        if (line.startsWith(":")) {
            comments.add(line.substring(1).trim());
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "id" -> id = value;
            case "data" ->
                data = data == null
                        ? new StringBuilder(value)
                        : data.append('\n').append(value);
            case "retry" -> retry = value;
            default -> {}
        }
    }

    @Override
    public void onError(Throwable throwable) {
        failure = throwable;
    }

    /** Why the connection failed, if it did; null while it is open or after it was closed by {@link #close}. */
    public Throwable failure() {
        return failure;
    }

    @Override
    public void onComplete() {}

    /** The next event, waiting at most {@code timeout}; null if none came. */
    public Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public List<Event> received() {
        return List.copyOf(received);
    }

    public List<Long> receivedIds() {
        return received.stream().map(event -> Long.parseLong(event.id())).toList();
    }

    public List<String> comments() {
        return List.copyOf(comments);
    }

    public String retry() {
        return retry;
    }

    /** Disconnects, as a client that goes away does. */
    @Override
    public void close() {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
        response.cancel(true);
    }
}
