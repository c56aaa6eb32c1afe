package org.newsroom.command.media;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.newsroom.media.MediaId;
import org.newsroom.media.MediaUploaded;

/**
 * An uploaded image: one {@link MediaUploaded} event, recorded under its own media id, so that the read side learns of
 * the library from the event log like of everything else. An upload is never changed; a second one is a new image.
 */
@Aggregate
class Media {

    @AggregateIdentifier
    private MediaId id;

    Media() {}

    @CommandHandler
    Media(UploadMedia command) {
        if (!command.mediaId().equals(command.uploaded().mediaId())) {
            throw new IllegalArgumentException("an upload is recorded under its own media id");
        }
        apply(command.uploaded());
    }

    @EventSourcingHandler
    void on(MediaUploaded event) {
        id = event.mediaId();
    }
}
