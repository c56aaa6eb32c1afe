package org.newsroom.query.media;

import java.util.List;

import org.newsroom.query.projection.ProjectionWriter;
import org.newsroom.query.projection.ReadModel;
import org.springframework.stereotype.Component;

/** The media read model: {@code images}, one document per upload, by media id. */
@Component
public class MediaReadModel implements ReadModel {

    public static final String NAME = "media";
    static final String IMAGES = "images";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> collections() {
        return List.of(IMAGES);
    }

    /**
     * A publication marks images of another aggregate (the upload's) public: in two segments, it could be projected
     * before the upload it names and find nothing to mark.
     */
    @Override
    public boolean projectsArticlesIndependently() {
        return false;
    }

    @Override
    public Object newProjection(ProjectionWriter writer) {
        return new MediaProjection(writer);
    }
}
