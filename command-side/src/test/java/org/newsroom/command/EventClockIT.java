package org.newsroom.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;

import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsroom.article.ArticleId;
import org.newsroom.command.article.DraftArticle;

/** Events are stamped by the application's Clock bean, never by the system clock behind its back. */
class EventClockIT {

    private static final Instant NOON = Instant.parse("2026-03-14T12:00:00Z");

    @AfterEach
    void restoreTheGlobalClock() {
        GenericEventMessage.clock = Clock.systemUTC();
    }

    @Test
    void eventTimestampsComeFromTheInjectedClock() throws Exception {
        try (CommandSideContext app = new CommandSideContext(
                Files.createTempDirectory("clock"),
                context -> context.getBeanFactory().registerSingleton("clock", Clock.fixed(NOON, ZoneOffset.UTC)))) {
            app.commands().sendAndWait(new DraftArticle(new ArticleId("timed"), "A timed story", null, "", null));

            Date stored = app.eventLog().storedEvents("timed").get(0).event().getDate("timestamp");
            assertThat(stored.toInstant()).isEqualTo(NOON);
        }
    }
}
