package org.newsroom.command.article;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.newsroom.article.ArticleId;

/** Sent by an editor to send an article in review back to draft, saying why. */
public record RequestChanges(
        @TargetAggregateIdentifier ArticleId articleId,
        String note,
        @TargetAggregateVersion Long expectedVersion) {

    public RequestChanges(ArticleId articleId, String note) {
        this(articleId, note, null);
    }
}
