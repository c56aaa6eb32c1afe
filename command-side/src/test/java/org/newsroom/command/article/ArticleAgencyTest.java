package org.newsroom.command.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.command.article.Rejections.invalid;
import static org.newsroom.command.article.Rejections.violation;
import static org.newsroom.command.article.Story.BOAT_PHOTO;
import static org.newsroom.command.article.Story.BYLINE;
import static org.newsroom.command.article.Story.ID;
import static org.newsroom.command.article.Story.LEAD_PHOTO;
import static org.newsroom.command.article.Story.plus;

import java.time.Instant;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.newsroom.article.AgencyItem;
import org.newsroom.article.AgencyItemIngested;
import org.newsroom.article.AgencyItemWithdrawn;
import org.newsroom.article.AgencyOriginal;
import org.newsroom.article.AgencyStatus;
import org.newsroom.article.AgencyUpdateDismissed;
import org.newsroom.article.AgencyUpdateHeld;
import org.newsroom.article.ArticleContent;
import org.newsroom.article.ArticlePublished;
import org.newsroom.article.ArticleRevised;
import org.newsroom.article.Byline;
import org.newsroom.article.BylineAssigned;
import org.newsroom.article.Photo;
import org.newsroom.article.PhotoAttached;
import org.newsroom.article.PhotoDetached;
import org.newsroom.article.PhotoId;
import org.newsroom.article.PhotoUpdated;

/** Agency versions on an article: applied while the desk has not edited the copy, held once it has, withdrawn. */
class ArticleAgencyTest {

    private static final String URI = "urn:newsml:afp.com:20190227:CNG.6f1a0e2b.501";
    private static final String NEW_HEADLINE = "Haftar meets Italy's defence minister in Rome";
    private static final Photo MAP =
            new Photo(new PhotoId("agency-map"), "https://images.example.com/afp/map.jpg", "Map of Libya", "AFP", "");

    private final FixtureConfiguration<Article> fixture = new AggregateTestFixture<>(Article.class);

    static AgencyItem item(String version, AgencyStatus status) {
        return new AgencyItem(
                "AFP",
                URI,
                version,
                Instant.parse("2019-02-27T16:00:00Z")
                        .plusSeconds(version.chars().sum()),
                3,
                List.of(),
                status,
                null,
                new AgencyOriginal("ab".repeat(32), 120, "application/json", "ninjs-3.1"),
                List.of(),
                List.of());
    }

    private static IngestAgencyVersion version(String version, AgencyStatus status, ArticleContent content) {
        return new IngestAgencyVersion(ID, item(version, status), content, LanguageList.DEFAULT);
    }

    private static ArticleContent updated() {
        ArticleContent story = Story.content();
        Photo recaptioned = new Photo(
                BOAT_PHOTO.photoId(), BOAT_PHOTO.uri(), "Rescuers bring the bodies ashore.", BOAT_PHOTO.credit(), "");
        return new ArticleContent(
                NEW_HEADLINE,
                story.standfirst(),
                story.body(),
                "en",
                List.of(LEAD_PHOTO, recaptioned, MAP),
                List.of(BYLINE));
    }

    private static List<Object> ingested() {
        return plus(Story.readyToPublish(), new AgencyItemIngested(ID, item("1", AgencyStatus.USABLE)));
    }

    private static List<Object> editedByTheDesk() {
        return plus(ingested(), new ArticleRevised(ID, "Haftar in Rome for talks", null, null, null));
    }

    @Test
    void theFirstVersionAfterTheOrdinaryCommandsRecordsOnlyItsProvenance() {
        fixture.given(Story.readyToPublish())
                .when(version("1", AgencyStatus.USABLE, Story.content()))
                .expectEvents(new AgencyItemIngested(ID, item("1", AgencyStatus.USABLE)))
                .expectResultMessagePayload(AgencyOutcome.APPLIED);
    }

    @Test
    void aLaterVersionOfACopyTheDeskLeftAloneBecomesARevisionOfItsChangesOnly() {
        fixture.given(ingested())
                .when(version("2", AgencyStatus.USABLE, updated()))
                .expectEvents(
                        new ArticleRevised(ID, NEW_HEADLINE, null, null, null),
                        new PhotoUpdated(ID, BOAT_PHOTO.photoId(), "Rescuers bring the bodies ashore.", null, null),
                        new PhotoAttached(ID, MAP.photoId(), MAP.uri(), MAP.caption(), MAP.credit(), ""),
                        new AgencyItemIngested(ID, item("2", AgencyStatus.USABLE)))
                .expectResultMessagePayload(AgencyOutcome.APPLIED);
    }

    @Test
    void aPhotoTheNewVersionLeavesOutIsDetachedAndNewBylinesAreAssigned() {
        ArticleContent story = Story.content();
        Byline second = new Byline("Ella Ide", null, "AFP");
        ArticleContent fewer = new ArticleContent(
                story.headline(), story.standfirst(), story.body(), "en", List.of(LEAD_PHOTO), List.of(BYLINE, second));

        fixture.given(ingested())
                .when(version("2", AgencyStatus.USABLE, fewer))
                .expectEvents(
                        new PhotoDetached(ID, BOAT_PHOTO.photoId()),
                        new BylineAssigned(ID, List.of(BYLINE, second)),
                        new AgencyItemIngested(ID, item("2", AgencyStatus.USABLE)));
    }

    @Test
    void aLaterVersionOfACopyTheDeskEditedIsHeldAndChangesNothing() {
        fixture.given(editedByTheDesk())
                .when(version("2", AgencyStatus.USABLE, updated()))
                .expectEvents(new AgencyUpdateHeld(ID, item("2", AgencyStatus.USABLE), updated()))
                .expectResultMessagePayload(AgencyOutcome.HELD);
    }

    @Test
    void aHeldVersionIsCheckedLikeTheCommandsThatWouldApplyIt() {
        ArticleContent story = Story.content();
        ArticleContent scripted =
                new ArticleContent(story.headline(), "", "<p>ok</p><script>x()</script>", "en", List.of(), List.of());

        fixture.given(editedByTheDesk())
                .when(version("2", AgencyStatus.USABLE, scripted))
                .expectNoEvents()
                .expectException(invalid("invalid-body", "body"));
    }

    @Test
    void anEditorAppliesTheHeldUpdateOverTheDesksEdits() {
        fixture.given(plus(editedByTheDesk(), new AgencyUpdateHeld(ID, item("2", AgencyStatus.USABLE), updated())))
                .when(new ApplyAgencyUpdate(ID, "2", LanguageList.DEFAULT, null))
                .expectEvents(
                        new ArticleRevised(ID, NEW_HEADLINE, null, null, null),
                        new PhotoUpdated(ID, BOAT_PHOTO.photoId(), "Rescuers bring the bodies ashore.", null, null),
                        new PhotoAttached(ID, MAP.photoId(), MAP.uri(), MAP.caption(), MAP.credit(), ""),
                        new AgencyItemIngested(ID, item("2", AgencyStatus.USABLE)));
    }

    @Test
    void onceAppliedTheNextVersionIsAppliedAgain() {
        fixture.given(plus(
                        editedByTheDesk(),
                        new AgencyUpdateHeld(ID, item("2", AgencyStatus.USABLE), Story.content()),
                        new ArticleRevised(ID, Story.HEADLINE, null, null, null),
                        new AgencyItemIngested(ID, item("2", AgencyStatus.USABLE))))
                .when(version("3", AgencyStatus.USABLE, updated()))
                .expectResultMessagePayload(AgencyOutcome.APPLIED);
    }

    @Test
    void anEditorDismissesTheHeldUpdateAndTheNextVersionIsHeldAgain() {
        List<Object> held =
                plus(editedByTheDesk(), new AgencyUpdateHeld(ID, item("2", AgencyStatus.USABLE), updated()));
        fixture.given(held)
                .when(new DismissAgencyUpdate(ID, "2", null))
                .expectEvents(new AgencyUpdateDismissed(ID, "2"));

        fixture.given(plus(held, new AgencyUpdateDismissed(ID, "2")))
                .when(version("3", AgencyStatus.USABLE, updated()))
                .expectResultMessagePayload(AgencyOutcome.HELD);
    }

    @Test
    void onlyTheUpdateThatIsHeldCanBeAppliedOrDismissed() {
        fixture.given(editedByTheDesk())
                .when(new ApplyAgencyUpdate(ID, "2", LanguageList.DEFAULT, null))
                .expectNoEvents()
                .expectException(violation("no-agency-update"));

        fixture.given(plus(editedByTheDesk(), new AgencyUpdateHeld(ID, item("3", AgencyStatus.USABLE), updated())))
                .when(new DismissAgencyUpdate(ID, "2", null))
                .expectNoEvents()
                .expectException(violation("no-agency-update"));
    }

    @Test
    void aVersionReceivedBeforeOrOlderThanOneReceivedIsRefused() {
        fixture.given(ingested())
                .when(version("1", AgencyStatus.USABLE, updated()))
                .expectNoEvents()
                .expectException(violation("agency-version-known"));

        fixture.given(plus(ingested(), new AgencyItemIngested(ID, item("3", AgencyStatus.USABLE))))
                .when(version("2", AgencyStatus.USABLE, updated()))
                .expectNoEvents()
                .expectException(violation("agency-version-superseded"));
    }

    @Test
    void versionsAreOrderedByNumberThenByTimeThenByText() {
        assertThat(AgencyVersions.compare(item("10", AgencyStatus.USABLE), item("9", AgencyStatus.USABLE)))
                .isPositive();
        AgencyItem earlier = item("a", AgencyStatus.USABLE);
        AgencyItem later = new AgencyItem(
                "AFP",
                URI,
                "0",
                Instant.parse("2019-02-28T00:00:00Z"),
                null,
                List.of(),
                AgencyStatus.USABLE,
                null,
                earlier.original(),
                List.of(),
                List.of());
        assertThat(AgencyVersions.compare(earlier, later)).isNegative();
    }

    @Test
    void aWithheldVersionHoldsPublicationUntilAUsableOneArrives() {
        List<Object> withheld = plus(
                Story.inReview(),
                new AgencyItemIngested(ID, item("1", AgencyStatus.USABLE)),
                new AgencyItemIngested(ID, item("2", AgencyStatus.WITHHELD)));
        fixture.given(withheld)
                .when(new PublishArticle(ID, null, null))
                .expectNoEvents()
                .expectException(violation("agency-withheld"));
        fixture.given(withheld)
                .when(new SchedulePublication(
                        ID, "s1", Instant.parse("2026-03-04T14:00:00Z"), Instant.parse("2026-03-04T10:00:00Z")))
                .expectNoEvents()
                .expectException(violation("agency-withheld"));

        fixture.given(plus(withheld, new AgencyItemIngested(ID, item("3", AgencyStatus.USABLE))))
                .when(new PublishArticle(ID, null, null))
                .expectEvents(Story.firstPublication());
    }

    @Test
    void aCanceledItemWithdrawsTheArticleAndSaysWhetherItWasLive() {
        fixture.given(plus(Story.published(), new AgencyItemIngested(ID, item("1", AgencyStatus.USABLE))))
                .when(version("2", AgencyStatus.CANCELED, Story.content()))
                .expectEvents(new AgencyItemWithdrawn(ID, item("2", AgencyStatus.CANCELED), true))
                .expectResultMessagePayload(AgencyOutcome.WITHDRAWN);

        fixture.given(ingested())
                .when(version("2", AgencyStatus.CANCELED, Story.content()))
                .expectEvents(new AgencyItemWithdrawn(ID, item("2", AgencyStatus.CANCELED), false));
    }

    @Test
    void aWithdrawnArticleRefusesPublication() {
        fixture.given(plus(
                        Story.inReview(),
                        new AgencyItemIngested(ID, item("1", AgencyStatus.USABLE)),
                        new AgencyItemWithdrawn(ID, item("2", AgencyStatus.CANCELED), false)))
                .when(new PublishArticle(ID, null, null))
                .expectNoEvents()
                .expectException(violation("agency-withdrawn"));
    }

    @Test
    void anArticleWrittenInTheNewsroomPublishesAsBefore() {
        fixture.given(Story.inReview()).when(new PublishArticle(ID, null, null)).expectEvents(firstPublication());
    }

    @Test
    void contentCheckNamesTheFirstFieldNoArticleMayHold() {
        ArticleContent story = Story.content();
        Photo uncaptioned = new Photo(new PhotoId("p"), "https://images.example.com/x.jpg", " ", "AFP", null);
        ArticleContent content = new ArticleContent(
                story.headline(), story.standfirst(), story.body(), "en", List.of(LEAD_PHOTO, uncaptioned), List.of());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ContentCheck.content(content, LanguageList.DEFAULT))
                .isInstanceOfSatisfying(
                        InvalidArticleContent.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("photos[1].caption"));
    }

    @Test
    void aRegionalTagStandsForItsListedLanguage() {
        assertThat(ContentCheck.listedLanguage("en-GB", LanguageList.DEFAULT)).hasValue("en-GB");
        assertThat(ContentCheck.listedLanguage("fr-CH", LanguageList.DEFAULT)).hasValue("fr");
        assertThat(ContentCheck.listedLanguage("xx", LanguageList.DEFAULT)).isEmpty();
    }

    private static ArticlePublished firstPublication() {
        return Story.firstPublication();
    }
}
