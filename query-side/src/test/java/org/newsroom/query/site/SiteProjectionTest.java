package org.newsroom.query.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.newsroom.query.TestEvents.at;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.newsroom.article.ArticleContent;
import org.newsroom.article.ArticleId;
import org.newsroom.article.ArticleKilled;
import org.newsroom.article.ArticlePublished;
import org.newsroom.article.ArticleRevised;
import org.newsroom.article.ArticleUnpublished;
import org.newsroom.article.Byline;
import org.newsroom.article.ChangeKind;
import org.newsroom.article.Photo;
import org.newsroom.article.PhotoId;
import org.newsroom.query.InMemoryMongo;
import org.newsroom.query.Ninjs;
import org.newsroom.query.TestEvents;
import org.newsroom.query.projection.Documents;
import org.newsroom.query.projection.ProjectionCollections;
import org.newsroom.query.projection.ProjectionWriter;

import com.fasterxml.jackson.databind.JsonNode;

class SiteProjectionTest {

    @RegisterExtension
    static final InMemoryMongo MONGO = new InMemoryMongo();

    private static final ArticleId ID = new ArticleId("site-unit");
    private static final ArticleContent CONTENT = new ArticleContent(
            "Headline",
            "Standfirst",
            "<p>Body</p>",
            "fr",
            List.of(new Photo(new PhotoId("p1"), "https://img.example/1.jpg", "Caption", "Photo: Someone/AFP", "Alt")),
            List.of(new Byline("Angus MacKinnon", null, "AFP"), new Byline("Jane Doe", "photographer", "Reuters")));

    private ProjectionCollections target;
    private SiteProjection projection;

    @BeforeEach
    void projection() {
        target = new ProjectionCollections(SiteReadModel.NAME, 1, MONGO.freshDatabase());
        new SiteReadModel(new SiteSettings("https://news.example.org/")).createIndexes(target);
        projection = new SiteProjection(
                new ProjectionWriter("site", () -> target, position -> {}),
                new NinjsDocuments(new SiteSettings("https://news.example.org/")));
    }

    @Test
    void aPublicationBecomesAValidNinjsDocumentAndCorrectionsStay() {
        ArticlePublished first = new ArticlePublished(ID, 1, "headline-siteunit", null, null, CONTENT);
        projection.on(first, at(10, 5, first, "editor"));
        SiteArticle live = stored();
        JsonNode ninjs = Ninjs.valid(live.ninjs());
        assertThat(live.status()).isEqualTo(SiteStatus.PUBLISHED);
        assertThat(ninjs.path("uri").asText()).isEqualTo("https://news.example.org/site/articles/headline-siteunit");
        assertThat(ninjs.path("language").asText()).isEqualTo("fr");
        assertThat(ninjs.path("by").asText()).isEqualTo("By Angus MacKinnon (AFP) and Jane Doe (Reuters)");
        assertThat(ninjs.at("/people/1/rel").asText()).isEqualTo("photographer");
        assertThat(ninjs.path("infoSources").findValuesAsText("name")).containsExactly("AFP", "Reuters");
        assertThat(ninjs.at("/associations/0/by").asText()).isEqualTo("Photo: Someone/AFP");
        assertThat(ninjs.at("/associations/0/descriptions/1/role").asText()).isEqualTo("alt");

        ArticleRevised edit = new ArticleRevised(ID, "Edited", null, null, null);
        projection.on(edit);
        assertThat(stored().ninjs()).isEqualTo(live.ninjs());

        ArticlePublished correction = new ArticlePublished(
                ID, 2, "headline-siteunit", ChangeKind.CORRECTION, "We got the name wrong.", CONTENT);
        projection.on(correction, at(12, 7, correction, "editor"));
        ArticlePublished update = new ArticlePublished(ID, 3, "headline-siteunit", ChangeKind.UPDATE, null, CONTENT);
        projection.on(update, at(13, 8, update, "editor"));
        JsonNode updated = Ninjs.valid(stored().ninjs());
        assertThat(updated.path("version").asText()).isEqualTo("3");
        assertThat(updated.path("firstCreated").asText())
                .isEqualTo(TestEvents.NOON.plusSeconds(10).toString());
        assertThat(updated.path("versionCreated").asText())
                .isEqualTo(TestEvents.NOON.plusSeconds(13).toString());
        assertThat(updated.at("/descriptions/1/role").asText()).isEqualTo("correction");
        assertThat(updated.at("/descriptions/1/value").asText()).isEqualTo("We got the name wrong.");
        assertThat(updated.path("descriptions")).hasSize(2);
        assertThat(stored().listKey()).isEqualTo(10);
    }

    @Test
    void unpublishingHidesAndKillingRemovesTheDocumentForGood() {
        ArticlePublished first = new ArticlePublished(ID, 1, "headline-siteunit", null, null, CONTENT);
        projection.on(first, at(10, 5, first, "editor"));
        ArticleUnpublished unpublished = new ArticleUnpublished(ID, "embargo");
        projection.on(unpublished, at(11, 6, unpublished, "editor"));
        assertThat(stored().status()).isEqualTo(SiteStatus.UNPUBLISHED);
        ArticleKilled killed = new ArticleKilled(ID, "legal", "Removed for legal reasons.");
        projection.on(killed, at(12, 7, killed, "editor"));
        assertThat(stored().status()).isEqualTo(SiteStatus.KILLED);
        assertThat(stored().notice()).isEqualTo("Removed for legal reasons.");
        assertThat(stored().ninjs()).isNull();

        projection.on(first, at(10, 5, first, "editor"));
        assertThat(stored().status()).isEqualTo(SiteStatus.KILLED);
    }

    @Test
    void anArticleKilledBeforeItsFirstPublicationNeverReachesTheSite() {
        ArticleKilled killed = new ArticleKilled(ID, "legal", "Removed.");
        projection.on(killed, at(3, 2, killed, "editor"));
        assertThat(target.collection(SiteReadModel.ARTICLES).countDocuments()).isZero();
    }

    @Test
    void aSlugTakenByAnotherArticleIsPoison() {
        ArticlePublished first = new ArticlePublished(ID, 1, "same-slug", null, null, CONTENT);
        projection.on(first, at(10, 5, first, "editor"));
        ArticlePublished other = new ArticlePublished(new ArticleId("other"), 1, "same-slug", null, null, CONTENT);
        assertThatThrownBy(() -> projection.on(other, at(11, 5, other, "editor")))
                .hasMessageContaining("taken by article site-unit");
    }

    private SiteArticle stored() {
        return Documents.fromDocument(
                target.collection(SiteReadModel.ARTICLES)
                        .find(new Document("_id", ID.value()))
                        .first(),
                SiteArticle.class);
    }
}
