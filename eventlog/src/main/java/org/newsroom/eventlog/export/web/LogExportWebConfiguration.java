package org.newsroom.eventlog.export.web;

import java.time.Clock;

import org.newsroom.eventlog.EventLogConfiguration;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.newsroom.eventlog.export.LogExport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

import com.mongodb.client.MongoDatabase;

/** The export route, in every web application with the event log: any instance can export the shared log. */
@AutoConfiguration(after = EventLogConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class LogExportWebConfiguration {

    /** Signs a checkpoint for what it exports when the application holds the log's key (the transparency log's). */
    @Bean
    LogExport logExport(
            EventLogStorageEngine log, MongoDatabase database, ObjectProvider<LogExport.Signing> signing, Clock clock) {
        return new LogExport(log, database, signing.getIfAvailable(), clock);
    }

    @Bean
    LogExportController logExportController(LogExport export) {
        return new LogExportController(export);
    }

    @Bean
    LogExportRouteAccess logExportRouteAccess() {
        return new LogExportRouteAccess();
    }
}
