package org.newsroom.command.article;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.jspecify.annotations.Nullable;
import org.newsroom.article.ArticleId;

/**
 * Sent by an editor to make the held agency update of version {@code itemVersion} the working copy, replacing the
 * desk's edits of the fields it changes. {@code languages} is the installation's list.
 */
public record ApplyAgencyUpdate(
        @TargetAggregateIdentifier ArticleId articleId,
        String itemVersion,
        LanguageList languages,
        @TargetAggregateVersion @Nullable Long expectedVersion) {}
