package org.newsroom.query.audit.web;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.newsroom.platform.web.ProblemException;
import org.newsroom.query.article.ArticleState;
import org.newsroom.query.audit.AuditSearches;
import org.newsroom.query.audit.AuditedArticles;
import org.newsroom.query.audit.FindArticles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /audit/articles}: the auditors find any article, unpublished and killed ones included. */
@RestController
class AuditSearchController {

    private final AuditSearches searches;

    AuditSearchController(AuditSearches searches) {
        this.searches = searches;
    }

    @GetMapping("/audit/articles")
    AuditedArticles articles(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        try {
            return searches.handle(new FindArticles(q, state(state), page, size));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("invalid-request", e.getMessage());
        }
    }

    private static @Nullable ArticleState state(@Nullable String state) {
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
