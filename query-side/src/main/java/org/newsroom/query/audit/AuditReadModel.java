package org.newsroom.query.audit;

import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.newsroom.query.projection.ProjectionBatch;
import org.newsroom.query.projection.ProjectionWriter;
import org.newsroom.query.projection.ReadModel;
import org.newsroom.query.search.SearchIndex;
import org.springframework.stereotype.Component;

/**
 * The audit read model: {@code articles} (the article as of its last event), {@code entries} (one per event) and
 * {@code search} (the auditors' word index, {@link SearchIndex}).
 */
@Component
public class AuditReadModel implements ReadModel {

    public static final String NAME = "audit";
    static final String ARTICLES = "articles";
    static final String ENTRIES = "entries";
    static final String SEARCH = SearchIndex.COLLECTION;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> collections() {
        return List.of(ARTICLES, ENTRIES, SEARCH);
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

    @Override
    public void prefetch(ProjectionBatch batch, List<? extends EventMessage<?>> events) {
        SearchIndex.prefetch(batch, events);
    }

    @Override
    public Object newProjection(ProjectionWriter writer) {
        return new AuditProjection(writer);
    }
}
