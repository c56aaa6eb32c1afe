package org.newsroom.query.editorial.web;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.newsroom.platform.web.ProblemException;
import org.newsroom.platform.web.Problems;
import org.newsroom.query.article.ArticleState;
import org.newsroom.query.editorial.EditorialArticle;
import org.newsroom.query.editorial.EditorialArticles;
import org.newsroom.query.editorial.EditorialReaderPage;
import org.newsroom.query.editorial.FindArticle;
import org.newsroom.query.editorial.FindWorkList;
import org.newsroom.query.editorial.WorkList;
import org.newsroom.query.page.ReaderPages;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Editing screens and work lists: {@code /api/articles/{id}} (ETag = article version) and {@code /api/articles}, whose
 * {@code mine} is the signed-in caller's.
 */
@RestController
class EditorialController {

    private final EditorialArticles articles;
    private final ReaderPages pages;

    EditorialController(EditorialArticles articles, ReaderPages pages) {
        this.articles = articles;
        this.pages = pages;
    }

    @GetMapping("/api/articles/{id}")
    ResponseEntity<EditorialArticle> article(@PathVariable String id) {
        EditorialArticle article = articles.handle(new FindArticle(id))
                .orElseThrow(() -> ProblemException.notFound(Problems.ARTICLE_NOT_FOUND, "no article with id " + id));
        // Spring answers 304 itself when If-None-Match matches this ETag
        return ResponseEntity.ok().eTag("\"" + article.version() + "\"").body(article);
    }

    /** The working copy as the reader's page; framed by the editor (see QueryWebConfiguration), never cached. */
    @GetMapping("/api/articles/{id}/preview")
    ResponseEntity<String> preview(@PathVariable String id) {
        EditorialArticle article = articles.handle(new FindArticle(id))
                .orElseThrow(() -> ProblemException.notFound(Problems.ARTICLE_NOT_FOUND, "no article with id " + id));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore().cachePrivate())
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", ReaderPages.POLICY)
                .body(pages.article(EditorialReaderPage.of(article)));
    }

    @GetMapping("/api/articles")
    WorkList workList(
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String author,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "false") boolean changesRequested,
            @RequestParam(defaultValue = "false") boolean scheduled,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @Nullable Principal caller) {
        try {
            return articles.handle(new FindWorkList(
                    state(state),
                    q,
                    author,
                    mine,
                    caller == null ? null : caller.getName(),
                    changesRequested,
                    scheduled,
                    page,
                    size));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("invalid-request", e.getMessage());
        }
    }

    private static ArticleState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return ArticleState.valueOf(state.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(
                    "invalid-request", "state must be one of draft, in_review, published, unpublished, killed");
        }
    }
}
