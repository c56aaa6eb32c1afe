package org.newsroom.query.audit;

import java.util.List;

import org.newsroom.query.projection.ProjectionWriter;
import org.newsroom.query.projection.ReadModel;
import org.springframework.stereotype.Component;

/** The audit read model: {@code articles} (the article as of its last event) and {@code entries} (one per event). */
@Component
public class AuditReadModel implements ReadModel {

    public static final String NAME = "audit";
    static final String ARTICLES = "articles";
    static final String ENTRIES = "entries";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> collections() {
        return List.of(ARTICLES, ENTRIES);
    }

    @Override
    public List<String> articleCollections() {
        return List.of(ARTICLES);
    }

    @Override
    public Object newProjection(ProjectionWriter writer) {
        return new AuditProjection(writer);
    }
}
