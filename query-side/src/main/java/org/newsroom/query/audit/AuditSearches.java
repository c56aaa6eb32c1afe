package org.newsroom.query.audit;

import static com.mongodb.client.model.Filters.in;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.newsroom.query.article.ArticleVersion;
import org.newsroom.query.projection.Documents;
import org.newsroom.query.projection.ProjectionBatch;
import org.newsroom.query.projection.ProjectionCollections;
import org.newsroom.query.projection.Projections;
import org.newsroom.query.search.SearchIndex;
import org.springframework.stereotype.Service;

/** Finds articles for the auditors, in any state, from the audit read model alone. */
@Service
public class AuditSearches {

    private final Projections projections;

    AuditSearches(Projections projections) {
        this.projections = projections;
    }

    /** The articles the auditors' index finds, then their documents by {@code _id}: no scan. */
    public AuditedArticles handle(FindArticles query) {
        ProjectionCollections audit = projections.active(AuditReadModel.NAME);
        SearchIndex.Page found = SearchIndex.find(audit, AuditSearch.query(query), query.page(), query.size());
        Map<String, AuditedArticle> articles = new HashMap<>();
        if (!found.articleIds().isEmpty()) {
            audit.collection(AuditReadModel.ARTICLES)
                    .find(in(ProjectionBatch.ID, found.articleIds()))
                    .projection(com.mongodb.client.model.Projections.exclude("body", "photos", "live"))
                    .forEach(document -> {
                        ArticleVersion article = Documents.fromDocument(document, ArticleVersion.class);
                        articles.put(
                                article.id(),
                                new AuditedArticle(
                                        article.id(),
                                        article.headline(),
                                        article.state(),
                                        article.version(),
                                        article.timestamp()));
                    });
        }
        return new AuditedArticles(
                found.articleIds().stream()
                        .map(articles::get)
                        .filter(Objects::nonNull)
                        .toList(),
                query.page(),
                query.size(),
                found.total());
    }
}
