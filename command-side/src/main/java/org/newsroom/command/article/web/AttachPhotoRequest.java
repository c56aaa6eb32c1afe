package org.newsroom.command.article.web;

import org.jspecify.annotations.Nullable;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/articles/{id}/photos}: a photo from the media library by its {@code mediaId} (the result of
 * {@code POST /api/media}), an http(s) image URI on a public host, or a picture an agency sent on its own by the item
 * version it was ingested as ({@code agencyItem}, as on the incoming list: the photo is its rendition, and the
 * recorded photo keeps the item); one of the three, with its caption and credit.
 */
public record AttachPhotoRequest(
        @Size(max = Limits.TEXT) @PublicUri @Nullable String uri,
        @Size(max = Limits.TOKEN) @Nullable String mediaId,
        @Valid @Nullable AgencyItemReference agencyItem,
        @NotNull @Size(max = Limits.TEXT) String caption,
        @NotNull @Size(max = Limits.TITLE) String credit,
        @Size(max = Limits.TEXT) @Nullable String altText) {

    /** An ingested agency item version: its agency ({@code source}), {@code itemUri} and {@code itemVersion}. */
    public record AgencyItemReference(
            @NotNull @Size(max = Limits.TITLE) String source,
            @NotNull @Size(max = Limits.TEXT) String itemUri,
            @NotNull @Size(max = Limits.TITLE) String itemVersion) {}
}
