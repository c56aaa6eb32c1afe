package org.newsroom.command.dispatch;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DispatchConfiguration {

    /** The command's own actor, correlation id and idempotent request go into every event it records. */
    @Bean
    CorrelationDataProvider commandCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(
                CommandMetadata.ACTOR, CommandMetadata.CORRELATION_ID, CommandMetadata.IDEMPOTENT_REQUEST);
    }

    /**
     * Axon's default origin provider writes the handled message's id under {@code correlationId}, which would
     * overwrite the request's; declaring any provider also removes the default. So: the same data under
     * {@code causationId} (the command that caused the event) and {@code traceId} (the first message of the chain).
     */
    @Bean
    CorrelationDataProvider originCorrelationDataProvider() {
        return new MessageOriginProvider(CommandMetadata.CAUSATION_ID, CommandMetadata.TRACE_ID);
    }

    /** Axon registers interceptor beans itself: this one on the command bus. */
    @Bean
    CommandOutcomeInterceptor commandOutcomeInterceptor(EventBus eventBus) {
        CommandOutcomeInterceptor interceptor = new CommandOutcomeInterceptor();
        eventBus.registerDispatchInterceptor(interceptor.eventRecorder());
        return interceptor;
    }

    /** Axon registers interceptor beans itself: this one on the command gateway. */
    @Bean
    CommandMetadata commandMetadata() {
        return new CommandMetadata();
    }

    @Bean
    CommandSender commandSender(CommandGateway gateway) {
        return new CommandSender(gateway);
    }
}
