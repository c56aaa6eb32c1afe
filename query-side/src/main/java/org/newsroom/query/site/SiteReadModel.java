package org.newsroom.query.site;

import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.newsroom.article.ArticlePublished;
import org.newsroom.query.projection.ProjectionBatch;
import org.newsroom.query.projection.ProjectionCollections;
import org.newsroom.query.projection.ProjectionWriter;
import org.newsroom.query.projection.ReadModel;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/** The site read model: {@code articles} (by id, unique slug) and {@code meta}. */
@Component
@EnableConfigurationProperties(SiteSettings.class)
public class SiteReadModel implements ReadModel {

    public static final String NAME = "site";
    static final String ARTICLES = "articles";
    static final String META = "meta";
    static final String LIST = "list";

    private final NinjsDocuments ninjs;

    SiteReadModel(SiteSettings settings) {
        this.ninjs = new NinjsDocuments(settings);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> collections() {
        return List.of(ARTICLES, META);
    }

    @Override
    public void createIndexes(ProjectionCollections target) {
        target.collection(ARTICLES)
                .createIndex(
                        Indexes.ascending("slug"),
                        new IndexOptions().unique(true).name("slug"));
    }

    @Override
    public List<String> articleCollections() {
        return List.of(ARTICLES);
    }

    /** The slugs of the batch's publications: their uniqueness is checked against the stored articles. */
    @Override
    public void prefetch(ProjectionBatch batch, List<? extends EventMessage<?>> events) {
        List<String> slugs = events.stream()
                .filter(event -> event.getPayload() instanceof ArticlePublished)
                .map(event -> ((ArticlePublished) event.getPayload()).slug())
                .toList();
        if (!slugs.isEmpty()) {
            batch.prefetchUnique(ARTICLES, "slug", slugs);
        }
    }

    @Override
    public Object newProjection(ProjectionWriter writer) {
        return new SiteProjection(writer, ninjs);
    }
}
