package org.newsroom.query;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Both sides in one application, as standalone runs them: commands produce real events for the projections. The
 * command API will record the authenticated user as the {@code actor} of every event; until it does, the tests send
 * it as command metadata and Axon copies it onto the events.
 */
@SpringBootApplication(scanBasePackages = {"org.newsroom.command", "org.newsroom.query"})
public class QueryTestApplication {

    @Bean
    CorrelationDataProvider actorOfCommands() {
        return new SimpleCorrelationDataProvider("actor");
    }
}
