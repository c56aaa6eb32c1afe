package org.newsroom.command.article;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.newsroom.command.article.ArticleStatus.DRAFT;
import static org.newsroom.command.article.ArticleStatus.KILLED;
import static org.newsroom.command.article.ArticleStatus.PUBLISHED;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.spring.stereotype.Aggregate;
import org.newsroom.article.ArticleDrafted;
import org.newsroom.article.ArticleEvent;
import org.newsroom.article.ArticleId;
import org.newsroom.article.ArticlePublished;
import org.newsroom.article.ArticleSubmittedForReview;

/**
 * An article's rules over its events. The rules live in policy records ({@link WorkingCopy} for the content,
 * {@link WorkflowPolicy}, {@link PublicationPolicy}, {@link Timetable}); the aggregate keeps the state they need.
 */
@Aggregate(snapshotTriggerDefinition = "articleSnapshotTrigger")
class Article {

    @AggregateIdentifier
    private ArticleId id;

    private ArticleStatus status;
    private WorkingCopy workingCopy;
    private boolean pendingChanges;
    private int publicationNumber;
    private String slug;
    private boolean reviewed;
    private Timetable timetable = Timetable.NONE;
    private AgencyLink agency = AgencyLink.NONE;

    Article() {}

    @CommandHandler
    Article(DraftArticle command) {
        apply(new ArticleDrafted(
                command.articleId(),
                ContentPolicy.headline(command.headline()),
                ContentPolicy.standfirst(command.standfirst()),
                ContentPolicy.body(command.body()),
                ContentPolicy.language(command.language(), command.languages())));
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
    void handle(ReorderPhotos command) {
        apply(PhotoOrder.reorder(id, workingCopy.photos(), command));
    }

    @CommandHandler
    void handle(AssignByline command) {
        apply(workingCopy.assign(id, command));
    }

    @CommandHandler
    void handle(AddComment command) {
        apply(new WorkflowPolicy(status).comment(id, command));
    }

    @CommandHandler
    void handle(SubmitForReview command) {
        apply(new WorkflowPolicy(status).submit(id, command));
    }

    @CommandHandler
    void handle(RequestChanges command) {
        apply(new WorkflowPolicy(status).requestChanges(id, command));
    }

    /**
     * An agency version becomes the working copy, is held for an editor, or withdraws the article. Guards first; then
     * one commit: the content events the ordinary commands would have recorded (checked as they would check them),
     * followed by the provenance.
     */
    @CommandHandler
    AgencyOutcome handle(IngestAgencyVersion command) {
        AgencyReception reception = agency.receive(id, status, workingCopy, command);
        reception.events().forEach(AggregateLifecycle::apply);
        return reception.outcome();
    }

    /** Guards first; then one commit: the held version's content events, followed by its provenance. */
    @CommandHandler
    void handle(ApplyAgencyUpdate command) {
        agency.apply(id, workingCopy, command).forEach(AggregateLifecycle::apply);
    }

    @CommandHandler
    void handle(DismissAgencyUpdate command) {
        apply(agency.dismiss(id, command));
    }

    @CommandHandler
    Publication handle(PublishArticle command) {
        agency.requirePublishable();
        ArticlePublished published = publication().publish(id, workingCopy, timetable.release(command));
        apply(published);
        return new Publication(published.publicationNumber(), published.slug());
    }

    @CommandHandler
    void handle(SchedulePublication command) {
        agency.requirePublishable();
        apply(timetable.schedule(id, command, publication()));
    }

    @CommandHandler
    void handle(CancelScheduledPublication command) {
        apply(timetable.cancel(id));
    }

    @CommandHandler
    void handle(SetEmbargo command) {
        apply(timetable.embargo(id, command));
    }

    @CommandHandler
    void handle(LiftEmbargo command) {
        apply(timetable.lift(id));
    }

    @CommandHandler
    void handle(UnpublishArticle command) {
        apply(new WorkflowPolicy(status).unpublish(id, command));
    }

    @CommandHandler
    void handle(KillArticle command) {
        apply(new WorkflowPolicy(status).kill(id, command));
    }

    private PublicationPolicy publication() {
        return new PublicationPolicy(status, publicationNumber, slug, pendingChanges, reviewed);
    }

    @EventSourcingHandler
    void on(ArticleDrafted event) {
        id = event.articleId();
        status = DRAFT;
        workingCopy = WorkingCopy.of(event);
    }

    /** Every other event: the workflow's steps, edits of the working copy, the timetable's, comments. */
    @EventSourcingHandler
    void on(ArticleEvent event) {
        WorkingCopy edited = workingCopy.with(event);
        pendingChanges = pendingChanges || edited != workingCopy; // with(event) is the copy itself when untouched
        workingCopy = edited;
        status = status.after(event);
        reviewed = reviewed || event instanceof ArticleSubmittedForReview;
        timetable = timetable.with(event);
        agency = agency.with(event, workingCopy);
    }

    @EventSourcingHandler
    void on(ArticlePublished event) {
        status = PUBLISHED;
        publicationNumber = event.publicationNumber();
        slug = event.slug();
        pendingChanges = false;
        timetable = timetable.with(event);
    }
}
