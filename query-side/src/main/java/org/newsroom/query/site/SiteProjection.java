package org.newsroom.query.site;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.newsroom.article.ArticleEvent;
import org.newsroom.article.ArticleKilled;
import org.newsroom.article.ArticlePublished;
import org.newsroom.article.ArticleUnpublished;
import org.newsroom.article.ChangeKind;
import org.newsroom.log.CheckpointSigned;
import org.newsroom.media.MediaEvent;
import org.newsroom.query.projection.Documents;
import org.newsroom.query.projection.EventContext;
import org.newsroom.query.projection.ProjectionBatch;
import org.newsroom.query.projection.ProjectionWriter;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Projects publications into the site: {@code articles} by article id (with a unique index on the slug) and one
 * {@code meta} document, {@code _id: "list"}, that dates the last change of the list. Edits of the working copy do
 * not reach the site; only {@link ArticlePublished} carries content here.
 */
@ProcessingGroup(SiteReadModel.NAME)
public class SiteProjection {

    private final ProjectionWriter writer;
    private final NinjsDocuments ninjs;

    public SiteProjection(ProjectionWriter writer, NinjsDocuments ninjs) {
        this.writer = writer;
        this.ninjs = ninjs;
    }

    @EventHandler
    public void on(ArticlePublished event, EventContext context) {
        writer.change(batch -> {
            boolean ownSlug = batch.find(
                            SiteReadModel.ARTICLES, event.articleId().value())
                    .filter(own -> event.slug().equals(own.get("slug")))
                    .isPresent();
            if (ownSlug) {
                return; // the unique index already gives this slug to this article
            }
            batch.findUnique(SiteReadModel.ARTICLES, "slug", event.slug())
                    .filter(holder -> !event.articleId().value().equals(holder.get(ProjectionBatch.ID)))
                    .ifPresent(holder -> {
                        throw new IllegalStateException("slug " + event.slug() + " of article " + event.articleId()
                                + " is taken by article " + holder.get(ProjectionBatch.ID));
                    });
        });
        stageChange(event.articleId().value(), context, stored -> {
            Instant firstPublished = stored.map(SiteArticle::firstPublished).orElse(context.timestamp());
            long listKey = stored.map(SiteArticle::listKey).orElse(context.position());
            List<PublicNote> notes =
                    new ArrayList<>(stored.map(SiteArticle::notes).orElse(List.of()));
            if (event.changeKind() != null && event.changeKind() != ChangeKind.UPDATE && event.note() != null) {
                notes.add(new PublicNote(
                        kind(event.changeKind()), event.note(), event.publicationNumber(), context.timestamp()));
            }
            ObjectNode document = ninjs.render(event, firstPublished, context.timestamp(), notes);
            return Optional.of(new SiteArticle(
                    event.articleId().value(),
                    event.slug(),
                    SiteStatus.PUBLISHED,
                    listKey,
                    firstPublished,
                    context.timestamp(),
                    event.publicationNumber(),
                    notes,
                    null,
                    document,
                    NinjsDocuments.etag(document)));
        });
    }

    @EventHandler
    public void on(ArticleUnpublished event, EventContext context) {
        stageChange(event.articleId().value(), context, stored -> stored.map(a -> a.unpublished(context.timestamp())));
    }

    @EventHandler
    public void on(ArticleKilled event, EventContext context) {
        stageChange(
                event.articleId().value(),
                context,
                stored -> stored.map(a -> a.killed(event.notice(), context.timestamp())));
    }

    /**
     * The log's own checkpoints change nothing here, but count as processed, so that the projection's position (and
     * a rebuild's) passes them like the live processor's token does.
     */
    @EventHandler
    public void on(CheckpointSigned checkpoint) {
        // the writer's interceptor records the position of every event this projection is handed
    }

    /** Uploads to the media library change nothing here either, and count as processed too. */
    @EventHandler
    public void on(MediaEvent event) {
        // the writer's interceptor records the position of every event this projection is handed
    }

    /** Every other article event: nothing changes on the site, but the event counts as processed. */
    @EventHandler
    public void on(ArticleEvent event) {
        // the writer's interceptor records the position of every event this projection is handed
    }

    private void stageChange(
            String id, EventContext context, Function<Optional<SiteArticle>, Optional<SiteArticle>> change) {
        writer.change(batch -> {
            Optional<Document> stored = batch.find(SiteReadModel.ARTICLES, id);
            if (stored.isPresent() && Documents.lastPosition(stored.get()) >= context.position()) {
                return;
            }
            change.apply(stored.map(document -> Documents.fromDocument(document, SiteArticle.class)))
                    .ifPresent(article -> {
                        batch.put(SiteReadModel.ARTICLES, Documents.toDocument(id, context.position(), article));
                        stageListTouch(batch, context);
                    });
        });
    }

    private static void stageListTouch(ProjectionBatch batch, EventContext context) {
        batch.put(
                SiteReadModel.META,
                Documents.toDocument(SiteReadModel.LIST, context.position(), new SiteListMeta(context.timestamp())));
    }

    private static String kind(ChangeKind kind) {
        return kind == ChangeKind.CORRECTION ? "correction" : "clarification";
    }
}
