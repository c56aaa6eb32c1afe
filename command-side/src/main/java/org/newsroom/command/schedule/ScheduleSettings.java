package org.newsroom.command.schedule;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code newsroom.desk.schedule.*}: how scheduled publications are fired.
 *
 * @param checkInterval how often the instance holding the schedule's claim looks for due schedules
 * @param retryInterval how long a schedule the article refused to publish (its content incomplete, say) waits
 *                      before it is tried again; it stays pending until it fires or an editor cancels it
 */
@ConfigurationProperties("newsroom.desk.schedule")
public record ScheduleSettings(
        @DefaultValue("200ms") Duration checkInterval,
        @DefaultValue("30s") Duration retryInterval) {}
