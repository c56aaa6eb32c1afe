package org.newsroom.query.transparency;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.newsroom.article.ArticleKilled;
import org.newsroom.article.ArticlePublished;
import org.newsroom.article.ArticleUnpublished;

/**
 * The signer processor's handlers: every event that changes what the public sees (a publication, including updates,
 * corrections and clarifications; an unpublication; a kill) gets a checkpoint right after its batch. Other events
 * are covered by the next checkpoint within the interval.
 */
@ProcessingGroup(TransparencyConfiguration.SIGNER)
class PublicChanges {

    private final CheckpointSchedule schedule;

    PublicChanges(CheckpointSchedule schedule) {
        this.schedule = schedule;
    }

    @EventHandler
    void on(ArticlePublished event) {
        schedule.checkpointAfterThisBatch();
    }

    @EventHandler
    void on(ArticleUnpublished event) {
        schedule.checkpointAfterThisBatch();
    }

    @EventHandler
    void on(ArticleKilled event) {
        schedule.checkpointAfterThisBatch();
    }
}
