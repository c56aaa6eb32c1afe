package org.newsroom.command.article;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.newsroom.article.ArticleId;
import org.newsroom.article.PhotoId;

/** Sent to put the photos in a new order: every attached photo once, the lead photo first. */
public record ReorderPhotos(
        @TargetAggregateIdentifier ArticleId articleId,
        List<PhotoId> photoIds,
        @TargetAggregateVersion Long expectedVersion) {

    public ReorderPhotos(ArticleId articleId, List<PhotoId> photoIds) {
        this(articleId, photoIds, null);
    }
}
