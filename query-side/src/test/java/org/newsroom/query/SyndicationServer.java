package org.newsroom.query;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.newsroom.query.webhooks.TargetPolicy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context of the syndication tests, the pull route's and the webhooks': the feed's test application
 * with a second partner ({@code partner-b}), retries in milliseconds, and webhooks that may reach a receiver on
 * loopback. The tests share its log, so each reads only what it recorded itself.
 */
@SpringBootTest(
        classes = FeedTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "newsroom.webhooks.timeout=2s",
            "newsroom.webhooks.retry.initial-interval=50ms",
            "newsroom.webhooks.retry.multiplier=2",
            "newsroom.webhooks.retry.max-interval=1s",
            "newsroom.webhooks.retry.jitter=0.1",
            "newsroom.webhooks.poll-interval=200ms",
            "newsroom.users[0].name=partner-b",
            "newsroom.users[0].password={noop}newsroom",
            "newsroom.users[0].roles=partner"
        })
@Import(SyndicationServer.ReceiverOnLoopback.class)
public abstract class SyndicationServer {

    /**
     * The address rules of production, but for the receiver's own loopback address, which deliveries may reach (as
     * with {@code allow-private-targets}): a registration for any other private address is still refused.
     */
    @TestConfiguration
    static class ReceiverOnLoopback {

        @Bean
        @Primary
        TargetPolicy receiverOnLoopback() {
            TargetPolicy strict = new TargetPolicy(false);
            return new TargetPolicy(true) {
                @Override
                public void check(URI target) {
                    if ("127.0.0.1".equals(target.getHost())) {
                        super.check(target);
                    } else {
                        strict.check(target);
                    }
                }
            };
        }
    }

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("syndication-it");
        registry.add("newsroom.data-dir", dataDir::toString);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected CommandGateway commands;

    @Autowired
    protected EventLogStorageEngine eventLog;
}
