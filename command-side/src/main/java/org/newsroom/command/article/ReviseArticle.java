package org.newsroom.command.article;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.jspecify.annotations.Nullable;
import org.newsroom.article.ArticleId;

/**
 * Sent to change the working copy's text; a null field is left as it is. A new language must be in
 * {@code languages}, the installation's list.
 */
public record ReviseArticle(
        @TargetAggregateIdentifier ArticleId articleId,
        @Nullable String headline,
        @Nullable String standfirst,
        @Nullable String body,
        @Nullable String language,
        LanguageList languages,
        @TargetAggregateVersion @Nullable Long expectedVersion) {

    /** With the default list of languages. */
    public ReviseArticle(
            ArticleId articleId,
            @Nullable String headline,
            @Nullable String standfirst,
            @Nullable String body,
            @Nullable String language,
            @Nullable Long expectedVersion) {
        this(articleId, headline, standfirst, body, language, LanguageList.DEFAULT, expectedVersion);
    }

    /** With the default list of languages. */
    public ReviseArticle(
            ArticleId articleId,
            @Nullable String headline,
            @Nullable String standfirst,
            @Nullable String body,
            @Nullable String language) {
        this(articleId, headline, standfirst, body, language, LanguageList.DEFAULT, null);
    }
}
