package org.newsroom.command.article.web;

/** Bodies of successful writes. {@code version} is the article's version after the write, as in its ETag. */
final class Answers {

    /** {@code POST /api/articles}. */
    record DraftAnswer(String id, long version) {}

    /** {@code POST /api/articles/{id}/photos}. */
    record PhotoAnswer(String photoId, long version) {}

    /** {@code POST /api/articles/{id}/comments}. */
    record CommentAnswer(String commentId, long version) {}

    /** {@code PUT /api/articles/{id}/schedule}. */
    record ScheduleAnswer(String scheduleId, long version) {}

    /** {@code POST /api/articles/{id}/publish}: {@code url} is the public site path. */
    record PublicationAnswer(long version, int publicationNumber, String url) {}

    /** Every other write. */
    record VersionAnswer(long version) {}

    private Answers() {}
}
