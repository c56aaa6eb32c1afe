package org.newsroom.platform.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.newsroom.testing.ApiResponse;
import org.springframework.test.context.TestPropertySource;

/**
 * Clients that send their headers and then trickle a body, one byte a second. Anonymous ones are answered 401 before
 * any body is read and cannot hold the request threads (twenty here): the health check answers throughout. A signed-in
 * one gets 408 once the body deadline (2 s here) has passed.
 */
@TestPropertySource(properties = {"newsroom.mongodb.database=slow", "server.tomcat.threads.max=20"})
class SlowClientsIT extends PlatformServerTestBase {

    @Test
    void fiftySlowAnonymousBodiesLeaveTheHealthCheckAnswering() throws Exception {
        List<Socket> slow = new ArrayList<>();
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        try {
            for (int i = 0; i < 50; i++) {
                Socket socket = new Socket("127.0.0.1", port);
                socket.getOutputStream().write(head(null).getBytes(StandardCharsets.ISO_8859_1));
                slow.add(socket);
            }
            trickle.scheduleAtFixedRate(
                    () -> slow.forEach(socket -> {
                        try {
                            socket.getOutputStream().write('x');
                        } catch (IOException closedByTheServer) {
                            // the server answered and closed: that is the point
                        }
                    }),
                    0,
                    1,
                    TimeUnit.SECONDS);
            long until = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            while (System.nanoTime() < until) {
                long began = System.nanoTime();
                ApiResponse health = anonymous().get("/actuator/health");
                latencies.add((System.nanoTime() - began) / 1_000_000);
                assertThat(health.status()).isEqualTo(200);
            }
            String first = answer(slow.get(0));
            assertThat(first).startsWith("HTTP/1.1 401");
        } finally {
            trickle.shutdownNow();
            for (Socket socket : slow) {
                socket.close();
            }
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        long p99 = sorted.get((int) Math.floor(sorted.size() * 0.99) - 1);
        assertThat(p99).as("p99 of %d health checks, ms", sorted.size()).isLessThan(1_000);
    }

    @Test
    void aSignedInSlowBodyIsCutOffAtTheDeadline() throws Exception {
        String basic =
                "Basic " + Base64.getEncoder().encodeToString("rita:rita-secret".getBytes(StandardCharsets.UTF_8));
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(head(basic).getBytes(StandardCharsets.ISO_8859_1));
            long began = System.nanoTime();
            trickle.scheduleAtFixedRate(
                    () -> {
                        try {
                            out.write(' ');
                        } catch (IOException closed) {
                            // answered
                        }
                    },
                    0,
                    500,
                    TimeUnit.MILLISECONDS);
            String answer = answer(socket);
            long millis = (System.nanoTime() - began) / 1_000_000;
            assertThat(answer).startsWith("HTTP/1.1 408").contains("application/problem+json", "request-timeout");
            assertThat(millis).isBetween(1_500L, 6_000L);
        } finally {
            trickle.shutdownNow();
        }
    }

    private static String head(String authorization) {
        return "POST /api/notes HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "Content-Length: 100000\r\n\r\n";
    }

    /** The answer's status line and headers, once they arrive. */
    private static String answer(Socket socket) throws IOException {
        socket.setSoTimeout(15_000);
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().contains("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        byte[] rest = in.readNBytes(Math.max(0, Math.min(in.available(), 4096)));
        return head + new String(rest, StandardCharsets.UTF_8);
    }
}
