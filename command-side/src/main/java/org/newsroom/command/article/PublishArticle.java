package org.newsroom.command.article;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.newsroom.article.ArticleId;
import org.newsroom.article.ChangeKind;

/** Sent by an editor to put the working copy live; a republication says why with a change kind and a public note. */
public record PublishArticle(
        @TargetAggregateIdentifier ArticleId articleId,
        ChangeKind changeKind,
        String note,
        @TargetAggregateVersion Long expectedVersion) {

    public PublishArticle(ArticleId articleId, ChangeKind changeKind, String note) {
        this(articleId, changeKind, note, null);
    }
}
