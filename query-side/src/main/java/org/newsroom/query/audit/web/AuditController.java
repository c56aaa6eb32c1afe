package org.newsroom.query.audit.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.newsroom.platform.web.ProblemException;
import org.newsroom.platform.web.Problems;
import org.newsroom.query.article.ArticleVersion;
import org.newsroom.query.audit.AuditHistory;
import org.newsroom.query.audit.AuditTrail;
import org.newsroom.query.audit.FindArticleVersion;
import org.newsroom.query.audit.FindAuditHistory;
import org.newsroom.query.audit.FindVersionDiff;
import org.newsroom.query.audit.IntegrityReport;
import org.newsroom.query.audit.VerifyIntegrity;
import org.newsroom.query.audit.VersionDiff;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The auditors' routes under {@code /audit/articles/{id}}. */
@RestController
@RequestMapping("/audit/articles/{id}")
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/history")
    AuditHistory history(@PathVariable String id) {
        return trail.handle(new FindAuditHistory(id)).orElseThrow(() -> unknown(id));
    }

    @GetMapping("/versions/{version}")
    ArticleVersion version(@PathVariable String id, @PathVariable long version) {
        return trail.handle(query(() -> new FindArticleVersion(id, version, null)))
                .orElseThrow(() ->
                        ProblemException.notFound("version-not-found", "article " + id + " has no version " + version));
    }

    @GetMapping("/versions")
    ArticleVersion versionAt(@PathVariable String id, @RequestParam String at) {
        Instant instant;
        try {
            instant = Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(
                    "invalid-request", "at must be an ISO-8601 instant such as 2026-01-31T12:00:00Z, not '" + at + "'");
        }
        return trail.handle(new FindArticleVersion(id, null, instant))
                .orElseThrow(() ->
                        ProblemException.notFound("version-not-found", "article " + id + " did not exist at " + at));
    }

    @GetMapping("/diff")
    VersionDiff diff(@PathVariable String id, @RequestParam long from, @RequestParam long to) {
        return trail.handle(query(() -> new FindVersionDiff(id, from, to)))
                .orElseThrow(() -> ProblemException.notFound(
                        "version-not-found", "article " + id + " has no version " + from + " or " + to));
    }

    @GetMapping("/integrity")
    IntegrityReport integrity(@PathVariable String id) {
        return trail.handle(new VerifyIntegrity(id)).orElseThrow(() -> unknown(id));
    }

    private static <Q> Q query(java.util.function.Supplier<Q> query) {
        try {
            return query.get();
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("invalid-request", e.getMessage());
        }
    }

    private static ProblemException unknown(String id) {
        return ProblemException.notFound(Problems.ARTICLE_NOT_FOUND, "no article with id " + id);
    }
}
