package org.newsroom.query.editorial;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.regex;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.newsroom.query.projection.Documents;
import org.newsroom.query.projection.ProjectionBatch;
import org.springframework.stereotype.Service;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

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

    /** A scan with a filter, newest update (highest position) first: list screens only. */
    public WorkList handle(FindWorkList query) {
        List<Bson> filters = new ArrayList<>();
        if (query.state() != null) {
            filters.add(eq("state", query.state().name()));
        }
        if (query.headlineContains() != null && !query.headlineContains().isBlank()) {
            filters.add(regex("headline", Pattern.quote(query.headlineContains().trim()), "i"));
        }
        Bson filter = filters.isEmpty() ? Filters.empty() : and(filters);
        MongoCollection<Document> articles = articles();
        List<WorkItem> items = articles.find(filter)
                .projection(Projections.exclude("body", "photos", "bylines"))
                .sort(Sorts.descending(ProjectionBatch.LAST_POSITION))
                .skip(query.page() * query.size())
                .limit(query.size())
                .map(document -> Documents.fromDocument(document, WorkItem.class))
                .into(new ArrayList<>());
        return new WorkList(items, query.page(), query.size(), articles.countDocuments(filter));
    }

    private MongoCollection<Document> articles() {
        return projections.active(EditorialReadModel.NAME).collection(EditorialReadModel.ARTICLES);
    }
}
