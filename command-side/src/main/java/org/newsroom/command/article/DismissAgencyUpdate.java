package org.newsroom.command.article;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.jspecify.annotations.Nullable;
import org.newsroom.article.ArticleId;

/** Sent by an editor to keep the desk's copy and set the held agency update of version {@code itemVersion} aside. */
public record DismissAgencyUpdate(
        @TargetAggregateIdentifier ArticleId articleId,
        String itemVersion,
        @TargetAggregateVersion @Nullable Long expectedVersion) {}
