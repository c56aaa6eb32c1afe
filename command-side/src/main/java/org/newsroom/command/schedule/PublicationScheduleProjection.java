package org.newsroom.command.schedule;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.jspecify.annotations.Nullable;
import org.newsroom.article.ArticleKilled;
import org.newsroom.article.ArticlePublished;
import org.newsroom.article.ArticleUnpublished;
import org.newsroom.article.PublicationScheduled;
import org.newsroom.article.ScheduledPublicationCancelled;
import org.newsroom.command.dispatch.CommandMetadata;

/**
 * Keeps {@link PublicationSchedules} from the events: a schedule is pending from its {@link PublicationScheduled} until
 * it is cancelled, or the article is published (by hand or by the schedule firing), unpublished or killed.
 */
@ProcessingGroup(PublicationSchedules.PROCESSOR)
class PublicationScheduleProjection {

    private final PublicationSchedules schedules;

    PublicationScheduleProjection(PublicationSchedules schedules) {
        this.schedules = schedules;
    }

    @EventHandler
    void on(
            PublicationScheduled event,
            @MetaDataValue(CommandMetadata.ACTOR) @Nullable String actor,
            TrackingToken token) {
        schedules.scheduled(event, actor, position(token));
    }

    @EventHandler
    void on(ScheduledPublicationCancelled event, TrackingToken token) {
        schedules.ended(event.articleId().value(), position(token));
    }

    @EventHandler
    void on(ArticlePublished event, TrackingToken token) {
        schedules.ended(event.articleId().value(), position(token));
    }

    @EventHandler
    void on(ArticleUnpublished event, TrackingToken token) {
        schedules.ended(event.articleId().value(), position(token));
    }

    @EventHandler
    void on(ArticleKilled event, TrackingToken token) {
        schedules.ended(event.articleId().value(), position(token));
    }

    private static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("an event without a log position"));
    }
}
