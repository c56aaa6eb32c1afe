package org.newsroom.article;

import org.axonframework.serialization.Revision;
import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Recorded each time an article goes live. Carries the complete content exactly as it went live, so a reader of
 * this event alone can render the article. {@code publicationNumber} counts publications from 1; {@code slug} is
 * fixed at the first publication and names the article on the public site. On a republication, {@code changeKind}
 * says why, and corrections and clarifications carry a public {@code note}; both are absent on the first publication.
 */
@Revision("1")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticlePublished(
        ArticleId articleId,
        int publicationNumber,
        String slug,
        @Nullable ChangeKind changeKind,
        @Nullable String note,
        ArticleContent content)
        implements ArticleEvent {}
