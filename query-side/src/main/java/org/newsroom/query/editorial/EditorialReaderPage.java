package org.newsroom.query.editorial;

import java.util.List;

import org.newsroom.article.Photo;
import org.newsroom.query.page.PagePhoto;
import org.newsroom.query.page.ReaderPage;

/** The working copy as the reader's page would show it once published: the editors' preview. */
public final class EditorialReaderPage {

    private EditorialReaderPage() {}

    public static ReaderPage of(EditorialArticle article) {
        List<PagePhoto> photos =
                article.photos().stream().map(EditorialReaderPage::photo).toList();
        return new ReaderPage(
                article.language(),
                article.headline(),
                article.standfirst(),
                ReaderPage.byLine(article.bylines()),
                article.body(),
                photos,
                List.of(),
                null,
                null,
                true);
    }

    private static PagePhoto photo(Photo photo) {
        return PagePhoto.of(
                photo.uri(),
                photo.mediaId() == null ? null : photo.mediaId().value(),
                photo.renditions(),
                photo.caption(),
                photo.credit(),
                photo.altText());
    }
}
