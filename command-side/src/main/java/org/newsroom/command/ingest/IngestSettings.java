package org.newsroom.command.ingest;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code newsroom.ingest.*}: the drop folder agencies deliver into, if any, and what a cancellation does.
 *
 * @param dropFolder   the directory watched for agency files ({@code *.json} ninjs, {@code *.xml} NewsML-G2); none
 *                     when not set. Its {@code processing/<instance>}, {@code done/} and {@code rejected/} are made
 *                     beside the files.
 * @param pollInterval how often the folder is looked at
 * @param stableAfter  how long a file must have been left unchanged before it is read (a file still being written
 *                     changes; agencies that write {@code <name>.tmp} then rename are never read before the rename)
 * @param claimTimeout how long a claimed file may stay in {@code processing/} before any instance returns it to the
 *                     folder (its instance died holding it)
 * @param killOnCancel whether an item the agency cancels kills its article at once; by default the article is only
 *                     withdrawn (it may not be published) and taking it down stays an editor's decision
 */
@ConfigurationProperties("newsroom.ingest")
public record IngestSettings(
        @Nullable Path dropFolder,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("1s") Duration stableAfter,
        @DefaultValue("5m") Duration claimTimeout,
        @DefaultValue("false") boolean killOnCancel) {}
