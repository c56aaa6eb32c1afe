package org.newsroom.query.web;

import org.newsroom.query.projection.ProjectedPositions;
import org.newsroom.query.projection.ProjectionSettings;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Which projection serves which query route, for {@code ?atLeast=}. */
@Configuration(proxyBeanMethods = false)
class QueryWebConfiguration implements WebMvcConfigurer {

    private final ProjectedPositions positions;
    private final ProjectionSettings settings;

    QueryWebConfiguration(ProjectedPositions positions, ProjectionSettings settings) {
        this.positions = positions;
        this.settings = settings;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ReadYourWrites("site", positions, settings.waitTimeout()))
                .addPathPatterns("/site/**");
        registry.addInterceptor(new ReadYourWrites("editorial", positions, settings.waitTimeout()))
                .addPathPatterns("/api/articles", "/api/articles/*");
        registry.addInterceptor(new ReadYourWrites("audit", positions, settings.waitTimeout()))
                .addPathPatterns("/audit/**");
    }
}
