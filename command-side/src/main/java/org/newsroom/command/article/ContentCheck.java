package org.newsroom.command.article;

import java.util.List;
import java.util.Optional;

import org.newsroom.article.ArticleContent;
import org.newsroom.article.Photo;

/**
 * The content rules of the ordinary commands, checked on content before any command carries it: a sender that must
 * not record half of something (the ingest, which drafts, attaches photos and assigns bylines in turn) finds out first
 * whether all of it will be accepted. Throws {@link InvalidArticleContent} naming the field, {@code photos[1].caption}.
 */
public final class ContentCheck {

    private ContentCheck() {}

    /** Checks every field as DraftArticle, AttachPhoto and AssignByline would (bylines only when there are some). */
    public static void content(ArticleContent content, LanguageList languages) {
        ContentPolicy.headline(content.headline());
        ContentPolicy.standfirst(content.standfirst());
        ContentPolicy.body(content.body());
        ContentPolicy.language(content.language(), languages);
        List<Photo> photos = content.photos();
        if (photos.size() > WorkingCopy.MAX_PHOTOS) {
            throw new InvalidArticleContent(
                    "photo-limit-reached",
                    "photos",
                    "an article holds at most " + WorkingCopy.MAX_PHOTOS + " photos, not " + photos.size());
        }
        for (int i = 0; i < photos.size(); i++) {
            photo(photos.get(i), "photos[" + i + "]");
        }
        if (!content.bylines().isEmpty()) {
            ContentPolicy.bylines(content.bylines());
        }
    }

    /** The listed tag {@code tag} stands for, its primary language's when only that is listed, else none. */
    public static Optional<String> listedLanguage(String tag, LanguageList languages) {
        Optional<String> canonical = LanguageList.canonical(tag);
        if (canonical.isEmpty()) {
            return Optional.empty();
        }
        if (languages.tags().contains(canonical.get())) {
            return canonical;
        }
        String primary = canonical.get().split("-", 2)[0];
        return languages.tags().contains(primary) ? Optional.of(primary) : Optional.empty();
    }

    private static void photo(Photo photo, String field) {
        try {
            ContentPolicy.photoId(photo.photoId());
            ContentPolicy.photoUri(photo.uri());
            ContentPolicy.caption(photo.caption());
            ContentPolicy.credit(photo.credit());
            ContentPolicy.altText(photo.altText());
        } catch (InvalidArticleContent invalid) {
            throw new InvalidArticleContent(invalid.code(), field + "." + invalid.field(), invalid.getMessage());
        }
    }
}
