package org.newsroom.command.article;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.newsroom.article.AgencyItem;
import org.newsroom.article.ArticleId;
import org.newsroom.article.ChangeKind;
import org.newsroom.article.PhotoId;

/**
 * Thrown when a well-formed command breaks a workflow rule given the article's current state: a killed article, a
 * state that does not allow the command, nothing to revise or publish, a missing photo, an embargo. Maps to HTTP 409;
 * {@link #details()} are facts a client can act on (an embargo's {@code until}).
 */
public final class ArticleRuleViolation extends ArticleCommandRejection {

    private final Map<String, Object> details;

    private ArticleRuleViolation(String code, String message) {
        this(code, message, Map.of());
    }

    private ArticleRuleViolation(String code, String message, Map<String, Object> details) {
        super(code, message);
        this.details = Map.copyOf(details);
    }

    public Map<String, Object> details() {
        return details;
    }

    static ArticleRuleViolation articleKilled(ArticleId id) {
        return new ArticleRuleViolation("article-killed", "Article " + id + " was killed and accepts nothing more");
    }

    static ArticleRuleViolation notADraft(ArticleStatus status) {
        return new ArticleRuleViolation("not-a-draft", "Only a draft can be submitted for review, not " + status);
    }

    static ArticleRuleViolation notInReview(ArticleStatus status) {
        return new ArticleRuleViolation("not-in-review", "Changes can be requested in review only, not " + status);
    }

    static ArticleRuleViolation notPublished(ArticleStatus status) {
        return new ArticleRuleViolation("not-published", "Only a published article can be unpublished, not " + status);
    }

    static ArticleRuleViolation nothingToRevise() {
        return new ArticleRuleViolation("nothing-to-revise", "Nothing to change: every value given is the current one");
    }

    static ArticleRuleViolation photoLimitReached(int limit) {
        return new ArticleRuleViolation("photo-limit-reached", "An article holds at most " + limit + " photos");
    }

    static ArticleRuleViolation photoAlreadyAttached(PhotoId photo) {
        return new ArticleRuleViolation("photo-already-attached", "Photo " + photo + " is already attached");
    }

    static ArticleRuleViolation photoNotFound(PhotoId photo) {
        return new ArticleRuleViolation("photo-not-found", "Photo " + photo + " is not attached to this article");
    }

    static ArticleRuleViolation headlineMissing() {
        return new ArticleRuleViolation("headline-missing", "An article needs a headline to be published");
    }

    static ArticleRuleViolation bodyMissing() {
        return new ArticleRuleViolation("body-missing", "An article needs a body to be published");
    }

    static ArticleRuleViolation bylineMissing() {
        return new ArticleRuleViolation("byline-missing", "An article needs at least one byline to be published");
    }

    static ArticleRuleViolation photoCaptionMissing(PhotoId photo) {
        return new ArticleRuleViolation("photo-caption-missing", "Photo " + photo + " needs a caption to be published");
    }

    static ArticleRuleViolation photoCreditMissing(PhotoId photo) {
        return new ArticleRuleViolation("photo-credit-missing", "Photo " + photo + " needs a credit to be published");
    }

    static ArticleRuleViolation nothingToPublish() {
        return new ArticleRuleViolation("nothing-to-publish", "Nothing changed since the last publication");
    }

    static ArticleRuleViolation nothingToCorrect(ChangeKind kind) {
        return new ArticleRuleViolation(
                "nothing-to-correct",
                "There is nothing to issue a " + name(kind) + " for: the article was never published");
    }

    static ArticleRuleViolation publicNoteRequired(ChangeKind kind) {
        return new ArticleRuleViolation(
                "public-note-required", "A " + name(kind) + " needs a public note telling readers what changed");
    }

    static ArticleRuleViolation reviewRequired() {
        return new ArticleRuleViolation(
                "review-required",
                "This article was never in review: submit it for review first, or publish it without review by saying"
                        + " why (withoutReview)");
    }

    static ArticleRuleViolation embargoed(Instant until) {
        return new ArticleRuleViolation(
                "embargoed",
                "The article is embargoed until " + until + ": it may not be published before then",
                Map.of("until", until.toString()));
    }

    static ArticleRuleViolation scheduleBeforeEmbargo(Instant at, Instant until) {
        return new ArticleRuleViolation(
                "schedule-before-embargo",
                "The article is scheduled for " + at + ", before the embargo would end at " + until
                        + ": move or cancel the schedule first",
                Map.of("scheduledFor", at.toString()));
    }

    static ArticleRuleViolation noSchedule() {
        return new ArticleRuleViolation("no-schedule", "The article has no scheduled publication");
    }

    static ArticleRuleViolation noEmbargo() {
        return new ArticleRuleViolation("no-embargo", "The article is not embargoed");
    }

    static ArticleRuleViolation scheduleNotPending(String scheduleId) {
        return new ArticleRuleViolation(
                "schedule-not-pending", "Schedule " + scheduleId + " is no longer pending: it fired or was replaced");
    }

    static ArticleRuleViolation scheduleNotDue(Instant at) {
        return new ArticleRuleViolation("schedule-not-due", "The scheduled publication is not due before " + at);
    }

    static ArticleRuleViolation agencyWithheld(AgencyItem item) {
        return new ArticleRuleViolation(
                "agency-withheld",
                "The agency withholds its item " + item.itemUri() + " (version " + item.itemVersion()
                        + "): the article may not be published until a usable version arrives",
                Map.of("source", item.source(), "itemUri", item.itemUri(), "itemVersion", item.itemVersion()));
    }

    static ArticleRuleViolation agencyWithdrawn(AgencyItem item) {
        return new ArticleRuleViolation(
                "agency-withdrawn",
                "The agency canceled its item " + item.itemUri() + " (version " + item.itemVersion()
                        + "): the article may not be published",
                Map.of("source", item.source(), "itemUri", item.itemUri(), "itemVersion", item.itemVersion()));
    }

    static ArticleRuleViolation agencyVersionKnown(AgencyItem item) {
        return new ArticleRuleViolation(
                "agency-version-known",
                "Version " + item.itemVersion() + " of " + item.itemUri() + " was received before",
                Map.of("itemVersion", item.itemVersion()));
    }

    static ArticleRuleViolation agencyVersionSuperseded(AgencyItem item, AgencyItem latest) {
        return new ArticleRuleViolation(
                "agency-version-superseded",
                "Version " + item.itemVersion() + " of " + item.itemUri() + " is older than version "
                        + latest.itemVersion() + ", received before",
                Map.of("itemVersion", item.itemVersion(), "latestVersion", latest.itemVersion()));
    }

    static ArticleRuleViolation noAgencyUpdate(String itemVersion, @Nullable AgencyItem held) {
        return new ArticleRuleViolation(
                "no-agency-update",
                held == null
                        ? "The article has no agency update waiting"
                        : "The agency update waiting is version " + held.itemVersion() + ", not " + itemVersion,
                held == null ? Map.of() : Map.of("heldVersion", held.itemVersion()));
    }

    private static String name(ChangeKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
