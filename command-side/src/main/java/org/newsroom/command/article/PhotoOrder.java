package org.newsroom.command.article;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.newsroom.article.ArticleId;
import org.newsroom.article.Photo;
import org.newsroom.article.PhotoId;
import org.newsroom.article.PhotosReordered;

/**
 * The order of an article's photos, the lead photo first: a new order names every attached photo exactly once, and
 * differs from the current one.
 */
final class PhotoOrder {

    private PhotoOrder() {}

    static PhotosReordered reorder(ArticleId id, List<Photo> photos, ReorderPhotos command) {
        List<PhotoId> order = command.photoIds() == null ? List.of() : command.photoIds();
        Set<PhotoId> attached =
                photos.stream().map(Photo::photoId).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<PhotoId> seen = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (PhotoId photoId : order) {
            if (photoId == null) {
                problems.add("a photo id is missing");
            } else if (!seen.add(photoId)) {
                problems.add(photoId + " is named twice");
            } else if (!attached.contains(photoId)) {
                problems.add(photoId + " is not attached");
            }
        }
        attached.stream()
                .filter(photoId -> !seen.contains(photoId))
                .forEach(photoId -> problems.add(photoId + " is missing"));
        if (!problems.isEmpty()) {
            throw new InvalidArticleContent(
                    "invalid-photo-order",
                    "photoIds",
                    "photoIds must name every attached photo exactly once: " + String.join("; ", problems));
        }
        if (order.equals(List.copyOf(attached))) {
            throw ArticleRuleViolation.nothingToRevise();
        }
        return new PhotosReordered(id, order);
    }

    /** The photos in the event's order. */
    static List<Photo> apply(List<Photo> photos, PhotosReordered reordered) {
        Map<PhotoId, Photo> byId = photos.stream().collect(Collectors.toMap(Photo::photoId, Function.identity()));
        return reordered.photoIds().stream().map(byId::get).toList();
    }
}
