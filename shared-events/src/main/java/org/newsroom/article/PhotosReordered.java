package org.newsroom.article;

import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * Recorded when the article's photos are put in a new order: {@code photoIds} names every attached photo exactly
 * once, in display order; the first is the lead photo.
 */
@Revision("1")
public record PhotosReordered(ArticleId articleId, List<PhotoId> photoIds) implements ArticleEvent {

    public PhotosReordered {
        photoIds = List.copyOf(photoIds);
    }
}
