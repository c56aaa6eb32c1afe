package org.newsroom.media;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies an uploaded image in the media library. Serialized as a plain string. */
public record MediaId(String value) {

    @JsonCreator
    public MediaId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("media id must not be blank");
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
