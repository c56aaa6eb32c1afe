package org.newsroom.article;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies an article for its whole life. Serialized as a plain string. */
public record ArticleId(String value) {

    @JsonCreator
    public ArticleId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("article id must not be blank");
        }
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** Axon stores {@code toString()} as the aggregate identifier. */
    @Override
    public String toString() {
        return value;
    }
}
