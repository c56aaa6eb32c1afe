package org.newsroom.query.editorial;

import java.util.List;

import org.newsroom.query.projection.ProjectionWriter;
import org.newsroom.query.projection.ReadModel;
import org.springframework.stereotype.Component;

/** The editorial read model: one collection, {@code articles}, keyed by article id. */
@Component
public class EditorialReadModel implements ReadModel {

    public static final String NAME = "editorial";
    static final String ARTICLES = "articles";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> collections() {
        return List.of(ARTICLES);
    }

    @Override
    public List<String> articleCollections() {
        return List.of(ARTICLES);
    }

    @Override
    public Object newProjection(ProjectionWriter writer) {
        return new EditorialProjection(writer);
    }
}
