package org.newsroom.query.editorial;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.bson.Document;
import org.newsroom.query.projection.Documents;
import org.newsroom.query.projection.ProjectionBatch;
import org.newsroom.query.projection.ProjectionCollections;
import org.newsroom.query.search.SearchIndex;
import org.springframework.stereotype.Service;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;

/** Answers editorial queries from the active version of the editorial read model. */
@Service
public class EditorialArticles {

    private final org.newsroom.query.projection.Projections projections;

    EditorialArticles(org.newsroom.query.projection.Projections projections) {
        this.projections = projections;
    }

    /** By {@code _id}: one lookup. */
    public Optional<EditorialArticle> handle(FindArticle query) {
        return Optional.ofNullable(articles()
                        .find(eq(ProjectionBatch.ID, query.articleId()))
                        .first())
                .map(document -> Documents.fromDocument(document, EditorialArticle.class));
    }

    /**
     * The articles the work list's index finds ({@link SearchIndex#find}), then the page's documents by {@code _id}:
     * no scan of the articles, whatever the filters.
     */
    public WorkList handle(FindWorkList query) {
        ProjectionCollections editorial = projections.active(EditorialReadModel.NAME);
        SearchIndex.Page found = SearchIndex.find(editorial, EditorialSearch.query(query), query.page(), query.size());
        Map<String, WorkItem> items = new HashMap<>();
        if (!found.articleIds().isEmpty()) {
            editorial
                    .collection(EditorialReadModel.ARTICLES)
                    .find(in(ProjectionBatch.ID, found.articleIds()))
                    .projection(Projections.exclude("body", "photos", "conversation"))
                    .forEach(document -> {
                        WorkItem item = WorkItem.of(Documents.fromDocument(document, EditorialArticle.class));
                        items.put(item.id(), item);
                    });
        }
        return new WorkList(
                found.articleIds().stream()
                        .map(items::get)
                        .filter(Objects::nonNull)
                        .toList(),
                query.page(),
                query.size(),
                found.total());
    }

    private MongoCollection<Document> articles() {
        return projections.active(EditorialReadModel.NAME).collection(EditorialReadModel.ARTICLES);
    }
}
