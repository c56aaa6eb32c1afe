package org.newsroom.query.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsroom.query.feed.FeedEvent;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;

class WebhookSenderTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final InetAddress LOOPBACK = address("127.0.0.1");
    /** Stands in for a public address in the rebinding test, which may send nothing off this machine. */
    private static final InetAddress STAND_IN_PUBLIC = address("127.0.0.2");

    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1);
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable closeable : closing) {
            closeable.close();
        }
        timers.shutdownNow();
    }

    @Test
    void aNameThatRebindsToLoopbackAfterTheCheckIsNeverConnectedToOnLoopback() throws Exception {
        Receiver receiver = closeLater(new Receiver());
        int port = receiver.url().getPort();
        Receiver standIn = closeLater(new Receiver(STAND_IN_PUBLIC.getHostAddress(), port));
        AtomicInteger lookups = new AtomicInteger();
        DnsResolver rebinding = resolver(host -> lookups.incrementAndGet() == 1 ? STAND_IN_PUBLIC : LOOPBACK);
        AddressGuard guard = new AddressGuard(
                rebinding, address -> address.equals(LOOPBACK) ? Optional.of("loopback") : Optional.empty());
        WebhookSender sender = closeLater(new WebhookSender(guard, Duration.ofSeconds(2), Clock.systemUTC(), timers));
        WebhookSender afterRestart =
                closeLater(new WebhookSender(guard, Duration.ofSeconds(2), Clock.systemUTC(), timers));
        URI url = URI.create("http://rebinding.example:" + port + "/hook");

        WebhookSender.Outcome checkedThenConnected = sender.deliver(url, SECRET, event());
        WebhookSender.Outcome sameConnection = sender.deliver(url, SECRET, event());
        WebhookSender.Outcome rebound = afterRestart.deliver(url, SECRET, event());

        assertThat(checkedThenConnected.outcome()).isEqualTo("delivered");
        assertThat(sameConnection.outcome()).isEqualTo("delivered");
        assertThat(standIn.deliveries())
                .as("the connection went to the address that was checked, under the URL's name")
                .hasSize(2)
                .allSatisfy(delivery -> assertThat(delivery.header("Host")).isEqualTo("rebinding.example:" + port));
        assertThat(rebound.outcome()).isEqualTo("refused");
        assertThat(rebound.error()).contains("127.0.0.1").contains("internal address");
        assertThat(lookups)
                .as("one lookup per attempt: the check and the connection share it")
                .hasValue(2);
        assertThat(receiver.deliveries()).as("nothing ever reached loopback").isEmpty();
    }

    @Test
    void anEndpointThatNeverAnswersCostsOneTimeoutAtMost() throws Exception {
        ServerSocket silent = closeLater(new ServerSocket());
        silent.bind(new InetSocketAddress(LOOPBACK, 0));
        List<Socket> accepted = new ArrayList<>();
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    accepted.add(silent.accept());
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        WebhookSender sender = closeLater(new WebhookSender(
                new TargetPolicy(true).resolver(), Duration.ofMillis(500), Clock.systemUTC(), timers));

        long began = System.nanoTime();
        WebhookSender.Outcome outcome =
                sender.deliver(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/hook"), SECRET, event());
        Duration took = Duration.ofNanos(System.nanoTime() - began);

        assertThat(outcome.outcome()).isEqualTo("failed");
        assertThat(outcome.statusCode()).isNull();
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(450)).isLessThan(Duration.ofSeconds(3));
        for (Socket socket : accepted) {
            socket.close();
        }
    }

    private static FeedEvent event() {
        CloudEvent event = CloudEventBuilder.v1()
                .withId("evt-1")
                .withSource(URI.create("/articles"))
                .withType("news.article.drafted.v1")
                .withSubject("article-1")
                .build();
        return new FeedEvent(1, event, "{\"id\":\"evt-1\"}");
    }

    private interface Answer {
        InetAddress answer(String host);
    }

    private static DnsResolver resolver(Answer answer) {
        return new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) {
                return new InetAddress[] {answer.answer(host)};
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
    }

    private <T extends AutoCloseable> T closeLater(T closeable) {
        closing.add(0, closeable);
        return closeable;
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
