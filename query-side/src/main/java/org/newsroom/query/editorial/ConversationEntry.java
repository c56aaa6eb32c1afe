package org.newsroom.query.editorial;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One turn of the desk's conversation about an article: {@code kind} is {@code submitted} (the reporter's note, if
 * any), {@code changes-requested} (the editor's note), {@code comment}, or {@code published-without-review} (the
 * editor's reason); {@code actor} is null when the event carried none.
 */
public record ConversationEntry(
        String kind, @Nullable String text, @Nullable String actor, Instant at) {

    static final String SUBMITTED = "submitted";
    static final String CHANGES_REQUESTED = "changes-requested";
    static final String COMMENT = "comment";
    static final String PUBLISHED_WITHOUT_REVIEW = "published-without-review";
}
