package org.newsroom.command.dispatch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.newsroom.platform.idempotency.IdempotentRequest;
import org.newsroom.platform.web.CorrelationId;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Stamps every command with {@value #ACTOR} (the authenticated principal, never anything from the request, unless
 * the sender's own code named the actor: the schedule firer, the ingest's {@code ingest:<agency>}),
 * {@value #CORRELATION_ID} (the request's correlation id; without a request, the command's own id) and, for a request
 * with an {@code Idempotency-Key}, {@value #IDEMPOTENT_REQUEST} (see {@link IdempotentRequest}). Axon copies them into
 * the events' metadata, with {@value #CAUSATION_ID} and {@value #TRACE_ID}.
 */
public final class CommandMetadata implements MessageDispatchInterceptor<CommandMessage<?>> {

    public static final String ACTOR = "actor";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String TRACE_ID = "traceId";
    public static final String IDEMPOTENT_REQUEST = IdempotentRequest.METADATA;

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        Map<String, Object> metadata = new HashMap<>();
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken)) {
            metadata.put(ACTOR, user.getName());
        }
        IdempotentRequest.current().ifPresent(request -> metadata.put(IDEMPOTENT_REQUEST, request));
        String correlationId = CorrelationId.current().orElse(null);
        return (index, message) -> {
            Map<String, Object> stamped = new HashMap<>(metadata);
            if (message.getMetaData().containsKey(ACTOR)) {
                // set by our own code for work done on no one's behalf: the schedule firer, the ingest
                stamped.remove(ACTOR);
            }
            if (correlationId != null) {
                stamped.put(CORRELATION_ID, correlationId);
            } else if (!message.getMetaData().containsKey(CORRELATION_ID)) {
                stamped.put(CORRELATION_ID, message.getIdentifier());
            }
            return message.andMetaData(stamped);
        };
    }
}
