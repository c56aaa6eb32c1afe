package org.newsroom.article;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why an article that is already live is published again. Corrections and clarifications carry a public note. */
public enum ChangeKind {
    @JsonProperty("update")
    UPDATE,
    @JsonProperty("correction")
    CORRECTION,
    @JsonProperty("clarification")
    CLARIFICATION;

    public boolean needsPublicNote() {
        return this != UPDATE;
    }
}
