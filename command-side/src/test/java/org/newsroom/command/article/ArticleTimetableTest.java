package org.newsroom.command.article;

import static org.newsroom.command.article.Rejections.invalid;
import static org.newsroom.command.article.Rejections.violation;
import static org.newsroom.command.article.Story.ID;
import static org.newsroom.command.article.Story.SLUG;
import static org.newsroom.command.article.Story.plus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsroom.article.ArticleContent;
import org.newsroom.article.ArticlePublished;
import org.newsroom.article.ArticleRevised;
import org.newsroom.article.ArticleSubmittedForReview;
import org.newsroom.article.ArticleUnpublished;
import org.newsroom.article.ChangeKind;
import org.newsroom.article.EmbargoLifted;
import org.newsroom.article.EmbargoSet;
import org.newsroom.article.PublicationScheduled;
import org.newsroom.article.ScheduledPublicationCancelled;

/** Scheduled publication and embargo: what may be scheduled, what fires, and what an embargo holds back. */
class ArticleTimetableTest {

    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");
    private static final Instant AT = Instant.parse("2026-03-04T14:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-03-04T12:30:00Z");
    private static final String REASON = "AFP copy, checked against the wire";
    private static final String CORRECTION = "An earlier version misspelt the minister's name.";
    private static final ArticleRevised TYPO_FIXED = new ArticleRevised(ID, "Haftar in Rome", null, null, null);

    private final FixtureConfiguration<Article> fixture = new AggregateTestFixture<>(Article.class);

    private static SchedulePublication schedule(String id, Instant at) {
        return new SchedulePublication(ID, id, at, NOW);
    }

    private static SchedulePublication schedule(ChangeKind kind, String note, String withoutReview, boolean required) {
        return new SchedulePublication(ID, "s1", AT, kind, note, withoutReview, required, NOW, null);
    }

    private static PublicationScheduled scheduled(String id, Instant at) {
        return new PublicationScheduled(ID, id, at, null, null, null);
    }

    private static PublishArticle publishAt(Instant requestedAt) {
        return new PublishArticle(ID, null, null, null, true, null, requestedAt, null);
    }

    private static ArticlePublished firstPublication(String withoutReview, Instant scheduledFor, Duration lateness) {
        return new ArticlePublished(ID, 1, SLUG, null, null, Story.content(), withoutReview, scheduledFor, lateness);
    }

    private static ArticleContent fixedContent() {
        ArticleContent content = Story.content();
        return new ArticleContent(
                TYPO_FIXED.headline(),
                content.standfirst(),
                content.body(),
                content.language(),
                content.photos(),
                content.bylines());
    }

    // ---- scheduling ----

    @Test
    void canScheduleTheFirstPublicationOfAnArticleInReview() {
        fixture.given(Story.inReview()).when(schedule("s1", AT)).expectEvents(scheduled("s1", AT));
    }

    @Test
    void canScheduleAnArticleWhoseContentIsNotCompleteYet() {
        fixture.given(plus(Story.draft(), new ArticleSubmittedForReview(ID, null)))
                .when(schedule("s1", AT))
                .expectEvents(scheduled("s1", AT));
    }

    @Test
    void canScheduleACorrectionOfAPublishedArticleWithItsPublicNote() {
        fixture.given(Story.published())
                .when(schedule(ChangeKind.CORRECTION, CORRECTION, null, true))
                .expectEvents(new PublicationScheduled(ID, "s1", AT, ChangeKind.CORRECTION, CORRECTION, null));
    }

    @Test
    void aNewScheduleReplacesThePendingOne() {
        Instant later = AT.plus(Duration.ofHours(2));
        fixture.given(plus(Story.inReview(), scheduled("s1", AT)))
                .when(schedule("s2", later))
                .expectEvents(scheduled("s2", later));
        fixture.given(plus(Story.inReview(), scheduled("s1", AT), scheduled("s2", later)))
                .when(PublishArticle.scheduled(ID, "s1", AT))
                .expectNoEvents()
                .expectException(violation("schedule-not-pending"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-04T10:00:00Z", "2026-03-04T09:59:59.999Z", "2025-01-01T00:00:00Z"})
    void cannotScheduleForNowOrThePast(String at) {
        fixture.given(Story.inReview())
                .when(schedule("s1", Instant.parse(at)))
                .expectNoEvents()
                .expectException(invalid("schedule-in-the-past", "at"));
    }

    @Test
    void cannotScheduleTheFirstPublicationOfAnArticleNeverInReviewWithoutSayingWhy() {
        fixture.given(Story.readyToPublish())
                .when(schedule(null, null, null, true))
                .expectNoEvents()
                .expectException(violation("review-required"));
    }

    @Test
    void canScheduleTheFirstPublicationOfAnArticleNeverInReviewSayingWhy() {
        fixture.given(Story.readyToPublish())
                .when(schedule(null, null, REASON, true))
                .expectEvents(new PublicationScheduled(ID, "s1", AT, null, null, REASON));
    }

    @Test
    void canScheduleAnArticleNeverInReviewWhereTheInstallationDoesNotRequireReview() {
        fixture.given(Story.readyToPublish())
                .when(schedule(null, null, null, false))
                .expectEvents(scheduled("s1", AT));
    }

    @Test
    void cannotScheduleWithABlankReasonToSkipReview() {
        fixture.given(Story.readyToPublish())
                .when(schedule(null, null, " ", true))
                .expectNoEvents()
                .expectException(invalid("invalid-without-review", "withoutReview"));
    }

    @Test
    void cannotScheduleACorrectionOfWhatWasNeverPublished() {
        fixture.given(Story.inReview())
                .when(schedule(ChangeKind.CORRECTION, CORRECTION, null, true))
                .expectNoEvents()
                .expectException(violation("nothing-to-correct"));
    }

    @Test
    void cannotScheduleACorrectionWithoutAPublicNote() {
        fixture.given(Story.published())
                .when(schedule(ChangeKind.CORRECTION, null, null, true))
                .expectNoEvents()
                .expectException(violation("public-note-required"));
    }

    @Test
    void cannotScheduleBeforeTheEmbargoEnds() {
        fixture.given(plus(Story.inReview(), new EmbargoSet(ID, UNTIL)))
                .when(schedule("s1", UNTIL.minusSeconds(1)))
                .expectNoEvents()
                .expectException(violation("embargoed"))
                .expectExceptionMessage("The article is embargoed until 2026-03-04T12:30:00Z:"
                        + " it may not be published before then");
    }

    @Test
    void canScheduleForTheMomentTheEmbargoEnds() {
        fixture.given(plus(Story.inReview(), new EmbargoSet(ID, UNTIL)))
                .when(schedule("s1", UNTIL))
                .expectEvents(scheduled("s1", UNTIL));
    }

    @Test
    void cannotScheduleAKilledArticle() {
        fixture.given(Story.killed())
                .when(schedule("s1", AT))
                .expectNoEvents()
                .expectException(violation("article-killed"));
    }

    @Test
    void cannotScheduleWithoutAScheduleId() {
        fixture.given(Story.inReview())
                .when(schedule("", AT))
                .expectNoEvents()
                .expectException(invalid("invalid-id", "scheduleId"));
    }

    // ---- cancelling ----

    @Test
    void canCancelThePendingSchedule() {
        fixture.given(plus(Story.inReview(), scheduled("s1", AT)))
                .when(new CancelScheduledPublication(ID))
                .expectEvents(new ScheduledPublicationCancelled(ID, "s1"));
    }

    @Test
    void cannotCancelWhenNothingIsScheduled() {
        fixture.given(Story.inReview())
                .when(new CancelScheduledPublication(ID))
                .expectNoEvents()
                .expectException(violation("no-schedule"));
    }

    @Test
    void aPublicationAnUnpublicationOrACancellationEndsThePendingSchedule() {
        for (List<Object> history : List.of(
                plus(Story.inReview(), scheduled("s1", AT), Story.firstPublication()),
                plus(Story.published(), scheduled("s1", AT), new ArticleUnpublished(ID, "Legal")),
                plus(Story.inReview(), scheduled("s1", AT), new ScheduledPublicationCancelled(ID, "s1")))) {
            fixture.given(history)
                    .when(new CancelScheduledPublication(ID))
                    .expectNoEvents()
                    .expectException(violation("no-schedule"));
            fixture.given(history)
                    .when(PublishArticle.scheduled(ID, "s1", AT))
                    .expectNoEvents()
                    .expectException(violation("schedule-not-pending"));
        }
    }

    // ---- firing ----

    @Test
    void aDueScheduleFiresAsAPublicationRecordingWhenItWasDueAndHowLate() {
        fixture.given(plus(Story.inReview(), scheduled("s1", AT)))
                .when(PublishArticle.scheduled(ID, "s1", AT.plusMillis(183)))
                .expectEvents(firstPublication(null, AT, Duration.ofMillis(183)))
                .expectResultMessagePayload(new Publication(1, SLUG));
    }

    @Test
    void anOverdueScheduleFiresWithItsLateness() {
        fixture.given(plus(Story.inReview(), scheduled("s1", AT)))
                .when(PublishArticle.scheduled(ID, "s1", AT.plus(Duration.ofMinutes(42))))
                .expectEvents(firstPublication(null, AT, Duration.ofMinutes(42)));
    }

    @Test
    void aFiringPublishesWithTheChangeKindAndNoteDecidedWhenScheduling() {
        fixture.given(plus(
                        Story.published(),
                        new PublicationScheduled(ID, "s1", AT, ChangeKind.CORRECTION, CORRECTION, null),
                        TYPO_FIXED))
                .when(PublishArticle.scheduled(ID, "s1", AT))
                .expectEvents(new ArticlePublished(
                        ID, 2, SLUG, ChangeKind.CORRECTION, CORRECTION, fixedContent(), null, AT, Duration.ZERO));
    }

    @Test
    void aFiringRecordsTheReasonToSkipReviewGivenWhenScheduling() {
        fixture.given(plus(Story.readyToPublish(), new PublicationScheduled(ID, "s1", AT, null, null, REASON)))
                .when(PublishArticle.scheduled(ID, "s1", AT))
                .expectEvents(firstPublication(REASON, AT, Duration.ZERO));
    }

    @Test
    void aFiringOfAnArticleReviewedSinceItWasScheduledRecordsNoReason() {
        fixture.given(plus(
                        Story.readyToPublish(),
                        new PublicationScheduled(ID, "s1", AT, null, null, REASON),
                        new ArticleSubmittedForReview(ID, null)))
                .when(PublishArticle.scheduled(ID, "s1", AT))
                .expectEvents(firstPublication(null, AT, Duration.ZERO));
    }

    @Test
    void aScheduleFiresOnceASecondFiringIsRefused() {
        fixture.given(plus(Story.inReview(), scheduled("s1", AT), firstPublication(null, AT, Duration.ofMillis(5))))
                .when(PublishArticle.scheduled(ID, "s1", AT.plusSeconds(12)))
                .expectNoEvents()
                .expectException(violation("schedule-not-pending"));
    }

    @Test
    void aScheduleDoesNotFireBeforeItsTime() {
        fixture.given(plus(Story.inReview(), scheduled("s1", AT)))
                .when(PublishArticle.scheduled(ID, "s1", AT.minusMillis(1)))
                .expectNoEvents()
                .expectException(violation("schedule-not-due"));
    }

    @Test
    void aFiringRechecksTheEmbargo() {
        fixture.given(plus(Story.inReview(), scheduled("s1", AT), new EmbargoSet(ID, AT.plusSeconds(60))))
                .when(PublishArticle.scheduled(ID, "s1", AT))
                .expectNoEvents()
                .expectException(violation("embargoed"));
    }

    @Test
    void aFiringRechecksTheContentAndTheScheduleStaysPending() {
        fixture.given(plus(Story.draft(), new ArticleSubmittedForReview(ID, null), scheduled("s1", AT)))
                .when(PublishArticle.scheduled(ID, "s1", AT))
                .expectNoEvents()
                .expectException(violation("byline-missing"));
        fixture.given(plus(Story.draft(), new ArticleSubmittedForReview(ID, null), scheduled("s1", AT)))
                .when(new CancelScheduledPublication(ID))
                .expectEvents(new ScheduledPublicationCancelled(ID, "s1"));
    }

    // ---- embargo ----

    @Test
    void canEmbargoAnArticle() {
        fixture.given(Story.inReview()).when(new SetEmbargo(ID, UNTIL, NOW)).expectEvents(new EmbargoSet(ID, UNTIL));
    }

    @Test
    void aNewEmbargoReplacesTheEarlierOne() {
        Instant sooner = UNTIL.minusSeconds(3_600);
        fixture.given(plus(Story.inReview(), new EmbargoSet(ID, UNTIL)))
                .when(new SetEmbargo(ID, sooner, NOW))
                .expectEvents(new EmbargoSet(ID, sooner));
        fixture.given(plus(Story.inReview(), new EmbargoSet(ID, UNTIL), new EmbargoSet(ID, sooner)))
                .when(publishAt(sooner))
                .expectEvents(Story.firstPublication());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-04T10:00:00Z", "2026-03-03T10:00:00Z"})
    void cannotEmbargoUntilNowOrThePast(String until) {
        fixture.given(Story.inReview())
                .when(new SetEmbargo(ID, Instant.parse(until), NOW))
                .expectNoEvents()
                .expectException(invalid("embargo-in-the-past", "until"));
    }

    @Test
    void cannotEmbargoPastAPendingSchedule() {
        fixture.given(plus(Story.inReview(), scheduled("s1", AT)))
                .when(new SetEmbargo(ID, AT.plusSeconds(1), NOW))
                .expectNoEvents()
                .expectException(violation("schedule-before-embargo"));
    }

    @Test
    void canEmbargoUntilThePendingSchedule() {
        fixture.given(plus(Story.inReview(), scheduled("s1", AT)))
                .when(new SetEmbargo(ID, AT, NOW))
                .expectEvents(new EmbargoSet(ID, AT));
    }

    @Test
    void cannotPublishBeforeTheEmbargoEndsOrWithoutSayingWhen() {
        fixture.given(plus(Story.inReview(), new EmbargoSet(ID, UNTIL)))
                .when(publishAt(UNTIL.minusMillis(1)))
                .expectNoEvents()
                .expectException(violation("embargoed"));
        fixture.given(plus(Story.inReview(), new EmbargoSet(ID, UNTIL)))
                .when(new PublishArticle(ID, null, null))
                .expectNoEvents()
                .expectException(violation("embargoed"));
    }

    @Test
    void canPublishOnceTheEmbargoHasEnded() {
        fixture.given(plus(Story.inReview(), new EmbargoSet(ID, UNTIL)))
                .when(publishAt(UNTIL))
                .expectEvents(Story.firstPublication());
    }

    @Test
    void canLiftTheEmbargoAndPublishAtOnce() {
        fixture.given(plus(Story.inReview(), new EmbargoSet(ID, UNTIL)))
                .when(new LiftEmbargo(ID))
                .expectEvents(new EmbargoLifted(ID));
        fixture.given(plus(Story.inReview(), new EmbargoSet(ID, UNTIL), new EmbargoLifted(ID)))
                .when(publishAt(NOW))
                .expectEvents(Story.firstPublication());
    }

    @Test
    void cannotLiftAnEmbargoThatIsNotThere() {
        fixture.given(Story.inReview())
                .when(new LiftEmbargo(ID))
                .expectNoEvents()
                .expectException(violation("no-embargo"));
    }

    @Test
    void cannotEmbargoOrLiftAKilledArticle() {
        fixture.given(Story.killed())
                .when(new SetEmbargo(ID, UNTIL, NOW))
                .expectNoEvents()
                .expectException(violation("article-killed"));
    }
}
