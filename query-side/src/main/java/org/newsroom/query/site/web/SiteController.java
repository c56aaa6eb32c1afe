package org.newsroom.query.site.web;

import java.util.Optional;

import org.newsroom.platform.web.ProblemException;
import org.newsroom.platform.web.Problems;
import org.newsroom.query.page.ReaderPages;
import org.newsroom.query.site.FindPublishedArticle;
import org.newsroom.query.site.FindSiteList;
import org.newsroom.query.site.SiteArticles;
import org.newsroom.query.site.SiteList;
import org.newsroom.query.site.SitePage;
import org.newsroom.query.site.SiteReaderPages;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public site: by slug, the reader's HTML page to a request that prefers text/html, else the ninjs 3.1 document;
 * the list of published articles as JSON, or as the site's index page. Every answer may be cached by anyone for a
 * minute ({@link ReaderPages#SITE_CACHE}) and carries a strong ETag and Last-Modified; Spring answers conditional
 * GETs with 304.
 */
@RestController
class SiteController {

    /** How many of the latest publications the index page lists. */
    static final int INDEX_SIZE = 30;

    private final SiteArticles articles;
    private final ReaderPages pages;

    SiteController(SiteArticles articles, ReaderPages pages) {
        this.articles = articles;
        this.pages = pages;
    }

    @GetMapping("/site/articles/{slug}")
    ResponseEntity<Object> article(
            @PathVariable String slug, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Optional<SitePage> found = articles.handle(new FindPublishedArticle(slug));
        if (Representation.html(accept)) {
            return found.map(this::page)
                    .orElseGet(() -> html(HttpStatus.NOT_FOUND)
                            .body(pages.notice("Not found", "There is no published article at this address.")));
        }
        SitePage page = found.orElseThrow(
                () -> ProblemException.notFound(Problems.ARTICLE_NOT_FOUND, "no published article at " + slug));
        if (page instanceof SitePage.Killed killed) {
            throw new ProblemException(HttpStatus.GONE, "article-killed", killed.notice())
                    .with("notice", killed.notice());
        }
        SitePage.Live live = (SitePage.Live) page;
        return site(HttpStatus.OK)
                .contentType(MediaType.APPLICATION_JSON)
                .eTag(live.etag())
                .lastModified(live.lastModified())
                .body(live.ninjs());
    }

    @GetMapping("/site/articles")
    ResponseEntity<Object> list(
            @RequestParam(defaultValue = "20") int limit,
            @RequestParam(required = false) String cursor,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        SiteList list;
        try {
            list = articles.handle(new FindSiteList(limit, cursor));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("invalid-request", e.getMessage());
        }
        if (Representation.html(accept)) {
            return index(list);
        }
        return site(HttpStatus.OK)
                .contentType(MediaType.APPLICATION_JSON)
                .eTag(list.etag())
                .lastModified(list.lastModified())
                .body(list);
    }

    @GetMapping({"/site", "/site/"})
    ResponseEntity<Object> index() {
        return index(articles.handle(new FindSiteList(INDEX_SIZE, null)));
    }

    private ResponseEntity<Object> index(SiteList list) {
        return html(HttpStatus.OK)
                .eTag(htmlTag(list.etag()))
                .lastModified(list.lastModified())
                .body(pages.index(
                        list.items().stream().map(SiteReaderPages::entry).toList()));
    }

    private ResponseEntity<Object> page(SitePage page) {
        if (page instanceof SitePage.Killed killed) {
            return html(HttpStatus.GONE)
                    .lastModified(killed.killedAt())
                    .body(pages.notice("This article was withdrawn", killed.notice()));
        }
        SitePage.Live live = (SitePage.Live) page;
        return html(HttpStatus.OK)
                .eTag(htmlTag(live.etag()))
                .lastModified(live.lastModified())
                .body(pages.article(SiteReaderPages.of(live)));
    }

    /** Both representations live at one address: a cache keeps them apart by Accept. */
    private static ResponseEntity.BodyBuilder site(HttpStatus status) {
        return ResponseEntity.status(status)
                .cacheControl(ReaderPages.SITE_CACHE)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
    }

    private static ResponseEntity.BodyBuilder html(HttpStatus status) {
        return site(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", ReaderPages.POLICY);
    }

    /** The page's ETag: the document's, told apart from the JSON's (same content, other bytes). */
    private static String htmlTag(String etag) {
        return etag.substring(0, etag.length() - 1) + "-html\"";
    }
}
