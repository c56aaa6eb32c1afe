package org.newsroom.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The command side with the integration feed, the syndication feed, webhooks and Kafka publisher, and nothing else of the query side but
 * the projection machinery, whose message source and token store the Kafka publisher's processor uses.
 */
@SpringBootApplication(
        scanBasePackages = {
            "org.newsroom.command",
            "org.newsroom.query.feed",
            "org.newsroom.query.syndication",
            "org.newsroom.query.webhooks",
            "org.newsroom.query.kafka",
            "org.newsroom.query.projection"
        })
public class FeedTestApplication {

    static {
        // the AxonIQ update checker phones home unless this JVM property is set before Axon starts
        System.setProperty("axoniq.update-checker.disabled", "true");
    }
}
