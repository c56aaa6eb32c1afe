package org.newsroom.query.audit;

import java.time.Instant;

/** The article as it stood after event number {@code version}, or (when {@code version} is null) at instant {@code at}. */
public record FindArticleVersion(String articleId, Long version, Instant at) {

    public FindArticleVersion {
        if ((version == null) == (at == null)) {
            throw new IllegalArgumentException("ask for a version or an instant, not both or neither");
        }
        if (version != null && version < 1) {
            throw new IllegalArgumentException("versions count from 1");
        }
    }
}
