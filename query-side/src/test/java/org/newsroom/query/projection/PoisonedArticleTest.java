package org.newsroom.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

/** The test fault: off by default, and when on, only the named article's events fail, and nothing of them is kept. */
class PoisonedArticleTest {

    private final AtomicInteger changes = new AtomicInteger();

    @Test
    void offUnlessAnArticleIsNamed() {
        assertThat(PoisonedArticle.of(null)).isSameAs(PoisonedArticle.NONE);
        assertThat(PoisonedArticle.of(" ")).isSameAs(PoisonedArticle.NONE);
        assertThatNoException().isThrownBy(() -> PoisonedArticle.NONE.check(event("a1")));
    }

    @Test
    void theNamedArticlesEventsFailInALiveWriterAndTheOthersDoNot() {
        ProjectionWriter writer = new ProjectionWriter(
                "test", () -> null, position -> {}, List.of(), (batch, events) -> {}, PoisonedArticle.of("a1"));

        assertThatThrownBy(() -> DefaultUnitOfWork.startAndGet(event("a1"))
                        .execute(() -> writer.change(batch -> changes.incrementAndGet())))
                .isInstanceOf(PoisonedArticle.Fault.class)
                .hasMessageContaining("a1");
        assertThat(changes).hasValue(0);
    }

    @Test
    void otherArticlesAreNotAffected() {
        assertThatNoException().isThrownBy(() -> PoisonedArticle.of("a1").check(event("b2")));
    }

    private static GenericDomainEventMessage<String> event(String articleId) {
        return new GenericDomainEventMessage<>("Article", articleId, 0, "payload");
    }
}
