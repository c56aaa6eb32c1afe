package org.newsroom.query.site;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.newsroom.query.projection.Documents;
import org.newsroom.query.projection.ProjectionBatch;
import org.newsroom.query.projection.ProjectionCollections;
import org.newsroom.query.projection.Projections;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.model.Sorts;

/** Answers the site's queries from the active version of the site read model. */
@Service
public class SiteArticles {

    private static final String CURSOR_PREFIX = "after:";

    private final Projections projections;

    SiteArticles(Projections projections) {
        this.projections = projections;
    }

    /** By the unique slug index: one lookup. Never published and unpublished articles are empty. */
    public Optional<SitePage> handle(FindPublishedArticle query) {
        return Optional.ofNullable(site().collection(SiteReadModel.ARTICLES)
                        .find(eq("slug", query.slug()))
                        .first())
                .map(document -> Documents.fromDocument(document, SiteArticle.class))
                .flatMap(SiteArticles::page);
    }

    private static Optional<SitePage> page(SiteArticle article) {
        return switch (article.status()) {
            case PUBLISHED ->
                Optional.of(new SitePage.Live(article.ninjs(), article.etag(), article.modified(), article.notes()));
            case KILLED -> Optional.of(new SitePage.Killed(article.notice(), article.modified()));
            case UNPUBLISHED -> Optional.empty();
        };
    }

    /** A scan of published articles, ordered by the position of their first publication: list screens only. */
    public SiteList handle(FindSiteList query) {
        ProjectionCollections site = site();
        Bson published = eq("status", SiteStatus.PUBLISHED.name());
        Bson filter = query.cursor() == null ? published : and(published, lt("listKey", decode(query.cursor())));
        List<SiteArticle> page = site.collection(SiteReadModel.ARTICLES)
                .find(filter)
                .sort(Sorts.descending("listKey"))
                .limit(query.limit() + 1)
                .map(document -> Documents.fromDocument(document, SiteArticle.class))
                .into(new ArrayList<>());
        String next =
                page.size() > query.limit() ? encode(page.get(query.limit() - 1).listKey()) : null;
        List<SiteArticle> items = page.subList(0, Math.min(query.limit(), page.size()));
        Document meta = site.collection(SiteReadModel.META)
                .find(eq(ProjectionBatch.ID, SiteReadModel.LIST))
                .first();
        Instant lastModified = meta == null
                ? Instant.EPOCH
                : Documents.fromDocument(meta, SiteListMeta.class).lastModified();
        StringBuilder tag = new StringBuilder(String.valueOf(next));
        items.forEach(item -> tag.append(item.etag()));
        List<ObjectNode> documents = items.stream().map(SiteArticle::ninjs).toList();
        return new SiteList(documents, next, etagOf(tag.toString()), lastModified);
    }

    private ProjectionCollections site() {
        return projections.active(SiteReadModel.NAME);
    }

    static String encode(long listKey) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((CURSOR_PREFIX + listKey).getBytes(StandardCharsets.UTF_8));
    }

    static long decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(CURSOR_PREFIX)) {
                return Long.parseLong(text.substring(CURSOR_PREFIX.length()));
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new IllegalArgumentException("not a cursor of this list: " + cursor);
    }

    private static String etagOf(String text) {
        try {
            byte[] digest =
                    java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "\"" + java.util.HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
