package org.newsroom.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.Test;
import org.newsroom.article.ArticleId;
import org.newsroom.command.article.DraftArticle;
import org.newsroom.command.article.ReviseArticle;
import org.newsroom.eventlog.EventLogStorageEngine;

/** A second application on the same data directory sees the same log and continues it without a gap. */
class RestartIT {

    @Test
    void aSecondContextOnTheSameDataDirectoryContinuesTheLog() throws Exception {
        Path dataDir = Files.createTempDirectory("restart");
        try (CommandSideContext first = new CommandSideContext(dataDir)) {
            for (int i = 1; i <= 3; i++) {
                first.commands()
                        .sendAndWait(new DraftArticle(new ArticleId("story-" + i), "Story " + i, null, "", null));
            }
            assertThat(first.eventLog().headPosition()).isEqualTo(3);
        }

        try (CommandSideContext second = new CommandSideContext(dataDir)) {
            EventLogStorageEngine log = second.eventLog();
            assertThat(log.headPosition()).isEqualTo(3);

            second.commands()
                    .sendAndWait(new ReviseArticle(new ArticleId("story-2"), "Story two, revised", null, null, null));
            second.commands().sendAndWait(new DraftArticle(new ArticleId("story-4"), "Story 4", null, "", null));

            List<Long> positions = log.readEvents(new GlobalSequenceTrackingToken(0), false)
                    .map(event -> ((GlobalSequenceTrackingToken) event.trackingToken()).getGlobalIndex())
                    .toList();
            assertThat(positions).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(log.storedEvents("story-2"))
                    .extracting(EventLogStorageEngine.StoredEventView::position)
                    .containsExactly(2L, 4L);
        }
    }
}
