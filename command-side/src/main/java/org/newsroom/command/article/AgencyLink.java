package org.newsroom.command.article;

import static org.newsroom.command.article.ArticleStatus.PUBLISHED;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.newsroom.article.AgencyItem;
import org.newsroom.article.AgencyItemIngested;
import org.newsroom.article.AgencyItemWithdrawn;
import org.newsroom.article.AgencyStatus;
import org.newsroom.article.AgencyUpdateDismissed;
import org.newsroom.article.AgencyUpdateHeld;
import org.newsroom.article.ArticleEvent;
import org.newsroom.article.ArticleId;

/**
 * An article's tie to the agency item it came from: the version last applied to the working copy, the copy as that
 * version left it (so that any edit by the desk shows as a difference), the latest version received, and a version
 * held for an editor. All null for an article a reporter wrote.
 * <p>
 * Rules: versions arrive in the agency's order, an older or known one is refused; a version becomes the working copy
 * unless the desk edited the copy since the last agency version, in which case it is held; a canceled item withdraws
 * the article; no publication while the latest version is withheld or canceled.
 */
record AgencyLink(
        @Nullable AgencyItem applied,
        @Nullable WorkingCopy appliedCopy,
        @Nullable AgencyItem latest,
        @Nullable HeldUpdate held) {

    static final AgencyLink NONE = new AgencyLink(null, null, null, null);

    AgencyReception receive(ArticleId id, ArticleStatus status, WorkingCopy copy, IngestAgencyVersion command) {
        AgencyItem item = command.item();
        requireNewer(item);
        if (item.pubStatus() == AgencyStatus.CANCELED) {
            return new AgencyReception(
                    AgencyOutcome.WITHDRAWN, List.of(new AgencyItemWithdrawn(id, item, status == PUBLISHED)));
        }
        if (appliedCopy != null && !appliedCopy.equals(copy)) {
            ContentCheck.content(command.content(), command.languages());
            return new AgencyReception(AgencyOutcome.HELD, List.of(new AgencyUpdateHeld(id, item, command.content())));
        }
        return new AgencyReception(AgencyOutcome.APPLIED, becoming(id, copy, item, command));
    }

    List<ArticleEvent> apply(ArticleId id, WorkingCopy copy, ApplyAgencyUpdate command) {
        HeldUpdate update = heldVersion(command.itemVersion());
        List<ArticleEvent> events = new ArrayList<>(copy.changesTo(id, update.content(), command.languages()));
        events.add(new AgencyItemIngested(id, update.item()));
        return events;
    }

    AgencyUpdateDismissed dismiss(ArticleId id, DismissAgencyUpdate command) {
        return new AgencyUpdateDismissed(
                id, heldVersion(command.itemVersion()).item().itemVersion());
    }

    /** A publication, by hand or by schedule, needs the agency's item usable (when the article came from one). */
    void requirePublishable() {
        if (latest == null) {
            return;
        }
        if (latest.pubStatus() == AgencyStatus.WITHHELD) {
            throw ArticleRuleViolation.agencyWithheld(latest);
        }
        if (latest.pubStatus() == AgencyStatus.CANCELED) {
            throw ArticleRuleViolation.agencyWithdrawn(latest);
        }
    }

    /** The link as {@code event} leaves it; {@code copy} is the working copy after the event. */
    AgencyLink with(ArticleEvent event, WorkingCopy copy) {
        if (event instanceof AgencyItemIngested ingested) {
            return new AgencyLink(ingested.item(), copy, newest(latest, ingested.item()), null);
        } else if (event instanceof AgencyUpdateHeld held) {
            return new AgencyLink(applied, appliedCopy, held.item(), new HeldUpdate(held.item(), held.content()));
        } else if (event instanceof AgencyUpdateDismissed) {
            return new AgencyLink(applied, appliedCopy, latest, null);
        } else if (event instanceof AgencyItemWithdrawn withdrawn) {
            return new AgencyLink(applied, appliedCopy, withdrawn.item(), null);
        }
        return this;
    }

    private static List<ArticleEvent> becoming(
            ArticleId id, WorkingCopy copy, AgencyItem item, IngestAgencyVersion command) {
        List<ArticleEvent> events = new ArrayList<>(copy.changesTo(id, command.content(), command.languages()));
        events.add(new AgencyItemIngested(id, item));
        return events;
    }

    private HeldUpdate heldVersion(String itemVersion) {
        if (held == null || !held.item().itemVersion().equals(itemVersion)) {
            throw ArticleRuleViolation.noAgencyUpdate(itemVersion, held == null ? null : held.item());
        }
        return held;
    }

    private void requireNewer(AgencyItem item) {
        if (latest == null) {
            return;
        }
        int order = AgencyVersions.compare(item, latest);
        if (order == 0) {
            throw ArticleRuleViolation.agencyVersionKnown(item);
        }
        if (order < 0) {
            throw ArticleRuleViolation.agencyVersionSuperseded(item, latest);
        }
    }

    private static AgencyItem newest(@Nullable AgencyItem known, AgencyItem arrived) {
        return known == null || AgencyVersions.compare(arrived, known) >= 0 ? arrived : known;
    }
}
