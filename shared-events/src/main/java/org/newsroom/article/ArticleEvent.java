package org.newsroom.article;

/** Every event the Article aggregate records. */
public sealed interface ArticleEvent
        permits ArticleDrafted,
                ArticleRevised,
                PhotoAttached,
                PhotoUpdated,
                PhotoDetached,
                PhotosReordered,
                BylineAssigned,
                ArticleSubmittedForReview,
                ChangesRequested,
                ArticlePublished,
                ArticleUnpublished,
                ArticleKilled,
                CommentAdded,
                PublicationScheduled,
                ScheduledPublicationCancelled,
                EmbargoSet,
                EmbargoLifted,
                AgencyItemIngested,
                AgencyUpdateHeld,
                AgencyUpdateDismissed,
                AgencyItemWithdrawn {

    ArticleId articleId();
}
