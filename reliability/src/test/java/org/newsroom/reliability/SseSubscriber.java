package org.newsroom.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A live subscriber of {@code GET /feed/stream} that stays subscribed whatever happens to the server: when the stream
 * breaks (the process was killed, restarted), it waits until the server runs again and resumes with
 * {@code Last-Event-ID} = the last id it received, as the SSE specification says a client does. It records every
 * event in arrival order.
 */
final class SseSubscriber implements AutoCloseable {

    private final Http http;
    private final Availability newsroom;
    private final List<FeedEvent> received = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread reader;
    private volatile boolean closed;
    private volatile InputStream current;
    private volatile String lastEventId;

    SseSubscriber(Http http, Availability newsroom, long after) {
        this.http = http;
        this.newsroom = newsroom;
        this.lastEventId = String.valueOf(after);
        this.reader = new Thread(this::read, "sse-subscriber");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        while (!closed) {
            HttpRequest request = HttpRequest.newBuilder(http.uri("/feed/stream"))
                    .header("Authorization", Http.basic("integrator", Http.PASSWORD))
                    .header("Accept", "text/event-stream")
                    .header("Last-Event-ID", lastEventId)
                    .GET()
                    .build();
            try {
                HttpResponse<InputStream> response =
                        http.client().send(request, HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() != 200) {
                    failures.add("stream answered " + response.statusCode());
                    response.body().close();
                } else {
                    connections.incrementAndGet();
                    current = response.body();
                    consume(response.body());
                }
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
            if (!closed && !newsroom.awaitRunning(Duration.ofMinutes(3))) {
                failures.add("the server did not come back");
                return;
            }
        }
    }

    private void consume(InputStream body) throws IOException {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            StringBuilder data = null;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data != null) {
                        FeedEvent event = FeedEvent.of(Http.parse(data.toString()));
                        received.add(event);
                        if (id != null) {
                            lastEventId = id;
                        }
                    }
                    id = null;
                    data = null;
                } else if (!line.startsWith(":")) {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    if (field.equals("id")) {
                        id = value;
                    } else if (field.equals("data")) {
                        data = data == null
                                ? new StringBuilder(value)
                                : data.append('\n').append(value);
                    }
                }
            }
        }
    }

    /** Events in arrival order. */
    List<FeedEvent> received() {
        return new ArrayList<>(received);
    }

    int connections() {
        return connections.get();
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() {
        closed = true;
        InputStream stream = current;
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
        }
        reader.interrupt();
    }
}
