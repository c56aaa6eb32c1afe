package org.newsroom.media;

/** Every event the media library records. */
public sealed interface MediaEvent permits MediaUploaded {

    MediaId mediaId();
}
