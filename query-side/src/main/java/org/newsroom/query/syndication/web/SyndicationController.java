package org.newsroom.query.syndication.web;

import org.newsroom.platform.web.ProblemException;
import org.newsroom.query.feed.FeedPage;
import org.newsroom.query.feed.FeedSettings;
import org.newsroom.query.syndication.SyndicationFeed;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /syndication/events}: pages of public CloudEvents for partners, in position order. */
@RestController
@Tag(name = "Syndication", description = "What the public may read, for partners that republish it")
class SyndicationController {

    private final SyndicationFeed feed;
    private final FeedSettings settings;

    SyndicationController(SyndicationFeed feed, FeedSettings settings) {
        this.feed = feed;
        this.settings = settings;
    }

    @GetMapping(path = "/syndication/events", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Public events after a position: publications (ninjs), corrections, unpublications, kills")
    FeedPage events(@RequestParam(defaultValue = "0") long after, @RequestParam(required = false) Integer limit) {
        if (after < 0) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST, "invalid-position", "after must be a position of the feed, a number >= 0");
        }
        int pageSize = limit == null ? settings.defaultLimit() : limit;
        if (pageSize < 1) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-limit", "limit must be at least 1");
        }
        return feed.read(after, Math.min(pageSize, settings.maxLimit()), settings.scanLimit());
    }
}
