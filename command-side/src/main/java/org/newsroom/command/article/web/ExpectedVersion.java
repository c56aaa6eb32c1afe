package org.newsroom.command.article.web;

import org.jspecify.annotations.Nullable;

/**
 * The article version a write is conditional on, read from its {@code If-Match} header by {@link IfMatchResolver}
 * for every route that takes one. {@code axonVersion} is Axon's aggregate version (the HTTP version minus one), or
 * null when the write is unconditional: no header, or {@code *}. {@link ArticleCommandDocumentation} describes it as
 * that header.
 */
record ExpectedVersion(@Nullable Long axonVersion) {

    /** Parses the header by {@link IfMatch}'s rules; throws {@link IfMatch.Invalid} for anything else. */
    static ExpectedVersion of(@Nullable String header) {
        return new ExpectedVersion(IfMatch.expectedVersion(header));
    }
}
