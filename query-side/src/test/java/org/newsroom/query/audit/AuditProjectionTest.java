package org.newsroom.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.newsroom.query.TestEvents.at;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.newsroom.article.ArticleDrafted;
import org.newsroom.article.ArticleId;
import org.newsroom.article.ArticleRevised;
import org.newsroom.article.ArticleUnpublished;
import org.newsroom.article.PhotoAttached;
import org.newsroom.article.PhotoId;
import org.newsroom.query.InMemoryMongo;
import org.newsroom.query.projection.Documents;
import org.newsroom.query.projection.ProjectionCollections;
import org.newsroom.query.projection.ProjectionWriter;

class AuditProjectionTest {

    @RegisterExtension
    static final InMemoryMongo MONGO = new InMemoryMongo();

    private static final ArticleId ID = new ArticleId("audit-unit");

    private ProjectionCollections target;
    private AuditProjection projection;

    @BeforeEach
    void projection() {
        target = new ProjectionCollections(AuditReadModel.NAME, 1, MONGO.freshDatabase());
        projection = new AuditProjection(new ProjectionWriter("audit", () -> target, position -> {}));
    }

    @Test
    void recordsEveryEventWithWhoWhenAndWhatChanged() {
        ArticleDrafted drafted = new ArticleDrafted(ID, "Headline", null, "<p>One.</p><p>Two.</p>", "en");
        projection.on(drafted, at(3, 1, drafted, "reporter"));
        PhotoAttached photo =
                new PhotoAttached(ID, new PhotoId("p1"), "https://img.example/1.jpg", "Caption", "Credit", null);
        projection.on(photo, at(8, 2, photo, "reporter"));
        ArticleRevised revised = new ArticleRevised(ID, null, null, "<p>One.</p><p>Two, revised.</p>", null);
        projection.on(revised, at(9, 3, revised, "editor"));

        AuditEntry first = entry(1);
        assertThat(first.type()).isEqualTo("ArticleDrafted");
        assertThat(first.actor()).isEqualTo("reporter");
        assertThat(first.correlationId()).isEqualTo("correlation-3");
        assertThat(first.changes())
                .extracting(FieldChange::field)
                .containsExactly("state", "headline", "body", "language");
        assertThat(entry(2).changes())
                .extracting(FieldChange::field)
                .containsExactly("photoOrder", "photos.p1.uri", "photos.p1.caption", "photos.p1.credit");
        FieldChange body = entry(3).changes().get(0);
        assertThat(body.field()).isEqualTo("body");
        assertThat(body.diff())
                .containsExactly("@@ -1,2 +1,2 @@", " <p>One.</p>", "-<p>Two.</p>", "+<p>Two, revised.</p>");
        assertThat(entry(3).position()).isEqualTo(9);
        assertThat(entry(3).actor()).isEqualTo("editor");
    }

    @Test
    void aReplayedEventChangesNothingAndAMissingEventIsPoison() {
        ArticleDrafted drafted = new ArticleDrafted(ID, "Headline", null, "", "en");
        projection.on(drafted, at(3, 1, drafted, "reporter"));
        List<String> before = all();
        projection.on(drafted, at(3, 1, drafted, "reporter"));
        assertThat(all()).isEqualTo(before);

        ArticleUnpublished skipped = new ArticleUnpublished(ID, "why");
        assertThatThrownBy(() -> projection.on(skipped, at(5, 3, skipped, "editor")))
                .hasMessageContaining("is at version 1 but the next event makes version 3");
        ArticleRevised orphan = new ArticleRevised(new ArticleId("never-drafted"), "x", null, null, null);
        assertThatThrownBy(() -> projection.on(orphan, at(6, 2, orphan, "editor")))
                .hasMessageContaining("never drafted");
        assertThat(all()).isEqualTo(before);
    }

    private AuditEntry entry(long version) {
        Document document = target.collection(AuditReadModel.ENTRIES)
                .find(new Document("_id", AuditEntry.key(ID.value(), version)))
                .first();
        return Documents.fromDocument(document, AuditEntry.class);
    }

    private List<String> all() {
        List<String> documents = new ArrayList<>();
        target.collection(AuditReadModel.ENTRIES).find().forEach(document -> documents.add(document.toJson()));
        target.collection(AuditReadModel.ARTICLES).find().forEach(document -> documents.add(document.toJson()));
        return documents;
    }
}
