package org.newsroom.article;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a photo within its article. Serialized as a plain string. */
public record PhotoId(String value) {

    @JsonCreator
    public PhotoId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("photo id must not be blank");
        }
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
