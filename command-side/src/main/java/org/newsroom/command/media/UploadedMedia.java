package org.newsroom.command.media;

import org.newsroom.media.MediaUploaded;

/** An upload as recorded, and the global position of its event in the log. */
public record UploadedMedia(MediaUploaded uploaded, long position) {}
