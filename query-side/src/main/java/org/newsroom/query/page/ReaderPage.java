package org.newsroom.query.page;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.newsroom.article.Byline;

/**
 * What the reader's page shows: {@code body} is the article's HTML, sanitized to our subset when it was written (and
 * so inserted into the page unescaped); everything else is text, escaped by the template. The first of
 * {@code photos} is the lead photo. {@code published} and {@code updated} are absent on a preview of a never
 * published article.
 */
public record ReaderPage(
        String language,
        String headline,
        @Nullable String standfirst,
        @Nullable String byline,
        String body,
        List<PagePhoto> photos,
        List<PageNote> notes,
        @Nullable Instant published,
        @Nullable Instant updated,
        boolean preview) {

    public ReaderPage {
        language = language == null || language.isBlank() ? "en" : language;
        photos = List.copyOf(photos);
        notes = List.copyOf(notes);
    }

    public @Nullable PagePhoto lead() {
        return photos.isEmpty() ? null : photos.get(0);
    }

    public List<PagePhoto> others() {
        return photos.size() < 2 ? List.of() : photos.subList(1, photos.size());
    }

    /** Whether it was republished since its first publication: the page then says when it was updated. */
    public boolean wasUpdated() {
        return published != null && updated != null && updated.isAfter(published);
    }

    public String publishedText() {
        return formatted(published);
    }

    public String updatedText() {
        return formatted(updated);
    }

    /** "By Angus MacKinnon (AFP)", "By A and B (Reuters)", "By A, B and C"; null without bylines. */
    public static @Nullable String byLine(List<Byline> bylines) {
        if (bylines.isEmpty()) {
            return null;
        }
        List<String> names = bylines.stream()
                .map(byline ->
                        byline.affiliation() == null || byline.affiliation().isBlank()
                                ? byline.name()
                                : byline.name() + " (" + byline.affiliation() + ")")
                .toList();
        String joined = names.size() == 1
                ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        return "By " + joined;
    }

    static String formatted(@Nullable Instant at) {
        return at == null ? "" : ReaderPages.DATE.format(at);
    }

    /** A correction or clarification note published with a republication, and when. */
    public record PageNote(String kind, String text, Instant at) {

        public String title() {
            return "correction".equals(kind) ? "Correction" : "Clarification";
        }

        public String atText() {
            return formatted(at);
        }
    }

    /** One entry of the site's index page. */
    public record IndexEntry(
            String headline,
            @Nullable String standfirst,
            String href,
            @Nullable Instant published) {

        public String publishedText() {
            return formatted(published);
        }
    }
}
