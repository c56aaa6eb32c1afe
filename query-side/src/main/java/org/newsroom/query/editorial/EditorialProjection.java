package org.newsroom.query.editorial;

import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.newsroom.article.ArticleDrafted;
import org.newsroom.article.ArticleEvent;
import org.newsroom.article.PhotoDetached;
import org.newsroom.article.PhotoId;
import org.newsroom.article.PhotoUpdated;
import org.newsroom.query.article.ArticleFold;
import org.newsroom.query.article.ArticleVersion;
import org.newsroom.query.projection.Documents;
import org.newsroom.query.projection.EventContext;
import org.newsroom.query.projection.ProjectionWriter;
import org.newsroom.query.search.SearchIndex;

/**
 * Projects every event into the article's editorial document, {@code _id} = article id, through the shared
 * {@link ArticleFold} and the article's {@link DeskState}, and keeps the article's terms in the work list's
 * {@link SearchIndex}. An event at or below the document's last position is ignored; an event for an article that was
 * never drafted, or for a photo it does not have, is a poison event.
 */
@ProcessingGroup(EditorialReadModel.NAME)
public class EditorialProjection {

    private final ProjectionWriter writer;

    public EditorialProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    public void on(ArticleEvent event, EventContext context) {
        String id = event.articleId().value();
        writer.change(batch -> {
            Optional<Document> stored = batch.find(EditorialReadModel.ARTICLES, id);
            if (stored.filter(document -> applied(document, context)).isPresent()) {
                return;
            }
            EditorialArticle changed;
            if (event instanceof ArticleDrafted) {
                // a draft starts the article afresh, whatever an older document says
                changed = EditorialArticle.drafted(
                        ArticleFold.apply(null, event, context.version(), context.timestamp()), context);
            } else {
                EditorialArticle before = Documents.fromDocument(
                        stored.orElseThrow(
                                () -> new IllegalStateException("editorial: article " + id + " was never drafted")),
                        EditorialArticle.class);
                requirePhoto(before, event);
                ArticleVersion after =
                        ArticleFold.apply(before.folded(), event, context.version(), context.timestamp());
                changed = before.next(
                        after,
                        ArticleFold.pendingChanges(before.pendingChanges(), event),
                        before.desk().after(event, context),
                        AgencyProvenance.after(before.agency(), event),
                        context);
            }
            // the index first: the article's document, written last, is what makes a replay skip the event
            SearchIndex.update(batch, id, context.position(), EditorialSearch.terms(changed));
            batch.put(EditorialReadModel.ARTICLES, Documents.toDocument(id, context.position(), changed));
        });
    }

    private static void requirePhoto(EditorialArticle article, ArticleEvent event) {
        PhotoId photoId = event instanceof PhotoUpdated updated
                ? updated.photoId()
                : event instanceof PhotoDetached detached ? detached.photoId() : null;
        if (photoId != null
                && article.photos().stream().noneMatch(photo -> photo.photoId().equals(photoId))) {
            throw new IllegalStateException("article " + article.id() + " has no photo " + photoId);
        }
    }

    private static boolean applied(Document stored, EventContext context) {
        return Documents.lastPosition(stored) >= context.position();
    }
}
