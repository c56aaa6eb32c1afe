package org.newsroom.command.article;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;
import org.newsroom.article.ArticleId;

/**
 * Sent to start an article under an id the caller chose; a null language means English. {@code languages} is the
 * installation's list, which the language must be in.
 */
public record DraftArticle(
        @TargetAggregateIdentifier ArticleId articleId,
        String headline,
        @Nullable String standfirst,
        @Nullable String body,
        @Nullable String language,
        LanguageList languages) {

    /** With the default list of languages. */
    public DraftArticle(
            ArticleId articleId,
            String headline,
            @Nullable String standfirst,
            @Nullable String body,
            @Nullable String language) {
        this(articleId, headline, standfirst, body, language, LanguageList.DEFAULT);
    }
}
