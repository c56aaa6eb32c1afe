package org.newsroom.query.web;

import java.util.List;

import org.newsroom.eventlog.EventLogStorageEngine;
import org.newsroom.platform.security.CacheableRoutes;
import org.newsroom.platform.security.FrameableRoutes;
import org.newsroom.platform.web.ProblemWriter;
import org.newsroom.query.projection.ProjectedPositions;
import org.newsroom.query.projection.ProjectionSettings;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Which projection serves which query route, for {@code ?atLeast=}. */
@Configuration(proxyBeanMethods = false)
class QueryWebConfiguration {

    /** Right after Spring Security: only those allowed to read wait. */
    static final int READ_YOUR_WRITES_ORDER = SecurityProperties.DEFAULT_FILTER_ORDER + 10;

    /** The public site and the images set their own Cache-Control: public, for anyone's cache. */
    @Bean
    CacheableRoutes publicCacheableRoutes() {
        return new CacheableRoutes(List.of("/site/**", "/media/**"));
    }

    /** The editor frames the preview of the working copy. */
    @Bean
    FrameableRoutes previewFrames() {
        return new FrameableRoutes(List.of("/api/articles/*/preview"));
    }

    @Bean
    FilterRegistrationBean<ReadYourWrites> readYourWrites(
            ProjectedPositions positions,
            EventLogStorageEngine eventLog,
            ProjectionSettings settings,
            ProblemWriter problems) {
        ReadYourWrites filter = new ReadYourWrites(
                List.of(
                        ReadYourWrites.Route.of("/site/**", "site"),
                        ReadYourWrites.Route.of("/api/articles", "editorial"),
                        ReadYourWrites.Route.of("/api/articles/*", "editorial"),
                        ReadYourWrites.Route.of("/api/articles/*/preview", "editorial"),
                        ReadYourWrites.Route.of("/media/**", "media"),
                        ReadYourWrites.Route.of("/audit/**", "audit")),
                positions,
                eventLog,
                new WaitLimits(settings.maxWaits(), settings.maxWaitsPerClient()),
                settings.waitTimeout(),
                problems);
        FilterRegistrationBean<ReadYourWrites> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(READ_YOUR_WRITES_ORDER);
        registration.setAsyncSupported(true);
        return registration;
    }
}
