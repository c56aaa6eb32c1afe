package org.newsroom.query.projection;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;

/**
 * Lets a projection's event handler take the {@link EventContext} of the event it handles as a parameter:
 * {@code void on(ArticlePublished event, EventContext context)}.
 * <p>
 * Axon finds this factory through {@code META-INF/services/org.axonframework.messaging.annotation.ParameterResolverFactory},
 * so it serves the live processors and the rebuilds alike. The parameter matches every event message: an event the
 * context cannot be read from (no global position, not an article's event) fails the handler rather than being
 * skipped, and so is parked like any other event a handler cannot apply.
 */
public final class EventContextParameterResolverFactory implements ParameterResolverFactory {

    @Override
    public ParameterResolver<EventContext> createInstance(
            Executable executable, Parameter[] parameters, int parameterIndex) {
        if (parameterIndex == 0 || !EventContext.class.equals(parameters[parameterIndex].getType())) {
            return null; // the first parameter is the payload
        }
        return new ParameterResolver<>() {
            @Override
            public EventContext resolveParameterValue(Message<?> message) {
                return EventContext.of((EventMessage<?>) message);
            }

            @Override
            public boolean matches(Message<?> message) {
                return message instanceof EventMessage<?>;
            }
        };
    }
}
