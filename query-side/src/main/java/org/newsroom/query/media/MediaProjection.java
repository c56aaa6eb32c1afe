package org.newsroom.query.media;

import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.newsroom.article.ArticleEvent;
import org.newsroom.article.ArticlePublished;
import org.newsroom.article.Photo;
import org.newsroom.log.CheckpointSigned;
import org.newsroom.media.MediaUploaded;
import org.newsroom.query.projection.Documents;
import org.newsroom.query.projection.EventContext;
import org.newsroom.query.projection.ProjectionWriter;

/**
 * Projects uploads into {@code images}, and marks an image published when a publication carries it. An image once
 * published stays public: its answers were cacheable for a year, so taking it back would not take it back.
 */
@ProcessingGroup(MediaReadModel.NAME)
public class MediaProjection {

    private final ProjectionWriter writer;

    public MediaProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    public void on(MediaUploaded event, EventContext context) {
        String id = event.mediaId().value();
        writer.change(batch -> {
            if (batch.find(MediaReadModel.IMAGES, id).isPresent()) {
                return;
            }
            batch.put(
                    MediaReadModel.IMAGES,
                    Documents.toDocument(
                            id,
                            context.position(),
                            new MediaImage(id, event.contentType(), event.sha256(), event.renditions(), false)));
        });
    }

    @EventHandler
    public void on(ArticlePublished event, EventContext context) {
        for (Photo photo : event.content().photos()) {
            if (photo.mediaId() == null) {
                continue;
            }
            String id = photo.mediaId().value();
            writer.change(batch -> {
                Optional<Document> stored = batch.find(MediaReadModel.IMAGES, id);
                if (stored.isEmpty() || Documents.lastPosition(stored.get()) >= context.position()) {
                    return;
                }
                MediaImage image = Documents.fromDocument(stored.get(), MediaImage.class);
                if (!image.published()) {
                    batch.put(
                            MediaReadModel.IMAGES, Documents.toDocument(id, context.position(), image.publishedNow()));
                }
            });
        }
    }

    /** The log's checkpoints and the other article events change nothing here, but count as processed. */
    @EventHandler
    public void on(CheckpointSigned checkpoint) {
        // the writer's interceptor records the position of every event this projection is handed
    }

    @EventHandler
    public void on(ArticleEvent event) {
        // the writer's interceptor records the position of every event this projection is handed
    }
}
