package org.newsroom.command.article;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.newsroom.command.article.ArticleStatus.DRAFT;
import static org.newsroom.command.article.ArticleStatus.IN_REVIEW;
import static org.newsroom.command.article.ArticleStatus.KILLED;
import static org.newsroom.command.article.ArticleStatus.PUBLISHED;
import static org.newsroom.command.article.ArticleStatus.UNPUBLISHED;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.spring.stereotype.Aggregate;
import org.newsroom.article.ArticleDrafted;
import org.newsroom.article.ArticleId;
import org.newsroom.article.ArticleKilled;
import org.newsroom.article.ArticlePublished;
import org.newsroom.article.ArticleRevised;
import org.newsroom.article.ArticleSubmittedForReview;
import org.newsroom.article.ArticleUnpublished;
import org.newsroom.article.BylineAssigned;
import org.newsroom.article.ChangesRequested;
import org.newsroom.article.PhotoAttached;
import org.newsroom.article.PhotoDetached;
import org.newsroom.article.PhotoUpdated;

@Aggregate(snapshotTriggerDefinition = "articleSnapshotTrigger")
class Article {

    @AggregateIdentifier
    private ArticleId id;

    private ArticleStatus status;
    private WorkingCopy workingCopy;
    private boolean pendingChanges;
    private int publicationNumber;
    private String slug;

    Article() {}

    @CommandHandler
    Article(DraftArticle command) {
        apply(new ArticleDrafted(
                command.articleId(),
                ContentPolicy.headline(command.headline()),
                ContentPolicy.standfirst(command.standfirst()),
                ContentPolicy.body(command.body()),
                ContentPolicy.language(command.language())));
    }

    @CommandHandlerInterceptor
    void rejectEveryCommandOnceKilled() {
        if (status == KILLED) {
            throw ArticleRuleViolation.articleKilled(id);
        }
    }

    @CommandHandler
    void handle(ReviseArticle command) {
        apply(workingCopy.revise(id, command));
    }

    @CommandHandler
    void handle(AttachPhoto command) {
        apply(workingCopy.attach(id, command));
    }

    @CommandHandler
    void handle(UpdatePhoto command) {
        apply(workingCopy.update(id, command));
    }

    @CommandHandler
    void handle(DetachPhoto command) {
        apply(workingCopy.detach(id, command));
    }

    @CommandHandler
    void handle(AssignByline command) {
        apply(workingCopy.assign(id, command));
    }

    @CommandHandler
    void handle(SubmitForReview command) {
        String note = ContentPolicy.optionalNote(command.note());
        if (status != DRAFT) {
            throw ArticleRuleViolation.notADraft(status);
        }
        apply(new ArticleSubmittedForReview(id, note));
    }

    @CommandHandler
    void handle(RequestChanges command) {
        String note = ContentPolicy.requiredNote(command.note(), "note");
        if (status != IN_REVIEW) {
            throw ArticleRuleViolation.notInReview(status);
        }
        apply(new ChangesRequested(id, note));
    }

    @CommandHandler
    Publication handle(PublishArticle command) {
        ArticlePublished published = new PublicationPolicy(status, publicationNumber, slug, pendingChanges)
                .publish(id, workingCopy, command);
        apply(published);
        return new Publication(published.publicationNumber(), published.slug());
    }

    @CommandHandler
    void handle(UnpublishArticle command) {
        String reason = ContentPolicy.requiredNote(command.reason(), "reason");
        if (status != PUBLISHED) {
            throw ArticleRuleViolation.notPublished(status);
        }
        apply(new ArticleUnpublished(id, reason));
    }

    @CommandHandler
    void handle(KillArticle command) {
        apply(new ArticleKilled(
                id,
                ContentPolicy.requiredNote(command.reason(), "reason"),
                ContentPolicy.requiredNote(command.notice(), "notice")));
    }

    @EventSourcingHandler
    void on(ArticleDrafted event) {
        id = event.articleId();
        status = DRAFT;
        workingCopy = WorkingCopy.of(event);
    }

    @EventSourcingHandler
    void on(ArticleRevised event) {
        workingCopy = workingCopy.with(event);
        pendingChanges = true;
    }

    @EventSourcingHandler
    void on(PhotoAttached event) {
        workingCopy = workingCopy.with(event);
        pendingChanges = true;
    }

    @EventSourcingHandler
    void on(PhotoUpdated event) {
        workingCopy = workingCopy.with(event);
        pendingChanges = true;
    }

    @EventSourcingHandler
    void on(PhotoDetached event) {
        workingCopy = workingCopy.with(event);
        pendingChanges = true;
    }

    @EventSourcingHandler
    void on(BylineAssigned event) {
        workingCopy = workingCopy.with(event);
        pendingChanges = true;
    }

    @EventSourcingHandler
    void on(ArticleSubmittedForReview event) {
        status = IN_REVIEW;
    }

    @EventSourcingHandler
    void on(ChangesRequested event) {
        status = DRAFT;
    }

    @EventSourcingHandler
    void on(ArticleUnpublished event) {
        status = UNPUBLISHED;
    }

    @EventSourcingHandler
    void on(ArticleKilled event) {
        status = KILLED;
    }

    @EventSourcingHandler
    void on(ArticlePublished event) {
        status = PUBLISHED;
        publicationNumber = event.publicationNumber();
        slug = event.slug();
        pendingChanges = false;
    }
}
