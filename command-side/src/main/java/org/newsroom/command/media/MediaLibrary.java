package org.newsroom.command.media;

import java.util.Optional;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.newsroom.media.MediaId;
import org.newsroom.media.MediaUploaded;
import org.newsroom.media.Rendition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The uploaded images, as the event log records them: an id names an image when its first event is
 * {@link MediaUploaded} (an article's id, or an id never used, names none). Their public addresses are
 * {@code <newsroom.site.base-url>/media/<mediaId>/<rendition>}, on the public site's host.
 */
@Service
public class MediaLibrary {

    private final EventStore events;
    private final String baseUrl;

    MediaLibrary(EventStore events, @Value("${newsroom.site.base-url:https://newsroom.example}") String baseUrl) {
        this.events = events;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The image uploaded under {@code id}: one read of the log by aggregate id. */
    public Optional<LibraryImage> find(MediaId id) {
        DomainEventStream stream = events.readEvents(id.value(), 0);
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = stream.next();
        if (!(first.getPayload() instanceof MediaUploaded uploaded)) {
            return Optional.empty();
        }
        return Optional.of(new LibraryImage(id, publicUri(id, Rendition.ORIGINAL), uploaded.renditions()));
    }

    public String publicUri(MediaId id, String rendition) {
        return baseUrl + "/media/" + id.value() + "/" + rendition;
    }
}
