package org.newsroom.article;

import java.time.Duration;
import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Recorded each time an article goes live. Carries the complete content exactly as it went live, so a reader of
 * this event alone can render the article. {@code publicationNumber} counts publications from 1; {@code slug} is
 * fixed at the first publication and names the article on the public site. On a republication, {@code changeKind}
 * says why, and corrections and clarifications carry a public {@code note}; both are absent on the first publication.
 * <p>
 * Added later, absent unless they apply: {@code publishedWithoutReview}, the editor's reason for a first publication
 * of an article that was never in review; {@code scheduledFor} and {@code lateness} (ISO-8601, e.g. {@code PT0.183S})
 * when a scheduled publication fired: the time it was scheduled for, and how long after it the article went live.
 */
@Revision("1")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticlePublished(
        ArticleId articleId,
        int publicationNumber,
        String slug,
        @Nullable ChangeKind changeKind,
        @Nullable String note,
        ArticleContent content,
        @Nullable String publishedWithoutReview,
        @Nullable Instant scheduledFor,

        @JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable
        Duration lateness)
        implements ArticleEvent {

    /** A publication by an editor's hand, of an article that was in review or was published before. */
    public ArticlePublished(
            ArticleId articleId,
            int publicationNumber,
            String slug,
            @Nullable ChangeKind changeKind,
            @Nullable String note,
            ArticleContent content) {
        this(articleId, publicationNumber, slug, changeKind, note, content, null, null, null);
    }
}
