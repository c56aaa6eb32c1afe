package org.newsroom.query.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cloudevents.core.builder.CloudEventBuilder;

class RecentEventsTest {

    @Test
    void servesTheEventsAfterAPositionItStillHolds() {
        RecentEvents ring = new RecentEvents(4, 10);
        for (long position = 11; position <= 16; position++) {
            ring.append(event(position));
        }

        assertThat(ring.oldest()).isEqualTo(13);
        assertThat(positions(ring.after(12, 10))).containsExactly(13L, 14L, 15L, 16L);
        assertThat(positions(ring.after(14, 1))).containsExactly(15L);
        assertThat(ring.after(16, 10)).isEmpty();
        assertThat(ring.after(99, 10)).isEmpty();
    }

    @Test
    void tellsAReaderBehindItToReadTheLog() {
        RecentEvents ring = new RecentEvents(4, 10);
        for (long position = 11; position <= 16; position++) {
            ring.append(event(position));
        }

        assertThat(ring.after(11, 10)).isNull();
        assertThat(ring.after(3, 10)).isNull();
        assertThat(new RecentEvents(4, 10).after(9, 10)).isNull();
    }

    @Test
    void refusesAGap() {
        RecentEvents ring = new RecentEvents(4, 10);

        assertThatThrownBy(() -> ring.append(event(12))).isInstanceOf(IllegalStateException.class);
    }

    private static List<Long> positions(List<FeedEvent> events) {
        return events.stream().map(FeedEvent::position).toList();
    }

    private static FeedEvent event(long position) {
        return new FeedEvent(
                position,
                CloudEventBuilder.v1()
                        .withId("e" + position)
                        .withSource(URI.create("/articles"))
                        .withType("news.article.revised.v1")
                        .build(),
                "{}");
    }
}
