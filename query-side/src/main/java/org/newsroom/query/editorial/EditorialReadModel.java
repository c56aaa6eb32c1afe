package org.newsroom.query.editorial;

import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.newsroom.query.projection.ProjectionBatch;
import org.newsroom.query.projection.ProjectionWriter;
import org.newsroom.query.projection.ReadModel;
import org.newsroom.query.search.SearchIndex;
import org.springframework.stereotype.Component;

/**
 * The editorial read model: {@code articles}, keyed by article id, and the work list's word index, {@code search}
 * ({@link SearchIndex}).
 */
@Component
public class EditorialReadModel implements ReadModel {

    public static final String NAME = "editorial";
    static final String ARTICLES = "articles";
    static final String SEARCH = SearchIndex.COLLECTION;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> collections() {
        return List.of(ARTICLES, SEARCH);
    }

    /** Its word index shares posting lists between articles. */
    @Override
    public boolean projectsArticlesIndependently() {
        return false;
    }

    @Override
    public List<String> articleCollections() {
        return List.of(ARTICLES);
    }

    /** The index documents of the batch's articles, read at once: every event updates its article's. */
    @Override
    public void prefetch(ProjectionBatch batch, List<? extends EventMessage<?>> events) {
        SearchIndex.prefetch(batch, events);
    }

    @Override
    public Object newProjection(ProjectionWriter writer) {
        return new EditorialProjection(writer);
    }
}
