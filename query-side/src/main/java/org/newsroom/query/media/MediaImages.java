package org.newsroom.query.media;

import static com.mongodb.client.model.Filters.eq;

import java.io.InputStream;
import java.util.Optional;

import org.newsroom.platform.mongo.BinaryStore;
import org.newsroom.query.projection.Documents;
import org.newsroom.query.projection.ProjectionBatch;
import org.newsroom.query.projection.Projections;
import org.springframework.stereotype.Service;

/** Finds images in the active version of the media read model, and opens their files in GridFS. */
@Service
public class MediaImages {

    private final Projections projections;
    private final BinaryStore store;

    MediaImages(Projections projections, BinaryStore store) {
        this.projections = projections;
        this.store = store;
    }

    public Optional<MediaImage> find(String mediaId) {
        return Optional.ofNullable(projections
                        .active(MediaReadModel.NAME)
                        .collection(MediaReadModel.IMAGES)
                        .find(eq(ProjectionBatch.ID, mediaId))
                        .first())
                .map(document -> Documents.fromDocument(document, MediaImage.class));
    }

    public InputStream open(MediaImage image, String rendition) {
        return store.open(image.fileId(rendition));
    }
}
