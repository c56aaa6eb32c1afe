package org.newsroom.article;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where an article's copy came from: one version of one agency item, as the agency identified and described it, and
 * what became of it on the way in. {@code source} is the agency (from the item's info source or provider);
 * {@code itemUri} and {@code itemVersion} identify the version (a ninjs {@code uri} and {@code version}, a NewsML-G2
 * {@code guid} and {@code version}); {@code urgency} is 1 (most urgent) to 9 when the agency gave one;
 * {@code original} names the bytes delivered, kept as they arrived; {@code dropped} lists the markup of the agency
 * body our HTML subset has no place for, and {@code notes} anything else the conversion had to decide (a headline
 * taken from the slugline, a picture that could not be attached).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgencyItem(
        String source,
        String itemUri,
        String itemVersion,
        @Nullable Instant versionCreated,
        @Nullable Integer urgency,
        List<AgencySubject> subjects,
        AgencyStatus pubStatus,
        @Nullable Instant embargoedUntil,
        AgencyOriginal original,
        List<DroppedMarkup> dropped,
        List<String> notes) {

    public AgencyItem {
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        dropped = dropped == null ? List.of() : List.copyOf(dropped);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
