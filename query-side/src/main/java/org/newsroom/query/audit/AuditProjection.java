package org.newsroom.query.audit;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.newsroom.article.ArticleEvent;
import org.newsroom.log.CheckpointSigned;
import org.newsroom.media.MediaEvent;
import org.newsroom.query.article.ArticleFold;
import org.newsroom.query.article.ArticleVersion;
import org.newsroom.query.projection.Documents;
import org.newsroom.query.projection.EventContext;
import org.newsroom.query.projection.ProjectionWriter;
import org.newsroom.query.search.SearchIndex;

/**
 * Appends an entry per event to {@code entries} ({@code _id} = {@code <articleId>/<version>}), with what changed in the
 * article and what the event says besides ({@link EventDetails}); keeps the article as of its last event in
 * {@code articles} ({@code _id} = article id), from which the next event's changes are computed, and its words and
 * state in the auditors' {@link SearchIndex}. All are written only if their position is new; an event that cannot
 * follow the stored article is a poison event.
 */
@ProcessingGroup(AuditReadModel.NAME)
public class AuditProjection {

    private final ProjectionWriter writer;

    public AuditProjection(ProjectionWriter writer) {
        this.writer = writer;
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

    @EventHandler
    public void on(ArticleEvent event, EventContext context) {
        String id = event.articleId().value();
        writer.change(batch -> {
            Document stored = batch.find(AuditReadModel.ARTICLES, id).orElse(null);
            if (stored != null && Documents.lastPosition(stored) >= context.position()) {
                return;
            }
            ArticleVersion before = stored == null ? null : Documents.fromDocument(stored, ArticleVersion.class);
            if (before != null && before.version() + 1 != context.version()) {
                throw new IllegalStateException("audit: article " + id + " is at version " + before.version()
                        + " but the next event makes version " + context.version());
            }
            ArticleVersion after = ArticleFold.apply(before, event, context.version(), context.timestamp());
            List<FieldChange> changes = new ArrayList<>(FieldChanges.between(before, after));
            changes.addAll(EventDetails.of(event));
            AuditEntry entry = new AuditEntry(
                    id,
                    context.position(),
                    context.version(),
                    event.getClass().getSimpleName(),
                    context.actor(),
                    context.timestamp(),
                    context.correlationId(),
                    changes);
            batch.put(
                    AuditReadModel.ENTRIES,
                    Documents.toDocument(AuditEntry.key(id, context.version()), context.position(), entry));
            SearchIndex.update(batch, id, context.position(), AuditSearch.terms(after));
            batch.put(AuditReadModel.ARTICLES, Documents.toDocument(id, context.position(), after));
        });
    }
}
