package org.newsroom.query.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsroom.article.ArticleContent;
import org.newsroom.article.ArticleDrafted;
import org.newsroom.article.ArticleEvent;
import org.newsroom.article.ArticleId;
import org.newsroom.article.ArticlePublished;
import org.newsroom.article.ArticleSubmittedForReview;
import org.newsroom.article.ArticleUnpublished;
import org.newsroom.article.ChangeKind;
import org.newsroom.article.PhotoId;
import org.newsroom.article.PhotoUpdated;

class ArticleFoldTest {

    private static final ArticleId ID = new ArticleId("fold-unit");
    private static final Instant NOON = Instant.parse("2026-03-14T12:00:00Z");
    private static final ArticleContent CONTENT =
            new ArticleContent("Headline", null, "<p>Body</p>", "en", List.of(), List.of());

    @Test
    void theWorkflowStateIsFoldedAndALivePublicationLastsUntilTheArticleIsUnpublished() {
        ArticleVersion drafted = fold(null, new ArticleDrafted(ID, "Headline", null, "<p>Body</p>", "en"), 1);
        ArticleVersion submitted = fold(drafted, new ArticleSubmittedForReview(ID, "ready"), 2);
        ArticleVersion published =
                fold(submitted, new ArticlePublished(ID, 2, "headline", ChangeKind.CORRECTION, "Fixed.", CONTENT), 3);
        ArticleVersion unpublished = fold(published, new ArticleUnpublished(ID, "legal"), 4);

        assertThat(List.of(drafted, submitted, published, unpublished))
                .extracting(ArticleVersion::state)
                .containsExactly(
                        ArticleState.DRAFT, ArticleState.IN_REVIEW, ArticleState.PUBLISHED, ArticleState.UNPUBLISHED);
        assertThat(submitted.note()).isEqualTo("ready");
        assertThat(published.live())
                .isEqualTo(new LivePublication(2, 3, NOON.plusSeconds(3), "correction", "Fixed.", CONTENT));
        assertThat(published.slug()).isEqualTo("headline");
        assertThat(unpublished.live()).isNull();
        assertThat(unpublished.reason()).isEqualTo("legal");
        assertThat(unpublished.version()).isEqualTo(4);
        assertThat(unpublished.timestamp()).isEqualTo(NOON.plusSeconds(4));
    }

    @Test
    void theWorkingCopyIsPendingFromItsDraftUntilItGoesLiveAndAgainOnceItsContentChanges() {
        ArticleEvent drafted = new ArticleDrafted(ID, "Headline", null, "", "en");
        ArticleEvent submitted = new ArticleSubmittedForReview(ID, null);
        ArticleEvent published = new ArticlePublished(ID, 1, "headline", null, null, CONTENT);
        ArticleEvent updated = new PhotoUpdated(ID, new PhotoId("p1"), "Caption", null, null);

        assertThat(ArticleFold.pendingChanges(false, drafted)).isTrue();
        assertThat(ArticleFold.pendingChanges(true, published)).isFalse();
        assertThat(ArticleFold.pendingChanges(false, submitted)).isFalse();
        assertThat(ArticleFold.pendingChanges(true, submitted)).isTrue();
        assertThat(ArticleFold.pendingChanges(false, updated)).isTrue();
    }

    @Test
    void anArticleIsDraftedOnceAndBeforeAnythingElse() {
        ArticleDrafted drafted = new ArticleDrafted(ID, "Headline", null, "", "en");
        ArticleVersion first = fold(null, drafted, 1);

        assertThatThrownBy(() -> fold(first, drafted, 2)).hasMessageContaining("drafted twice");
        assertThatThrownBy(() -> fold(null, new ArticleSubmittedForReview(ID, null), 1))
                .hasMessageContaining("never drafted");
    }

    private static ArticleVersion fold(ArticleVersion before, ArticleEvent event, long version) {
        return ArticleFold.apply(before, event, version, NOON.plusSeconds(version));
    }
}
