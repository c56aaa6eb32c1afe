package org.newsroom.query.editorial;

import java.util.function.UnaryOperator;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
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
import org.newsroom.query.projection.Documents;
import org.newsroom.query.projection.EventContext;
import org.newsroom.query.projection.ProjectionWriter;

/**
 * Projects every event into the article's editorial document, {@code _id} = article id. An event at or below the
 * document's last position is ignored; an event for an article that was never drafted is a poison event.
 */
@ProcessingGroup(EditorialReadModel.NAME)
public class EditorialProjection {

    private final ProjectionWriter writer;

    public EditorialProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    public void on(ArticleDrafted event, EventContext context) {
        String id = event.articleId().value();
        writer.change(batch -> {
            if (batch.find(EditorialReadModel.ARTICLES, id)
                    .filter(d -> applied(d, context))
                    .isEmpty()) {
                batch.put(
                        EditorialReadModel.ARTICLES,
                        Documents.toDocument(id, context.position(), EditorialArticle.drafted(event, context)));
            }
        });
    }

    @EventHandler
    public void on(ArticleRevised event, EventContext context) {
        stageUpdate(event.articleId(), context, article -> article.revised(event));
    }

    @EventHandler
    public void on(PhotoAttached event, EventContext context) {
        stageUpdate(event.articleId(), context, article -> article.withPhoto(event));
    }

    @EventHandler
    public void on(PhotoUpdated event, EventContext context) {
        stageUpdate(
                event.articleId(),
                context,
                EditorialArticle.requirePhoto(event.photoId(), article -> article.withPhoto(event)));
    }

    @EventHandler
    public void on(PhotoDetached event, EventContext context) {
        stageUpdate(
                event.articleId(),
                context,
                EditorialArticle.requirePhoto(event.photoId(), article -> article.withoutPhoto(event)));
    }

    @EventHandler
    public void on(BylineAssigned event, EventContext context) {
        stageUpdate(event.articleId(), context, article -> article.withBylines(event.bylines()));
    }

    @EventHandler
    public void on(ArticleSubmittedForReview event, EventContext context) {
        stageUpdate(event.articleId(), context, article -> article.in(ArticleState.IN_REVIEW));
    }

    @EventHandler
    public void on(ChangesRequested event, EventContext context) {
        stageUpdate(event.articleId(), context, article -> article.in(ArticleState.DRAFT));
    }

    @EventHandler
    public void on(ArticlePublished event, EventContext context) {
        stageUpdate(event.articleId(), context, article -> article.published(event));
    }

    @EventHandler
    public void on(ArticleUnpublished event, EventContext context) {
        stageUpdate(event.articleId(), context, article -> article.in(ArticleState.UNPUBLISHED));
    }

    @EventHandler
    public void on(ArticleKilled event, EventContext context) {
        stageUpdate(event.articleId(), context, article -> article.in(ArticleState.KILLED));
    }

    private void stageUpdate(ArticleId articleId, EventContext context, UnaryOperator<EditorialArticle> change) {
        String id = articleId.value();
        writer.change(batch -> {
            Document stored = batch.find(EditorialReadModel.ARTICLES, id)
                    .orElseThrow(() -> new IllegalStateException("editorial: article " + id + " was never drafted"));
            if (applied(stored, context)) {
                return;
            }
            EditorialArticle changed = change.apply(Documents.fromDocument(stored, EditorialArticle.class))
                    .touched(context);
            batch.put(EditorialReadModel.ARTICLES, Documents.toDocument(id, context.position(), changed));
        });
    }

    private static boolean applied(Document stored, EventContext context) {
        return Documents.lastPosition(stored) >= context.position();
    }
}
