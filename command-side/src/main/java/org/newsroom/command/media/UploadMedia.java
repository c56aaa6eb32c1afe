package org.newsroom.command.media;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.newsroom.media.MediaId;
import org.newsroom.media.MediaUploaded;

/** Sent once an upload's original and renditions are stored: records them under a new media id. */
public record UploadMedia(@TargetAggregateIdentifier MediaId mediaId, MediaUploaded uploaded) {}
