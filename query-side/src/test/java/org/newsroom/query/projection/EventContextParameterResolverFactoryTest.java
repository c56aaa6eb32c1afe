package org.newsroom.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.newsroom.article.ArticleDrafted;
import org.newsroom.article.ArticleId;
import org.newsroom.query.TestEvents;

/** Handlers found by Axon, as the live processors and the rebuilds find them, are given the event's context. */
class EventContextParameterResolverFactoryTest {

    private static final ArticleDrafted DRAFTED =
            new ArticleDrafted(new ArticleId("context-unit"), "Headline", null, "", "en");

    private final Handler handler = new Handler();
    private final AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(handler);

    @Test
    void aHandlerIsGivenThePositionVersionTimeActorAndCorrelationOfItsEvent() throws Exception {
        adapter.handle(TestEvents.message(7, 1, DRAFTED, "reporter"));
        adapter.handle(TestEvents.message(9, 2, DRAFTED, null));

        assertThat(handler.seen)
                .containsExactly(
                        new EventContext(7, 1, TestEvents.NOON.plusSeconds(7), "reporter", "correlation-7"),
                        new EventContext(9, 2, TestEvents.NOON.plusSeconds(9), null, "correlation-9"));
    }

    @Test
    void anEventWithoutAGlobalPositionFailsTheHandlerInsteadOfBeingSkipped() {
        GenericDomainEventMessage<ArticleDrafted> untracked =
                new GenericDomainEventMessage<>("Article", "context-unit", 0, DRAFTED);

        assertThat(adapter.canHandle(untracked)).isTrue();
        assertThatThrownBy(() -> adapter.handle(untracked)).hasMessageContaining("has no global position");
        assertThat(handler.seen).isEmpty();
    }

    static final class Handler {

        final List<EventContext> seen = new ArrayList<>();

        @EventHandler
        void on(ArticleDrafted event, EventContext context) {
            seen.add(context);
        }
    }
}
