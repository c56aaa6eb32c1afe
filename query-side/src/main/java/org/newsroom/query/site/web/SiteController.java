package org.newsroom.query.site.web;

import org.newsroom.platform.web.ProblemException;
import org.newsroom.platform.web.Problems;
import org.newsroom.query.site.FindPublishedArticle;
import org.newsroom.query.site.FindSiteList;
import org.newsroom.query.site.SiteArticles;
import org.newsroom.query.site.SiteList;
import org.newsroom.query.site.SitePage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public site: ninjs 3.1 documents by slug and the list of published articles. Answers carry ETag and
 * Last-Modified; Spring answers conditional GETs with 304.
 */
@RestController
class SiteController {

    private final SiteArticles articles;

    SiteController(SiteArticles articles) {
        this.articles = articles;
    }

    @GetMapping("/site/articles/{slug}")
    ResponseEntity<Object> article(@PathVariable String slug) {
        SitePage page = articles.handle(new FindPublishedArticle(slug))
                .orElseThrow(
                        () -> ProblemException.notFound(Problems.ARTICLE_NOT_FOUND, "no published article at " + slug));
        if (page instanceof SitePage.Killed killed) {
            throw new ProblemException(HttpStatus.GONE, "article-killed", killed.notice())
                    .with("notice", killed.notice());
        }
        SitePage.Live live = (SitePage.Live) page;
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .eTag(live.etag())
                .lastModified(live.lastModified())
                .body(live.ninjs());
    }

    @GetMapping("/site/articles")
    ResponseEntity<SiteList> list(
            @RequestParam(defaultValue = "20") int limit, @RequestParam(required = false) String cursor) {
        SiteList list;
        try {
            list = articles.handle(new FindSiteList(limit, cursor));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("invalid-request", e.getMessage());
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .eTag(list.etag())
                .lastModified(list.lastModified())
                .body(list);
    }
}
