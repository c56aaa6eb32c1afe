package org.newsroom.query.feed;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code newsroom.feed.*}: the pull feed's page sizes and long-poll bound, and the live stream's buffer, heartbeat and
 * reconnection hint.
 *
 * @param defaultLimit events per page when the client does not say
 * @param maxLimit     the most events one page holds
 * @param scanLimit    the most positions one filtered request examines
 * @param maxWait      the longest a request may long-poll ({@code wait=})
 * @param stream       the live stream
 */
@ConfigurationProperties("newsroom.feed")
public record FeedSettings(
        @DefaultValue("100") int defaultLimit,
        @DefaultValue("1000") int maxLimit,
        @DefaultValue("10000") int scanLimit,
        @DefaultValue("30s") Duration maxWait,
        @DefaultValue Stream stream) {

    /**
     * @param bufferSize  recent events kept in memory for live readers; one further behind reads the log
     * @param heartbeat   interval of the comment lines that keep idle connections open
     * @param retry       the reconnection delay suggested to clients ({@code retry:})
     * @param timeout     how long one stream connection lasts before the client is asked to reconnect
     * @param writers     threads writing to stream subscribers
     */
    public record Stream(
            @DefaultValue("1024") int bufferSize,
            @DefaultValue("15s") Duration heartbeat,
            @DefaultValue("3s") Duration retry,
            @DefaultValue("30m") Duration timeout,
            @DefaultValue("2") int writers) {}
}
